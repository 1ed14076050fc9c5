package dev.veil.codegen;

import static dev.veil.codegen.JavaSanitizerGenerator.ATTRIBUTE_VALUE;
import static dev.veil.codegen.JavaSanitizerGenerator.CLIENT;
import static dev.veil.codegen.JavaSanitizerGenerator.GET_ITEM_REQUEST;
import static dev.veil.codegen.JavaSanitizerGenerator.GET_ITEM_RESPONSE;
import static dev.veil.codegen.JavaSanitizerGenerator.ITEM;
import static dev.veil.codegen.JavaSanitizerGenerator.OPTIONAL;
import static dev.veil.codegen.JavaSanitizerGenerator.PATTERN;
import static dev.veil.codegen.JavaSanitizerGenerator.QUERY_REQUEST;
import static dev.veil.codegen.JavaSanitizerGenerator.SCAN_REQUEST;
import static dev.veil.codegen.JavaSanitizerGenerator.STREAM;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.veil.model.Policy;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The generated Java read helpers ({@code getItem}, {@code query}, {@code scan}), the constants they
 * send and the key-condition patterns they read: one JavaPoet source for a table of one kind and for
 * a policy with entities, which differ only in how the owner view is decided and in skipping the
 * items an entity sanitizer drops whole.
 */
final class JavaReads {

    private static final ClassName SET = ClassName.get("java.util", "Set");
    private static final ClassName HASH_SET = ClassName.get("java.util", "HashSet");
    private static final ClassName HASH_MAP = ClassName.get("java.util", "HashMap");
    private static final ClassName OBJECTS = ClassName.get("java.util", "Objects");

    private JavaReads() {
    }

    /** TABLE_NAME, POLICY_VERSION and POLICY_DIGEST. */
    static List<FieldSpec> policyConstants(Policy policy) {
        return List.of(JavaSanitizerGenerator.constant(String.class, "TABLE_NAME", CodeBlock.of("$L", JavaLiteral.of(policy.table()))),
                JavaSanitizerGenerator.constant(int.class, "POLICY_VERSION", CodeBlock.of("$L", policy.version())),
                JavaSanitizerGenerator.constant(String.class, "POLICY_DIGEST", CodeBlock.of("$L", JavaLiteral.of(policy.digest().orElse("")))));
    }

    /** The projection expression and names of each view. */
    static List<FieldSpec> projectionConstants(ProjectionPlan plan) {
        return List.of(JavaSanitizerGenerator.constant(String.class, "PROJECTION_EXPRESSION_OWNER",
                        CodeBlock.of("$L", JavaLiteral.of(plan.owner().expression()))),
                JavaSanitizerGenerator.namesConstant("EXPRESSION_ATTRIBUTE_NAMES_OWNER", plan.owner()),
                JavaSanitizerGenerator.constant(String.class, "PROJECTION_EXPRESSION_PUBLIC",
                        CodeBlock.of("$L", JavaLiteral.of(plan.publicView().expression()))),
                JavaSanitizerGenerator.namesConstant("EXPRESSION_ATTRIBUTE_NAMES_PUBLIC", plan.publicView()));
    }

