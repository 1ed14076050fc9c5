package dev.veil.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The Java methods that build a generated sanitizer's rule tree: one statement per rule, parent
 * before child, split into methods of at most {@value #STATEMENTS_PER_METHOD} statements. A
 * single nested expression would hit the JVM's 64 KB limit on a method's code (the static
 * initializer) for policies of a few thousand rules, and javac's inference time grows steeply with
 * deeply nested generic calls; flat statements in small methods scale to any policy.
 */
final class RuleTable {

    static final int STATEMENTS_PER_METHOD = 500;
    private static final int COMMENT_CHARS = 60;
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName ARRAY_LIST = ClassName.get(ArrayList.class);

    private final ClassName access;
    private final List<CodeBlock> statements = new ArrayList<>();

    private RuleTable(ClassName access) {
        this.access = access;
    }

    /** {@code buildRules()}, its parts, and the {@code addField}/{@code addItems} helpers they call. */
    static List<MethodSpec> methods(Policy policy, ClassName rule, ClassName access) {
        List<MethodSpec> out = builders(policy.attributes(), "buildRules", rule, access);
        out.addAll(helpers(rule, access));
        return out;
    }

    /**
     * {@code name()} building the rule tree of {@code attributes} (one entity's), and its parts;
     * the helpers they call come once per class from {@link #helpers}.
     */
    static List<MethodSpec> builders(Map<String, PolicyRule> attributes, String name, ClassName rule, ClassName access) {
        RuleTable table = new RuleTable(access);
        attributes.forEach((n, r) -> table.field(0, AttributePath.of(n), r));
        TypeName rules = ParameterizedTypeName.get(LIST, rule);
        List<MethodSpec> out = new ArrayList<>();
        MethodSpec.Builder build = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("The policy as a rule tree. Rules are numbered in the order they are added, the item itself\n"
                        + "being 0; each names its parent by number.\n")
                .returns(rule)
                .addStatement("$T r = new $T<>()", rules, ARRAY_LIST)
                .addStatement("r.add(new $T($T.INHERIT))", rule, access);
        for (int part = 0; part * STATEMENTS_PER_METHOD < table.statements.size(); part++) {
            build.addStatement("$L$L(r)", name, part);
            MethodSpec.Builder m = MethodSpec.methodBuilder(name + part)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(rules, "r");
            int end = Math.min(table.statements.size(), (part + 1) * STATEMENTS_PER_METHOD);
            table.statements.subList(part * STATEMENTS_PER_METHOD, end).forEach(m::addCode);
            out.add(m.build());
        }
        out.add(0, build.addStatement("return r.get(0).freeze()").build());
        return out;
    }

    /** The {@code addField}/{@code addItems} helpers the rule builders call. */
    static List<MethodSpec> helpers(ClassName rule, ClassName access) {
        TypeName rules = ParameterizedTypeName.get(LIST, rule);
        List<MethodSpec> out = new ArrayList<>();
        out.add(helper("addField", "Adds rule number {@code r.size()}: the field {@code name} of rule {@code parent}.\n",
                rules, rule, access, "r.get(parent).fields.put(name, rule)", true));
        out.add(helper("addItems", "Adds rule number {@code r.size()}: the element rule of list rule {@code parent}.\n",
                rules, rule, access, "r.get(parent).items = rule", false));
        return out;
    }

    private static MethodSpec helper(String name, String doc, TypeName rules, ClassName rule, ClassName access,
                                     String link, boolean named) {
        MethodSpec.Builder m = MethodSpec.methodBuilder(name)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc(doc)
                .addParameter(rules, "r")
                .addParameter(int.class, "parent");
        if (named) {
            m.addParameter(String.class, "name");
        }
        return m.addParameter(access, "access")
                .addStatement("$T rule = new $T(access)", rule, rule)
                .addStatement(link)
                .addStatement("r.add(rule)")
                .build();
    }

    private int field(int parent, AttributePath path, PolicyRule rule) {
        int index = statements.size() + 1;
        statements.add(CodeBlock.of("addField(r, $L, $L, $T.$L); // $L: $L\n", parent, JavaLiteral.of(path.lastName()),
                access, accessName(rule), index, comment(path)));
        children(index, path, rule);
        return index;
    }

    private void children(int index, AttributePath path, PolicyRule rule) {
        for (Map.Entry<String, PolicyRule> f : rule.fields().entrySet()) {
            field(index, path.child(f.getKey()), f.getValue());
        }
        if (rule.items().isPresent()) {
            int items = statements.size() + 1;
            AttributePath elements = path.elements();
            statements.add(CodeBlock.of("addItems(r, $L, $T.$L); // $L: $L\n", index, access,
                    accessName(rule.items().get()), items, comment(elements)));
            children(items, elements, rule.items().get());
        }
    }

    /** The path for a line comment: shortened, and printable ASCII only so it cannot end the line. */
    private static String comment(AttributePath path) {
        String text = path.toString();
        if (text.length() > COMMENT_CHARS) {
            text = text.substring(0, COMMENT_CHARS) + "...";
        }
        String quoted = AttributeText.quoted(text);
        return quoted.substring(1, quoted.length() - 1);
    }

    static String accessName(PolicyRule rule) {
        return rule.classification().map(RuleTable::accessName).orElse("INHERIT");
    }

    private static String accessName(Classification c) {
        return switch (c) {
            case PUBLIC -> "PUBLIC";
            case OWNER_ONLY -> "OWNER_ONLY";
            case SECRET -> "SECRET";
        };
    }
}
