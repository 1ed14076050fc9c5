package dev.veil.codegen;

import static dev.veil.codegen.JavaSanitizerGenerator.ATTRIBUTE_VALUE;
import static dev.veil.codegen.JavaSanitizerGenerator.ITEM;
import static dev.veil.codegen.JavaSanitizerGenerator.LIST;
import static dev.veil.codegen.JavaSanitizerGenerator.MAP;
import static dev.veil.codegen.JavaSanitizerGenerator.NAMES;
import static dev.veil.codegen.JavaSanitizerGenerator.OPTIONAL;
import static dev.veil.codegen.JavaSanitizerGenerator.QUERY_REQUEST;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.veil.model.EntityMatch;
import dev.veil.model.EntityPolicy;
import dev.veil.model.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The Java sanitizer of a {@code veil-policy/2} policy: a table of entities (match, owner rule,
 * rule tree each) in front of the same rule walk as a table of one kind. The item's entity is the
 * one whose match holds; an item matching none or several is dropped whole ({@code sanitize}
 * returns null, the stream helpers skip it).
 */
final class JavaEntitySanitizer {

    private static final ClassName SET = ClassName.get("java.util", "Set");

    private JavaEntitySanitizer() {
    }

    static List<GeneratedFile> generate(Policy policy, ProjectionPlan plan, GeneratorOptions options) {
        String className = TableNames.pascal(policy.table()) + "Sanitizer";
        ClassName self = ClassName.get(options.javaPackage(), className);
        ClassName rule = self.nestedClass("Rule");
        ClassName access = self.nestedClass("Access");
        ClassName entity = self.nestedClass("Entity");
        ClassName projections = self.nestedClass("EntityProjections");
        TypeSpec.Builder type = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc(JavaLiteral.javadoc(Headers.text(policy, plan)))
                .addFields(JavaReads.policyConstants(policy))
                .addFields(JavaReads.projectionConstants(plan))
                .addField(byEntity(policy, projections))
                .addField(entities(policy, entity))
                .addFields(JavaReads.keyConditionPatterns())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(sanitize(entity))
                .addMethod(entityOf())
                .addMethod(entity(entity))
                .addMethod(isOwner(entity))
                .addMethod(JavaReads.getItem(true))
                .addMethod(JavaReads.query(true))
                .addMethod(pins())
                .addMethod(ownerView(entity))
                .addMethod(JavaReads.scan(true))
                .addMethod(JavaSanitizerGenerator.withNames())
                .addMethod(JavaSanitizerGenerator.filterFields(rule))
                .addMethod(JavaSanitizerGenerator.apply(rule))
                .addMethod(JavaSanitizerGenerator.namesHelper());
        int i = 0;
        for (EntityPolicy e : policy.entities().values()) {
            type.addMethods(RuleTable.builders(e.attributes(), "rulesOfEntity" + i++, rule, access));
        }
        type.addMethods(RuleTable.helpers(rule, access))
                .addType(JavaSanitizerGenerator.accessEnum(access))
                .addType(JavaSanitizerGenerator.ruleRecord(rule, access))
                .addType(entityRecord(entity, rule))
                .addType(projectionsRecord(projections))
                .addType(JavaSanitizerGenerator.view("PublicView", "What any requester may see, of any entity.",
                        plan.publicView()))
                .addType(JavaSanitizerGenerator.view("OwnerView", "What the item's owner may see, of any entity.",
                        plan.owner()));
        JavaFile file = JavaFile.builder(options.javaPackage(), type.build()).indent("    ").skipJavaLangImports(true).build();
        String path = options.javaPackage().replace('.', '/') + "/" + className + ".java";
        return List.of(new GeneratedFile(path, file.toString()));
    }

