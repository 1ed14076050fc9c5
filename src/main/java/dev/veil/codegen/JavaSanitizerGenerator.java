package dev.veil.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.veil.model.Classification;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <TablePascal>Sanitizer.java} with JavaPoet, which owns formatting, imports and
 * string escaping. The policy becomes a small table of rules walked by one generic method, so the
 * output stays short however many attributes the policy has. Needs Java 17 and the AWS SDK v2.
 */
final class JavaSanitizerGenerator implements SanitizerGenerator {

    private static final ClassName ATTRIBUTE_VALUE =
            ClassName.get("software.amazon.awssdk.services.dynamodb.model", "AttributeValue");
    private static final ClassName CLIENT = ClassName.get("software.amazon.awssdk.services.dynamodb", "DynamoDbClient");
    private static final ClassName GET_ITEM_REQUEST =
            ClassName.get("software.amazon.awssdk.services.dynamodb.model", "GetItemRequest");
    private static final ClassName GET_ITEM_RESPONSE =
            ClassName.get("software.amazon.awssdk.services.dynamodb.model", "GetItemResponse");
    private static final ClassName SCAN_REQUEST = ClassName.get("software.amazon.awssdk.services.dynamodb.model", "ScanRequest");
    private static final ClassName MAP = ClassName.get(Map.class);
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    private static final ClassName STREAM = ClassName.get("java.util.stream", "Stream");
    private static final ClassName HASH_MAP = ClassName.get("java.util", "HashMap");
    private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
    private static final TypeName ITEM = ParameterizedTypeName.get(MAP, ClassName.get(String.class), ATTRIBUTE_VALUE);
    private static final TypeName NAMES = ParameterizedTypeName.get(MAP, ClassName.get(String.class), ClassName.get(String.class));

