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
import dev.veil.model.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <TablePascal>Sanitizer.java} with JavaPoet, which owns formatting, imports and
 * string escaping. The policy becomes a small table of rules walked by one generic method, so the
 * output stays short however many attributes the policy has. Needs Java 17 and the AWS SDK v2.
 */
final class JavaSanitizerGenerator implements SanitizerGenerator {

    static final ClassName ATTRIBUTE_VALUE =
            ClassName.get("software.amazon.awssdk.services.dynamodb.model", "AttributeValue");
    static final ClassName CLIENT = ClassName.get("software.amazon.awssdk.services.dynamodb", "DynamoDbClient");
    static final ClassName GET_ITEM_REQUEST =
            ClassName.get("software.amazon.awssdk.services.dynamodb.model", "GetItemRequest");
    static final ClassName GET_ITEM_RESPONSE =
            ClassName.get("software.amazon.awssdk.services.dynamodb.model", "GetItemResponse");
    static final ClassName SCAN_REQUEST = ClassName.get("software.amazon.awssdk.services.dynamodb.model", "ScanRequest");
    static final ClassName QUERY_REQUEST = ClassName.get("software.amazon.awssdk.services.dynamodb.model", "QueryRequest");
    static final ClassName PATTERN = ClassName.get("java.util.regex", "Pattern");
    static final ClassName MAP = ClassName.get(Map.class);
    static final ClassName LIST = ClassName.get(List.class);
    static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    static final ClassName STREAM = ClassName.get("java.util.stream", "Stream");
    static final ClassName HASH_MAP = ClassName.get("java.util", "HashMap");
    static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
    static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
    static final ClassName COLLECTIONS = ClassName.get("java.util", "Collections");
    static final TypeName ITEM = ParameterizedTypeName.get(MAP, ClassName.get(String.class), ATTRIBUTE_VALUE);
    /** A canonical constructor takes at most 255 parameter slots, one of them {@code this}. */
    static final int MAX_RECORD_COMPONENTS = 254;
    static final TypeName NAMES = ParameterizedTypeName.get(MAP, ClassName.get(String.class), ClassName.get(String.class));

    @Override
    public Language language() {
        return Language.JAVA;
    }