    private static FieldSpec entities(Policy policy, ClassName entity) {
        CodeBlock.Builder init = CodeBlock.builder().add("$T.of(", LIST).indent();
        List<Map.Entry<String, EntityPolicy>> all = new ArrayList<>(policy.entities().entrySet());
        for (int i = 0; i < all.size(); i++) {
            EntityPolicy e = all.get(i).getValue();
            EntityMatch m = e.match();
            init.add("\nnew $T($L, $L, $L, $L, $L, $L, rulesOfEntity$L())$L", entity, JavaLiteral.of(all.get(i).getKey()),
                    JavaLiteral.of(m.attribute()), m.test() == EntityMatch.Test.EQUALS, JavaLiteral.of(m.value()),
                    e.owner().map(o -> JavaLiteral.of(o.attribute())).orElse("null"),
                    e.owner().map(o -> JavaLiteral.of(o.template())).orElse("null"), i, i < all.size() - 1 ? "," : "");
        }
        return FieldSpec.builder(ParameterizedTypeName.get(LIST, entity), "ENTITIES", Modifier.PRIVATE, Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("The entities in name order: an item is of the one whose match holds.\n")
                .initializer(init.unindent().add(")").build()).build();
    }

    private static FieldSpec byEntity(Policy policy, ClassName projections) {
        CodeBlock.Builder init = CodeBlock.builder().add("$T.ofEntries(", MAP).indent();
        List<Map.Entry<String, ProjectionPlan>> all = new ArrayList<>(ProjectionPlan.perEntity(policy).entrySet());
        for (int i = 0; i < all.size(); i++) {
            ProjectionPlan p = all.get(i).getValue();
            init.add("\n$T.entry($L, new $T($L, $L, $L, $L))$L", MAP, JavaLiteral.of(all.get(i).getKey()), projections,
                    JavaLiteral.of(p.owner().expression()), names(p.owner()), JavaLiteral.of(p.publicView().expression()),
                    names(p.publicView()), i < all.size() - 1 ? "," : "");
        }
        return FieldSpec.builder(ParameterizedTypeName.get(MAP, ClassName.get(String.class), projections),
                        "PROJECTIONS_BY_ENTITY", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Each entity's own projections, for a request that reads that entity only.\n")
                .initializer(init.unindent().add(")").build()).build();
    }

    private static CodeBlock names(Projection projection) {
        List<CodeBlock> args = new ArrayList<>();
        projection.names().forEach((ph, name) -> args.add(CodeBlock.of("$L, $L", JavaLiteral.of(ph), JavaLiteral.of(name))));
        return CodeBlock.of("attributeNames($L)", CodeBlock.join(args, ", "));
    }

    private static MethodSpec sanitize(ClassName entity) {
        return MethodSpec.methodBuilder("sanitize")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("""
                        Returns what {@code requesterId} may see of {@code item} under its entity's rules: public
                        attributes, owner-only ones when the requester owns the item, and nothing the entity does
                        not name. Removed attributes are absent, never null.

                        @param item        an item as the SDK returns it
                        @param requesterId the requester's id, or null when anonymous
                        @return a new map, or null when the item matches no entity or several (dropped whole);
                                {@code item} is not changed
                        """)
                .returns(ITEM)
                .addParameter(ITEM, "item")
                .addParameter(String.class, "requesterId")
                .addStatement("$T entity = entity(item)", entity)
                .beginControlFlow("if (entity == null)")
                .addStatement("return null")
                .endControlFlow()
                .addStatement("boolean owner = entity.owns(item, requesterId)")
                .addStatement("return filterFields(item, owner ? entity.rules.ownerNames : entity.rules.publicNames, "
                        + "owner ? entity.rules.ownerRules : entity.rules.publicRules, owner)")
                .build();
    }

    private static MethodSpec entityOf() {
        return MethodSpec.methodBuilder("entityOf")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("The name of the item's entity; empty when it matches none or several.\n")
                .returns(ParameterizedTypeName.get(OPTIONAL, ClassName.get(String.class)))
                .addParameter(ITEM, "item")
                .addStatement("return $T.ofNullable(entity(item)).map(e -> e.name)", OPTIONAL)
                .build();
    }

    private static MethodSpec entity(ClassName entity) {
        return MethodSpec.methodBuilder("entity")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("The one entity whose match holds for {@code item}; null for none or several.\n")
                .returns(entity)
                .addParameter(ITEM, "item")
                .addStatement("$T found = null", entity)
                .beginControlFlow("for ($T e : ENTITIES)", entity)
                .beginControlFlow("if (e.holds(item.get(e.matchAttribute)))")
                .beginControlFlow("if (found != null)")
                .addStatement("return null")
                .endControlFlow()
                .addStatement("found = e")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return found")
                .build();
    }

    private static MethodSpec isOwner(ClassName entity) {
        return MethodSpec.methodBuilder("isOwner")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("True when {@code requesterId} owns {@code item} under its entity's owner template.\n")
                .returns(boolean.class)
                .addParameter(ITEM, "item")
                .addParameter(String.class, "requesterId")
                .addStatement("$T entity = entity(item)", entity)
                .addStatement("return entity != null && entity.owns(item, requesterId)")
                .build();
    }

    private static MethodSpec pins() {
        return MethodSpec.methodBuilder("pins")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("Adds what the key condition pins to a value to {@code pins}, and what else it names to {@code named}.\n")
                .addParameter(QUERY_REQUEST, "request")
                .addParameter(ParameterizedTypeName.get(MAP, ClassName.get(String.class), ATTRIBUTE_VALUE), "pins")
                .addParameter(ParameterizedTypeName.get(SET, ClassName.get(String.class)), "named")
                .addStatement("$T names = request.expressionAttributeNames()", NAMES)
                .beginControlFlow("for (String part : AND.split(request.keyConditionExpression()))")
                .addStatement("String conjunct = part.strip().replaceAll($S, $S).strip()", "^\\(+|\\)+$", "")
                .addStatement("var equality = EQUALS.matcher(conjunct)")
                .beginControlFlow("if (equality.matches())")
                .addStatement("$T value = request.expressionAttributeValues().get(equality.group(2))", ATTRIBUTE_VALUE)
                .beginControlFlow("if (value == null)")
                .addStatement("throw new IllegalArgumentException(equality.group(2) + $S)",
                        " is not in the request's expression attribute values")
                .endControlFlow()
                .addStatement("pins.put(names.getOrDefault(equality.group(1), equality.group(1)), value)")
                .addStatement("continue")
                .endControlFlow()
                .addStatement("var name = NAME.matcher(conjunct)")
                .beginControlFlow("while (name.find())")
                .addStatement("named.add(names.getOrDefault(name.group(), name.group()))")
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    private static MethodSpec ownerView(ClassName entity) {
        return MethodSpec.methodBuilder("ownerView")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("""
                        True when every item a request can return may be the requester's. {@code pins} holds the
                        attributes the key (or key condition) requires to equal a value, {@code named} the ones it
                        constrains in any other way. An entity whose match a pin rules out cannot be returned, and
                        one without an owner is never the requester's (sanitize keeps its public view whatever is
                        fetched). Every other entity's owner attribute must be pinned to the requester's value, or
                        (on the table, not an index) be left out: it then is not the partition key. IAM policies
                        Veil generates allow exactly this.
                        """)
                .returns(boolean.class)
                .addParameter(ITEM, "pins")
                .addParameter(ParameterizedTypeName.get(SET, ClassName.get(String.class)), "named")
                .addParameter(String.class, "requesterId")
                .addParameter(boolean.class, "index")
                .beginControlFlow("if (requesterId == null)")
                .addStatement("return false")
                .endControlFlow()
                .addStatement("boolean possible = false")
                .beginControlFlow("for ($T e : ENTITIES)", entity)
                .beginControlFlow("if ((pins.containsKey(e.matchAttribute) && !e.holds(pins.get(e.matchAttribute))) "
                        + "|| e.ownerAttribute == null)")
                .addStatement("continue")
                .endControlFlow()
                .addStatement("possible = true")
                .beginControlFlow("if (pins.containsKey(e.ownerAttribute))")
                .beginControlFlow("if (!e.owns(pins, requesterId))")
                .addStatement("return false")
                .endControlFlow()
                .nextControlFlow("else if (named.contains(e.ownerAttribute) || index)")
                .addStatement("return false")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return possible")
                .build();
    }

    private static TypeSpec entityRecord(ClassName entity, ClassName rule) {
        return TypeSpec.classBuilder(entity)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("One kind of item: how it is recognised, who owns it ({@code {id}} in the template stands for the\n"
                        + "requester id; no owner attribute: nobody), and its rules.\n")
                .addField(String.class, "name", Modifier.FINAL)
                .addField(String.class, "matchAttribute", Modifier.FINAL)
                .addField(boolean.class, "equals", Modifier.FINAL)
                .addField(String.class, "value", Modifier.FINAL)
                .addField(String.class, "ownerAttribute", Modifier.FINAL)
                .addField(String.class, "ownerTemplate", Modifier.FINAL)
                .addField(rule, "rules", Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(String.class, "name")
                        .addParameter(String.class, "matchAttribute")
                        .addParameter(boolean.class, "equals")
                        .addParameter(String.class, "value")
                        .addParameter(String.class, "ownerAttribute")
                        .addParameter(String.class, "ownerTemplate")
                        .addParameter(rule, "rules")
                        .addStatement("this.name = name")
                        .addStatement("this.matchAttribute = matchAttribute")
                        .addStatement("this.equals = equals")
                        .addStatement("this.value = value")
                        .addStatement("this.ownerAttribute = ownerAttribute")
                        .addStatement("this.ownerTemplate = ownerTemplate")
                        .addStatement("this.rules = rules")
                        .build())
                .addMethod(MethodSpec.methodBuilder("holds")
                        .addJavadoc("True when {@code v} is a string that passes this entity's match.\n")
                        .returns(boolean.class)
                        .addParameter(ATTRIBUTE_VALUE, "v")
                        .beginControlFlow("if (v == null || v.s() == null)")
                        .addStatement("return false")
                        .endControlFlow()
                        .addStatement("return equals ? v.s().equals(value) : v.s().startsWith(value)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("owns")
                        .addJavadoc("True when the owner attribute's text equals the template over {@code requesterId}.\n")
                        .returns(boolean.class)
                        .addParameter(ITEM, "item")
                        .addParameter(String.class, "requesterId")
                        .beginControlFlow("if (requesterId == null || ownerAttribute == null)")
                        .addStatement("return false")
                        .endControlFlow()
                        .addStatement("$T v = item.get(ownerAttribute)", ATTRIBUTE_VALUE)
                        .beginControlFlow("if (v == null)")
                        .addStatement("return false")
                        .endControlFlow()
                        .addStatement("String text = v.s() != null ? v.s() : v.n()")
                        .addStatement("return ownerTemplate.replace($S, requesterId).equals(text)", "{id}")
                        .build())
                .build();
    }

    private static TypeSpec projectionsRecord(ClassName projections) {
        return TypeSpec.recordBuilder(projections)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addJavadoc("One entity's projections: what its owner view and its public view may keep, with its match and\n"
                        + "owner attributes; an empty expression means fetch without one.\n")
                .recordConstructor(MethodSpec.compactConstructorBuilder()
                        .addParameter(String.class, "ownerExpression")
                        .addParameter(NAMES, "ownerNames")
                        .addParameter(String.class, "publicExpression")
                        .addParameter(NAMES, "publicNames")
                        .build())
                .build();
    }
}