    @Override
    public List<GeneratedFile> generate(Policy policy, ProjectionPlan plan, GeneratorOptions options) {
        String className = TableNames.pascal(policy.table()) + "Sanitizer";
        ClassName self = ClassName.get(options.javaPackage(), className);
        ClassName rule = self.nestedClass("Rule");
        ClassName access = self.nestedClass("Access");
        TypeSpec type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(Headers.javadoc(policy, plan))
                .addField(constant(String.class, "TABLE_NAME", CodeBlock.of("$L", JavaLiteral.of(policy.table()))))
                .addField(constant(int.class, "POLICY_VERSION", CodeBlock.of("$L", policy.version())))
                .addField(constant(String.class, "POLICY_DIGEST", CodeBlock.of("$L", JavaLiteral.of(policy.digest().orElse("")))))
                .addField(FieldSpec.builder(ParameterizedTypeName.get(OPTIONAL, ClassName.get(String.class)),
                                "OWNER_ATTRIBUTE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The attribute holding the owner's id; empty when no requester is ever the owner.\n")
                        .initializer(policy.owner().map(o -> CodeBlock.of("$T.of($L)", OPTIONAL, JavaLiteral.of(o)))
                                .orElse(CodeBlock.of("$T.empty()", OPTIONAL)))
                        .build())
                .addField(constant(String.class, "PROJECTION_EXPRESSION_OWNER", CodeBlock.of("$L", JavaLiteral.of(plan.owner().expression()))))
                .addField(namesConstant("EXPRESSION_ATTRIBUTE_NAMES_OWNER", plan.owner()))
                .addField(constant(String.class, "PROJECTION_EXPRESSION_PUBLIC",
                        CodeBlock.of("$L", JavaLiteral.of(plan.publicView().expression()))))
                .addField(namesConstant("EXPRESSION_ATTRIBUTE_NAMES_PUBLIC", plan.publicView()))
                .addField(FieldSpec.builder(ParameterizedTypeName.get(MAP, ClassName.get(String.class), rule), "RULES",
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer(fields(policy.attributes(), access, rule)).build())
                .addField(FieldSpec.builder(rule, "ROOT", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T($T.INHERIT, RULES, null)", rule, access).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(sanitize())
                .addMethod(isOwner())
                .addMethod(getItem())
                .addMethod(scan())
                .addMethod(filterFields(rule))
                .addMethod(apply(rule))
                .addType(accessEnum(access))
                .addType(ruleRecord(rule, access))
                .addType(view("PublicView", "What any requester may see.", plan.publicView()))
                .addType(view("OwnerView", "What the item's owner may see.", plan.owner()))
                .build();
        JavaFile file = JavaFile.builder(options.javaPackage(), type).indent("    ").skipJavaLangImports(true).build();
        String path = options.javaPackage().replace('.', '/') + "/" + className + ".java";
        return List.of(new GeneratedFile(path, file.toString()));
    }

    private static FieldSpec constant(Class<?> type, String name, CodeBlock value) {
        return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(value).build();
    }

    private static FieldSpec namesConstant(String name, Projection projection) {
        CodeBlock.Builder init = CodeBlock.builder();
        if (projection.names().isEmpty()) {
            init.add("$T.of()", MAP);
        } else {
            init.add("$T.ofEntries(", MAP).indent();
            List<Map.Entry<String, String>> entries = new ArrayList<>(projection.names().entrySet());
            for (int i = 0; i < entries.size(); i++) {
                init.add("\n$T.entry($L, $L)$L", MAP, JavaLiteral.of(entries.get(i).getKey()), JavaLiteral.of(entries.get(i).getValue()),
                        i < entries.size() - 1 ? "," : "");
            }
            init.unindent().add(")");
        }
        return FieldSpec.builder(NAMES, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(init.build()).build();
    }

    private static CodeBlock fields(Map<String, PolicyRule> fields, ClassName access, ClassName rule) {
        if (fields.isEmpty()) {
            return CodeBlock.of("$T.of()", MAP);
        }
        CodeBlock.Builder b = CodeBlock.builder().add("$T.ofEntries(", MAP).indent();
        List<Map.Entry<String, PolicyRule>> entries = new ArrayList<>(fields.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            b.add("\n$T.entry($L, $L)$L", MAP, JavaLiteral.of(entries.get(i).getKey()), rule(entries.get(i).getValue(), access, rule),
                    i < entries.size() - 1 ? "," : "");
        }
        return b.unindent().add(")").build();
    }

    private static CodeBlock rule(PolicyRule r, ClassName access, ClassName rule) {
        String accessName = r.classification().map(JavaSanitizerGenerator::accessName).orElse("INHERIT");
        CodeBlock items = r.items().map(i -> rule(i, access, rule)).orElse(CodeBlock.of("null"));
        return CodeBlock.of("new $T($T.$L, $L, $L)", rule, access, accessName, fields(r.fields(), access, rule), items);
    }

    private static String accessName(Classification c) {
        return switch (c) {
            case PUBLIC -> "PUBLIC";
            case OWNER_ONLY -> "OWNER_ONLY";
            case SECRET -> "SECRET";
        };
    }

    private static MethodSpec sanitize() {
        return MethodSpec.methodBuilder("sanitize")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("""
                        Returns what {@code requesterId} may see of {@code item}: public attributes, owner-only ones
                        when the requester is the item's owner, and nothing the policy does not name. Removed
                        attributes are absent, never null.

                        @param item        an item as the SDK returns it
                        @param requesterId the requester's id, or null when anonymous
                        @return a new map; {@code item} is not changed
                        """)
                .returns(ITEM)
                .addParameter(ITEM, "item")
                .addParameter(String.class, "requesterId")
                .addStatement("boolean owner = isOwner(item, requesterId)")
                .addStatement("return filterFields(item, owner ? ROOT.ownerNames : ROOT.publicNames, owner ? ROOT.ownerRules : ROOT.publicRules, owner)")
                .build();
    }

    private static MethodSpec isOwner() {
        return MethodSpec.methodBuilder("isOwner")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("True when the item's owner attribute, as text, equals {@code requesterId}.\n")
                .returns(boolean.class)
                .addParameter(ITEM, "item")
                .addParameter(String.class, "requesterId")
                .beginControlFlow("if (requesterId == null || OWNER_ATTRIBUTE.isEmpty())")
                .addStatement("return false")
                .endControlFlow()
                .addStatement("$T value = item.get(OWNER_ATTRIBUTE.get())", ATTRIBUTE_VALUE)
                .beginControlFlow("if (value == null)")
                .addStatement("return false")
                .endControlFlow()
                .addStatement("String text = value.s() != null ? value.s() : value.n()")
                .addStatement("return requesterId.equals(text)")
                .build();
    }

    private static MethodSpec getItem() {
        return MethodSpec.methodBuilder("getItem")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("""
                        Fetches one item with the projection of the requester's view and sanitizes it.

                        @return the sanitized item, or empty when there is no such item
                        """)
                .returns(ParameterizedTypeName.get(OPTIONAL, ITEM))
                .addParameter(CLIENT, "client")
                .addParameter(ITEM, "key")
                .addParameter(String.class, "requesterId")
                .addStatement("$T.Builder request = $T.builder().tableName(TABLE_NAME).key(key)", GET_ITEM_REQUEST, GET_ITEM_REQUEST)
                .addStatement("String expression = requesterId == null ? PROJECTION_EXPRESSION_PUBLIC : PROJECTION_EXPRESSION_OWNER")
                .beginControlFlow("if (!expression.isEmpty())")
                .addStatement("request.projectionExpression(expression).expressionAttributeNames(requesterId == null "
                        + "? EXPRESSION_ATTRIBUTE_NAMES_PUBLIC : EXPRESSION_ATTRIBUTE_NAMES_OWNER)")
                .endControlFlow()
                .addStatement("$T response = client.getItem(request.build())", GET_ITEM_RESPONSE)
                .addStatement("return response.hasItem() ? $T.of(sanitize(response.item(), requesterId)) : $T.empty()",
                        OPTIONAL, OPTIONAL)
                .build();
    }

    private static MethodSpec scan() {
        return MethodSpec.methodBuilder("scan")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("""
                        Scans the whole table page by page, lazily, with the projection of the requester's view,
                        and sanitizes every item.
                        """)
                .returns(ParameterizedTypeName.get(STREAM, ITEM))
                .addParameter(CLIENT, "client")
                .addParameter(String.class, "requesterId")
                .addStatement("$T.Builder request = $T.builder().tableName(TABLE_NAME)", SCAN_REQUEST, SCAN_REQUEST)
                .addStatement("String expression = requesterId == null ? PROJECTION_EXPRESSION_PUBLIC : PROJECTION_EXPRESSION_OWNER")
                .beginControlFlow("if (!expression.isEmpty())")
                .addStatement("request.projectionExpression(expression).expressionAttributeNames(requesterId == null "
                        + "? EXPRESSION_ATTRIBUTE_NAMES_PUBLIC : EXPRESSION_ATTRIBUTE_NAMES_OWNER)")
                .endControlFlow()
                .addStatement("return client.scanPaginator(request.build()).items().stream()"
                        + ".map(item -> sanitize(item, requesterId))")
                .build();
    }

    private static MethodSpec filterFields(ClassName rule) {
        return MethodSpec.methodBuilder("filterFields")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("Keeps the named fields this requester may see; looks up only those, so the cost follows the view.\n")
                .returns(ITEM)
                .addParameter(ITEM, "values")
                .addParameter(String[].class, "names")
                .addParameter(ArrayTypeName.of(rule), "rules")
                .addParameter(boolean.class, "owner")
                .addStatement("$T out = new $T<>(names.length * 2)", ITEM, HASH_MAP)
                .beginControlFlow("for (int i = 0; i < names.length; i++)")
                .addStatement("$T value = values.get(names[i])", ATTRIBUTE_VALUE)
                .beginControlFlow("if (value != null)")
                .addStatement("$T kept = apply(rules[i], value, owner)", ATTRIBUTE_VALUE)
                .beginControlFlow("if (kept != null)")
                .addStatement("out.put(names[i], kept)")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .addStatement("return out")
                .build();
    }

    private static MethodSpec apply(ClassName rule) {
        return MethodSpec.methodBuilder("apply")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("The kept value, or null when the rule drops it (fail closed on a shape the policy did not expect).\n")
                .returns(ATTRIBUTE_VALUE)
                .addParameter(rule, "rule")
                .addParameter(ATTRIBUTE_VALUE, "value")
                .addParameter(boolean.class, "owner")
                .beginControlFlow("if (!rule.access.allows(owner))")
                .addStatement("return null")
                .endControlFlow()
                .beginControlFlow("if (!rule.fields.isEmpty())")
                .addStatement("return value.hasM() ? $T.fromM(filterFields(value.m(), owner ? rule.ownerNames : rule.publicNames, "
                        + "owner ? rule.ownerRules : rule.publicRules, owner)) : null", ATTRIBUTE_VALUE)
                .endControlFlow()
                .beginControlFlow("if (rule.items != null)")
                .beginControlFlow("if (!value.hasL())")
                .addStatement("return null")
                .endControlFlow()
                .addStatement("$T<$T> kept = new $T<>()", LIST, ATTRIBUTE_VALUE, ARRAY_LIST)
                .beginControlFlow("for ($T element : value.l())", ATTRIBUTE_VALUE)
                .addStatement("$T keptElement = apply(rule.items, element, owner)", ATTRIBUTE_VALUE)
                .beginControlFlow("if (keptElement != null)")
                .addStatement("kept.add(keptElement)")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return $T.fromL(kept)", ATTRIBUTE_VALUE)
                .endControlFlow()
                .addStatement("return value")
                .build();
    }

    private static TypeSpec accessEnum(ClassName access) {
        return TypeSpec.enumBuilder(access)
                .addModifiers(Modifier.PRIVATE)
                .addJavadoc("Who may see a value; INHERIT is a list-element rule that follows its list.\n")
                .addEnumConstant("PUBLIC").addEnumConstant("OWNER_ONLY").addEnumConstant("SECRET").addEnumConstant("INHERIT")
                .addMethod(MethodSpec.methodBuilder("allows").returns(boolean.class)
                        .addParameter(boolean.class, "owner")
                        .addStatement("return this == PUBLIC || this == INHERIT || (this == OWNER_ONLY && owner)")
                        .build())
                .build();
    }

    private static TypeSpec ruleRecord(ClassName rule, ClassName access) {
        TypeName fields = ParameterizedTypeName.get(MAP, ClassName.get(String.class), rule);
        return TypeSpec.classBuilder(rule)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("One policy rule: its access, rules for a map's fields, the rule for a list's elements (or null),\n"
                        + "and, worked out once, the fields each view may keep.\n")
                .addField(access, "access", Modifier.FINAL)
                .addField(fields, "fields", Modifier.FINAL)
                .addField(rule, "items", Modifier.FINAL)
                .addField(String[].class, "ownerNames", Modifier.FINAL)
                .addField(ArrayTypeName.of(rule), "ownerRules", Modifier.FINAL)
                .addField(String[].class, "publicNames", Modifier.FINAL)
                .addField(ArrayTypeName.of(rule), "publicRules", Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(access, "access")
                        .addParameter(fields, "fields")
                        .addParameter(rule, "items")
                        .addStatement("this.access = access")
                        .addStatement("this.fields = fields")
                        .addStatement("this.items = items")
                        .addStatement("this.ownerNames = names(fields, true)")
                        .addStatement("this.ownerRules = rules(fields, ownerNames)")
                        .addStatement("this.publicNames = names(fields, false)")
                        .addStatement("this.publicRules = rules(fields, publicNames)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("names")
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(String[].class)
                        .addParameter(fields, "fields")
                        .addParameter(boolean.class, "owner")
                        .addStatement("return fields.entrySet().stream().filter(e -> e.getValue().access.allows(owner))"
                                + ".map($T.Entry::getKey).sorted().toArray(String[]::new)", MAP)
                        .build())
                .addMethod(MethodSpec.methodBuilder("rules")
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(ArrayTypeName.of(rule))
                        .addParameter(fields, "fields")
                        .addParameter(String[].class, "names")
                        .addStatement("$T[] out = new $T[names.length]", rule, rule)
                        .beginControlFlow("for (int i = 0; i < names.length; i++)")
                        .addStatement("out[i] = fields.get(names[i])")
                        .endControlFlow()
                        .addStatement("return out")
                        .build())
                .build();
    }

    private static TypeSpec view(String name, String doc, Projection projection) {
        Identifiers ids = new Identifiers(Identifiers.JAVA_KEYWORDS);
        Set<String> topLevel = new LinkedHashSet<>();
        projection.paths().forEach(p -> topLevel.add(p.topLevelName()));
        TypeName component = ParameterizedTypeName.get(OPTIONAL, ATTRIBUTE_VALUE);
        MethodSpec.Builder ctor = MethodSpec.compactConstructorBuilder();
        CodeBlock.Builder of = CodeBlock.builder().add("return new $L(", name);
        List<String> args = new ArrayList<>();
        for (String attribute : topLevel) {
            String id = ids.fresh(attribute);
            ctor.addParameter(ParameterSpec.builder(component, id).build());
            args.add(CodeBlock.of("$T.ofNullable(item.get($L))", OPTIONAL, JavaLiteral.of(attribute)).toString());
        }
        of.add("$L)", String.join(", ", args));
        return TypeSpec.recordBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc(doc + " Build it from a sanitized item; each component is empty when the item lacks it.\n")
                .recordConstructor(ctor.build())
                .addMethod(MethodSpec.methodBuilder("of")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(ClassName.bestGuess(name))
                        .addParameter(ITEM, "item")
                        .addStatement(of.build())
                        .build())
                .build();
    }
}