    @Override
    public List<GeneratedFile> generate(Policy policy, ProjectionPlan plan, GeneratorOptions options) {
        if (policy.hasEntities()) {
            return JavaEntitySanitizer.generate(policy, plan, options);
        }
        String className = TableNames.pascal(policy.table()) + "Sanitizer";
        ClassName self = ClassName.get(options.javaPackage(), className);
        ClassName rule = self.nestedClass("Rule");
        ClassName access = self.nestedClass("Access");
        TypeSpec type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(JavaLiteral.javadoc(Headers.text(policy, plan)))
                .addFields(JavaReads.policyConstants(policy))
                .addField(FieldSpec.builder(ParameterizedTypeName.get(OPTIONAL, ClassName.get(String.class)),
                                "OWNER_ATTRIBUTE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The attribute holding the owner's id; empty when no requester is ever the owner.\n")
                        .initializer(policy.owner().map(o -> CodeBlock.of("$T.of($L)", OPTIONAL, JavaLiteral.of(o)))
                                .orElse(CodeBlock.of("$T.empty()", OPTIONAL)))
                        .build())
                .addFields(JavaReads.projectionConstants(plan))
                .addField(FieldSpec.builder(rule, "ROOT", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("buildRules()").build())
                .addFields(JavaReads.keyConditionPatterns())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(sanitize())
                .addMethod(isOwner())
                .addMethod(JavaReads.getItem(false))
                .addMethod(JavaReads.query(false))
                .addMethod(queryOwnerView())
                .addMethod(JavaReads.scan(false))
                .addMethod(withNames())
                .addMethod(filterFields(rule))
                .addMethod(apply(rule))
                .addMethod(namesHelper())
                .addMethods(RuleTable.methods(policy, rule, access))
                .addType(accessEnum(access))
                .addType(ruleRecord(rule, access))
                .addType(view("PublicView", "What any requester may see.", plan.publicView()))
                .addType(view("OwnerView", "What the item's owner may see.", plan.owner()))
                .build();
        JavaFile file = JavaFile.builder(options.javaPackage(), type).indent("    ").skipJavaLangImports(true).build();
        String path = options.javaPackage().replace('.', '/') + "/" + className + ".java";
        return List.of(new GeneratedFile(path, file.toString()));
    }

    static FieldSpec constant(Class<?> type, String name, CodeBlock value) {
        return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(value).build();
    }

    /**
     * A names map as alternating placeholder and name literals passed to {@link #namesHelper}: javac
     * needs minutes to infer types for {@code Map.ofEntries} over hundreds of {@code Map.entry} calls.
     */
    static FieldSpec namesConstant(String name, Projection projection) {
        CodeBlock.Builder init = CodeBlock.builder().add("attributeNames(");
        if (!projection.names().isEmpty()) {
            init.indent();
            List<Map.Entry<String, String>> entries = new ArrayList<>(projection.names().entrySet());
            for (int i = 0; i < entries.size(); i++) {
                init.add("\n$L, $L$L", JavaLiteral.of(entries.get(i).getKey()), JavaLiteral.of(entries.get(i).getValue()),
                        i < entries.size() - 1 ? "," : "");
            }
            init.unindent();
        }
        return FieldSpec.builder(NAMES, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(init.add(")").build()).build();
    }

    static MethodSpec namesHelper() {
        return MethodSpec.methodBuilder("attributeNames")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("An unmodifiable map of placeholders to attribute names, in placeholder order.\n")
                .returns(NAMES)
                .addParameter(String[].class, "placeholdersAndNames")
                .varargs()
                .addStatement("$T names = new $T<>()", NAMES, LINKED_HASH_MAP)
                .beginControlFlow("for (int i = 0; i < placeholdersAndNames.length; i += 2)")
                .addStatement("names.put(placeholdersAndNames[i], placeholdersAndNames[i + 1])")
                .endControlFlow()
                .addStatement("return $T.unmodifiableMap(names)", COLLECTIONS)
                .build();
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

    private static MethodSpec queryOwnerView() {
        return MethodSpec.methodBuilder("queryOwnerView")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("True when every item {@code request} can return may be the requester's; see {@link #query}.\n")
                .returns(boolean.class)
                .addParameter(QUERY_REQUEST, "request")
                .addParameter(String.class, "requesterId")
                .beginControlFlow("if (requesterId == null || OWNER_ATTRIBUTE.isEmpty())")
                .addStatement("return false")
                .endControlFlow()
                .addStatement("$T names = request.expressionAttributeNames()", NAMES)
                .addStatement("boolean named = false")
                .beginControlFlow("for (String part : AND.split(request.keyConditionExpression()))")
                .addStatement("String conjunct = part.strip().replaceAll($S, $S).strip()", "^\\(+|\\)+$", "")
                .addStatement("var equality = EQUALS.matcher(conjunct)")
                .beginControlFlow("if (equality.matches() && OWNER_ATTRIBUTE.get().equals("
                        + "names.getOrDefault(equality.group(1), equality.group(1))))")
                .addStatement("$T value = request.expressionAttributeValues().get(equality.group(2))", ATTRIBUTE_VALUE)
                .addStatement("return value != null && isOwner($T.of(OWNER_ATTRIBUTE.get(), value), requesterId)", MAP)
                .endControlFlow()
                .addStatement("var name = NAME.matcher(conjunct)")
                .beginControlFlow("while (name.find())")
                .addStatement("named |= OWNER_ATTRIBUTE.get().equals(names.getOrDefault(name.group(), name.group()))")
                .endControlFlow()
                .endControlFlow()
                .addComment("Not pinned: another condition on the owner attribute, or an index query, reads anyone's")
                .addComment("items; a table query that leaves it out shows it is not the partition key.")
                .addStatement("return !named && request.indexName() == null")
                .build();
    }

    static MethodSpec withNames() {
        return MethodSpec.methodBuilder("withNames")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("The caller's placeholders and the projection's together; refuses a placeholder meaning both.\n")
                .returns(NAMES)
                .addParameter(NAMES, "callers")
                .addParameter(NAMES, "projection")
                .addStatement("$T names = new $T<>(callers)", NAMES, LINKED_HASH_MAP)
                .beginControlFlow("for ($T.Entry<String, String> e : projection.entrySet())", MAP)
                .beginControlFlow("if (!names.getOrDefault(e.getKey(), e.getValue()).equals(e.getValue()))")
                .addStatement("throw new IllegalArgumentException($S + e.getKey() + $S)", "the request's expression attribute "
                        + "names use ", ", which the projection needs; pick placeholders that do not start with #veil")
                .endControlFlow()
                .addStatement("names.put(e.getKey(), e.getValue())")
                .endControlFlow()
                .addStatement("return names")
                .build();
    }

    static MethodSpec filterFields(ClassName rule) {
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

    static MethodSpec apply(ClassName rule) {
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

    static TypeSpec accessEnum(ClassName access) {
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

    static TypeSpec ruleRecord(ClassName rule, ClassName access) {
        TypeName fields = ParameterizedTypeName.get(MAP, ClassName.get(String.class), rule);
        return TypeSpec.classBuilder(rule)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("One policy rule: its access, rules for a map's fields, the rule for a list's elements (or null),\n"
                        + "and, worked out once by {@link #freeze}, the fields each view may keep.\n")
                .addField(FieldSpec.builder(access, "access", Modifier.FINAL).build())
                .addField(FieldSpec.builder(fields, "fields", Modifier.FINAL).initializer("new $T<>()", HASH_MAP).build())
                .addField(rule, "items")
                .addField(String[].class, "ownerNames")
                .addField(ArrayTypeName.of(rule), "ownerRules")
                .addField(String[].class, "publicNames")
                .addField(ArrayTypeName.of(rule), "publicRules")
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(access, "access")
                        .addStatement("this.access = access")
                        .build())
                .addMethod(MethodSpec.methodBuilder("freeze")
                        .addJavadoc("Works out the fields each view may keep, here and below; called once the tree is built.\n")
                        .returns(rule)
                        .addStatement("ownerNames = names(true)")
                        .addStatement("ownerRules = rules(ownerNames)")
                        .addStatement("publicNames = names(false)")
                        .addStatement("publicRules = rules(publicNames)")
                        .addStatement("fields.values().forEach($T::freeze)", rule)
                        .beginControlFlow("if (items != null)")
                        .addStatement("items.freeze()")
                        .endControlFlow()
                        .addStatement("return this")
                        .build())
                .addMethod(MethodSpec.methodBuilder("names")
                        .addModifiers(Modifier.PRIVATE)
                        .returns(String[].class)
                        .addParameter(boolean.class, "owner")
                        .addStatement("return fields.entrySet().stream().filter(e -> e.getValue().access.allows(owner))"
                                + ".map($T.Entry::getKey).sorted().toArray(String[]::new)", MAP)
                        .build())
                .addMethod(MethodSpec.methodBuilder("rules")
                        .addModifiers(Modifier.PRIVATE)
                        .returns(ArrayTypeName.of(rule))
                        .addParameter(String[].class, "names")
                        .addStatement("$T[] out = new $T[names.length]", rule, rule)
                        .beginControlFlow("for (int i = 0; i < names.length; i++)")
                        .addStatement("out[i] = fields.get(names[i])")
                        .endControlFlow()
                        .addStatement("return out")
                        .build())
                .build();
    }

    static TypeSpec view(String name, String doc, Projection projection) {
        Identifiers ids = new Identifiers(Identifiers.JAVA_KEYWORDS);
        Map<String, String> components = new LinkedHashMap<>();
        projection.paths().forEach(p -> components.computeIfAbsent(p.topLevelName(), ids::fresh));
        return components.size() <= MAX_RECORD_COMPONENTS
                ? viewRecord(name, doc, components)
                : viewClass(name, doc, components);
    }

    private static TypeSpec viewRecord(String name, String doc, Map<String, String> components) {
        TypeName component = ParameterizedTypeName.get(OPTIONAL, ATTRIBUTE_VALUE);
        MethodSpec.Builder ctor = MethodSpec.compactConstructorBuilder();
        List<CodeBlock> args = new ArrayList<>();
        components.forEach((attribute, id) -> {
            ctor.addParameter(ParameterSpec.builder(component, id).build());
            args.add(CodeBlock.of("$T.ofNullable(item.get($L))", OPTIONAL, JavaLiteral.of(attribute)));
        });
        return TypeSpec.recordBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc(doc + " Build it from a sanitized item; each component is empty when the item lacks it.\n")
                .recordConstructor(ctor.build())
                .addMethod(MethodSpec.methodBuilder("of")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(ClassName.bestGuess(name))
                        .addParameter(ITEM, "item")
                        .addStatement("return new $L($L)", name, CodeBlock.join(args, ", "))
                        .build())
                .build();
    }

    /**
     * A view with more attributes than a record can have components (a constructor takes at most 255
     * parameter slots): the same accessors and value semantics over the kept attributes.
     */
    private static TypeSpec viewClass(String name, String doc, Map<String, String> components) {
        ClassName self = ClassName.bestGuess(name);
        List<CodeBlock> names = new ArrayList<>();
        components.keySet().forEach(attribute -> names.add(CodeBlock.of("$L", JavaLiteral.of(attribute))));
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc(doc + " Build it from a sanitized item; each accessor is empty when the item lacks the attribute.\n"
                        + "A class rather than a record: the view has more attributes than a record can have components.\n")
                .addField(FieldSpec.builder(ParameterizedTypeName.get(LIST, ClassName.get(String.class)), "ATTRIBUTES",
                                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$T.of($L)", LIST, CodeBlock.join(names, ", ")).build())
                .addField(ITEM, "kept", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addParameter(ITEM, "kept")
                        .addStatement("this.kept = kept")
                        .build())
                .addMethod(MethodSpec.methodBuilder("of")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(self)
                        .addParameter(ITEM, "item")
                        .addStatement("$T kept = new $T<>()", ITEM, HASH_MAP)
                        .beginControlFlow("for (String name : ATTRIBUTES)")
                        .addStatement("$T value = item.get(name)", ATTRIBUTE_VALUE)
                        .beginControlFlow("if (value != null)")
                        .addStatement("kept.put(name, value)")
                        .endControlFlow()
                        .endControlFlow()
                        .addStatement("return new $T(kept)", self)
                        .build());
        components.forEach((attribute, id) -> type.addMethod(MethodSpec.methodBuilder(id)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(OPTIONAL, ATTRIBUTE_VALUE))
                .addStatement("return $T.ofNullable(kept.get($L))", OPTIONAL, JavaLiteral.of(attribute))
                .build()));
        return type
                .addMethod(MethodSpec.methodBuilder("equals").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(boolean.class)
                        .addParameter(Object.class, "other")
                        .addStatement("return other instanceof $T view && kept.equals(view.kept)", self)
                        .build())
                .addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(int.class)
                        .addStatement("return kept.hashCode()")
                        .build())
                .addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC).returns(String.class)
                        .addStatement("return $S + kept", name)
                        .build())
                .build();
    }
}