    /** AND, EQUALS and NAME: how the helpers split a key condition, read an equality and find names. */
    static List<FieldSpec> keyConditionPatterns() {
        return List.of(FieldSpec.builder(PATTERN, "AND", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.compile($S, $T.CASE_INSENSITIVE)", PATTERN, "\\s+AND\\s+", PATTERN).build(),
                FieldSpec.builder(PATTERN, "EQUALS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.compile($S)", PATTERN, "^(#?[A-Za-z0-9_]+)\\s*=\\s*(:[A-Za-z0-9_]+)$").build(),
                FieldSpec.builder(PATTERN, "NAME", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.compile($S)", PATTERN, "#[A-Za-z0-9_]+|(?<![:#\\w.])[A-Za-z_][A-Za-z0-9_]*").build());
    }

    static MethodSpec getItem(boolean entities) {
        CodeBlock ownerView = entities
                ? CodeBlock.builder().addStatement("boolean ownerView = ownerView(key, $T.of(), requesterId, false)", SET).build()
                : CodeBlock.builder()
                        .add("// The owner projection only for an item that may be the requester's: a key naming the\n")
                        .add("// owner attribute says whose item it is, a key without it could be anyone's.\n")
                        .addStatement("boolean ownerView = requesterId != null && OWNER_ATTRIBUTE.isPresent()\n"
                                + "&& (!key.containsKey(OWNER_ATTRIBUTE.get()) || isOwner(key, requesterId))")
                        .build();
        return MethodSpec.methodBuilder("getItem")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Fetches one item with the projection of the requester's view and sanitizes it.\n\n"
                        + (entities ? "@return the sanitized item, or empty when there is no such item or it matches no entity or\n"
                                + "        several\n"
                                : "@return the sanitized item, or empty when there is no such item\n"))
                .returns(ParameterizedTypeName.get(OPTIONAL, ITEM))
                .addParameter(CLIENT, "client")
                .addParameter(ITEM, "key")
                .addParameter(String.class, "requesterId")
                .addStatement("$T.Builder request = $T.builder().tableName(TABLE_NAME).key(key)", GET_ITEM_REQUEST, GET_ITEM_REQUEST)
                .addCode(ownerView)
                .addStatement("String expression = ownerView ? PROJECTION_EXPRESSION_OWNER : PROJECTION_EXPRESSION_PUBLIC")
                .beginControlFlow("if (!expression.isEmpty())")
                .addStatement("request.projectionExpression(expression).expressionAttributeNames(ownerView "
                        + "? EXPRESSION_ATTRIBUTE_NAMES_OWNER : EXPRESSION_ATTRIBUTE_NAMES_PUBLIC)")
                .endControlFlow()
                .addStatement("$T response = client.getItem(request.build())", GET_ITEM_RESPONSE)
                .addStatement("return response.hasItem() ? $T.$L(sanitize(response.item(), requesterId)) : $T.empty()",
                        OPTIONAL, entities ? "ofNullable" : "of", OPTIONAL)
                .build();
    }

    static MethodSpec scan(boolean entities) {
        MethodSpec.Builder scan = MethodSpec.methodBuilder("scan")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("Scans the whole table page by page, lazily, with the public projection (a scan reads\n"
                        + (entities ? "everyone's items), and sanitizes every item for the requester, skipping items of no\n"
                                + "entity or of several.\n"
                                : "everyone's items), and sanitizes every item for the requester.\n"))
                .returns(ParameterizedTypeName.get(STREAM, ITEM))
                .addParameter(CLIENT, "client")
                .addParameter(String.class, "requesterId")
                .addStatement("$T.Builder request = $T.builder().tableName(TABLE_NAME)", SCAN_REQUEST, SCAN_REQUEST);
        if (!entities) {
            scan.addComment("Always the public projection: a scan reads everyone's items.");
        }
        return scan.beginControlFlow("if (!PROJECTION_EXPRESSION_PUBLIC.isEmpty())")
                .addStatement("request.projectionExpression(PROJECTION_EXPRESSION_PUBLIC)"
                        + ".expressionAttributeNames(EXPRESSION_ATTRIBUTE_NAMES_PUBLIC)")
                .endControlFlow()
                .addStatement("return client.scanPaginator(request.build()).items().stream()$L", sanitized(entities))
                .build();
    }

    static MethodSpec query(boolean entities) {
        CodeBlock ownerView = entities
                ? CodeBlock.builder()
                        .addStatement("$T pins = new $T<>()", ParameterizedTypeName.get(JavaSanitizerGenerator.MAP,
                                ClassName.get(String.class), ATTRIBUTE_VALUE), HASH_MAP)
                        .addStatement("$T named = new $T<>()", ParameterizedTypeName.get(SET, ClassName.get(String.class)), HASH_SET)
                        .addStatement("pins(request, pins, named)")
                        .addStatement("boolean ownerView = ownerView(pins, named, requesterId, request.indexName() != null)")
                        .build()
                : CodeBlock.builder().addStatement("boolean ownerView = queryOwnerView(request, requesterId)").build();
        String which = entities
                ? """
                        Runs {@code request} page by page, lazily, with the projection of the requester's view, and
                        sanitizes every item for the requester, skipping items of no entity or of several. The
                        owner projection only when every item the query can return may be the requester's (see
                        {@link #ownerView}); anything else gets the public projection.
                        """
                : """
                        Runs {@code request} page by page, lazily, with the projection of the requester's view, and
                        sanitizes every item for the requester. The owner projection only for a query of the
                        requester's own items: a key condition pinning the owner attribute to {@code requesterId},
                        or a query of the table whose key condition leaves the owner attribute out (it then is not
                        the partition key); anything else reads anyone's items and gets the public projection.
                        """;
        return MethodSpec.methodBuilder("query")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc(which + """

                        @param request     the query: key condition, names and values, and optionally index, filter,
                                           limit (a page size), order; its table name, if set, must be this table's;
                                           it must not set a projection, select or the legacy key conditions
                        @param requesterId the requester's id, or null when anonymous
                        @throws IllegalArgumentException when {@code request} cannot be sent as it is
                        """)
                .returns(ParameterizedTypeName.get(STREAM, ITEM))
                .addParameter(CLIENT, "client")
                .addParameter(QUERY_REQUEST, "request")
                .addParameter(String.class, "requesterId")
                .addCode(queryRequestChecks())
                .addCode(ownerView)
                .addStatement("$T.Builder builder = request.toBuilder().tableName(TABLE_NAME)", QUERY_REQUEST)
                .addStatement("String expression = ownerView ? PROJECTION_EXPRESSION_OWNER : PROJECTION_EXPRESSION_PUBLIC")
                .beginControlFlow("if (!expression.isEmpty())")
                .addStatement("builder.projectionExpression(expression).expressionAttributeNames(withNames("
                        + "request.expressionAttributeNames(), ownerView ? EXPRESSION_ATTRIBUTE_NAMES_OWNER "
                        + ": EXPRESSION_ATTRIBUTE_NAMES_PUBLIC))")
                .endControlFlow()
                .addStatement("return client.queryPaginator(builder.build()).items().stream()$L", sanitized(entities))
                .build();
    }

    /** Each item sanitized; with entities, the items dropped whole left out. */
    private static CodeBlock sanitized(boolean entities) {
        return entities
                ? CodeBlock.of(".map(item -> sanitize(item, requesterId)).filter($T::nonNull)", OBJECTS)
                : CodeBlock.of(".map(item -> sanitize(item, requesterId))");
    }

    /** The checks a generated {@code query()} makes of the caller's request before sending it. */
    private static CodeBlock queryRequestChecks() {
        return CodeBlock.builder()
                .beginControlFlow("if (request.tableName() != null && !request.tableName().equals(TABLE_NAME))")
                .addStatement("throw new IllegalArgumentException($S + request.tableName() + $S + TABLE_NAME)",
                        "the request names the table ", ", but this sanitizer is for ")
                .endControlFlow()
                .beginControlFlow("if (request.projectionExpression() != null || request.select() != null "
                        + "|| request.hasAttributesToGet() || request.hasKeyConditions() || request.hasQueryFilter())")
                .addStatement("throw new IllegalArgumentException($S)", "the request sets a projection, select or legacy "
                        + "conditions: query() sends the projection of the requester's view; build the request "
                        + "with a key condition expression")
                .endControlFlow()
                .beginControlFlow("if (request.keyConditionExpression() == null)")
                .addStatement("throw new IllegalArgumentException($S)", "query() needs a key condition expression")
                .endControlFlow()
                .build();
    }
}
