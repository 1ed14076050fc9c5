package dev.veil.codegen;

import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.EntityMatch;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Generates {@code <tableCamel>Sanitizer.ts} (no runtime dependency: sanitize, constants, typed
 * views) and {@code <tableCamel>Reads.ts} (get and paginated scan over the v3
 * {@code DynamoDBDocumentClient}). Rules live in {@code Map}s, never object literals, so names
 * such as {@code __proto__} stay plain data.
 */
final class TypeScriptSanitizerGenerator implements SanitizerGenerator {

    private static final String NAMES_TYPE = "Readonly<Record<string, string>>";

    @Override
    public Language language() {
        return Language.TYPESCRIPT;
    }

    @Override
    public List<GeneratedFile> generate(Policy policy, ProjectionPlan plan, GeneratorOptions options) {
        String base = TableNames.camel(policy.table());
        return List.of(new GeneratedFile(base + "Sanitizer.ts", sanitizer(policy, plan)),
                new GeneratedFile(base + "Reads.ts", reads(policy, plan, base)));
    }

    private static String sanitizer(Policy policy, ProjectionPlan plan) {
        TypeScriptWriter w = new TypeScriptWriter();
        w.comment(Headers.text(policy, plan)).blank();
        w.exportConst("TABLE_NAME", TypeScriptWriter.literal(policy.table()));
        w.exportConst("POLICY_VERSION", String.valueOf(policy.version()));
        w.exportConst("POLICY_DIGEST", TypeScriptWriter.literal(policy.digest().orElse("")));
        if (!policy.hasEntities()) {
            w.exportConst("OWNER_ATTRIBUTE", "string | undefined", policy.owner().map(TypeScriptWriter::literal).orElse("undefined"));
        }
        w.blank();
        w.exportConst("PROJECTION_EXPRESSION_OWNER", "string", TypeScriptWriter.literal(plan.owner().expression()));
        w.exportConst("EXPRESSION_ATTRIBUTE_NAMES_OWNER", NAMES_TYPE, names(plan.owner()));
        w.exportConst("PROJECTION_EXPRESSION_PUBLIC", "string", TypeScriptWriter.literal(plan.publicView().expression()));
        w.exportConst("EXPRESSION_ATTRIBUTE_NAMES_PUBLIC", NAMES_TYPE, names(plan.publicView()));
        w.blank();
        w.runtimeTypes();
        w.doc("What any requester may see; every attribute may be absent.");
        w.exportInterface("PublicView", view(policy, plan.publicView())).blank();
        w.doc("What the item's owner may see; every attribute may be absent.");
        w.exportInterface("OwnerView", view(policy, plan.owner())).blank();
        if (policy.hasEntities()) {
            entities(w, policy);
        } else {
            w.constant("RULES", "ReadonlyMap<string, Rule>", fields(policy.attributes(), 0)).blank();
        }
        return w.runtime(policy.hasEntities()).toString();
    }

    /** The entity table and each entity's own projections. */
    private static void entities(TypeScriptWriter w, Policy policy) {
        w.entityTypes();
        StringBuilder sb = new StringBuilder("[\n");
        policy.entities().forEach((name, e) -> {
            EntityMatch m = e.match();
            sb.append("  {\n    name: ").append(TypeScriptWriter.literal(name)).append(",\n");
            sb.append("    match: { attribute: ").append(TypeScriptWriter.literal(m.attribute())).append(", equals: ")
                    .append(m.test() == EntityMatch.Test.EQUALS).append(", value: ").append(TypeScriptWriter.literal(m.value()))
                    .append(" },\n");
            sb.append("    owner: ").append(e.owner().map(o -> "{ attribute: " + TypeScriptWriter.literal(o.attribute())
                    + ", template: " + TypeScriptWriter.literal(o.template()) + " }").orElse("null")).append(",\n");
            sb.append("    rules: ").append(fields(e.attributes(), 2)).append(",\n  },\n");
        });
        w.constant("ENTITIES", "readonly Entity[]", sb.append("]").toString()).blank();
        StringBuilder byEntity = new StringBuilder("new Map<string, EntityProjections>([\n");
        ProjectionPlan.perEntity(policy).forEach((name, p) -> byEntity.append("  [").append(TypeScriptWriter.literal(name))
                .append(", {\n    ownerExpression: ").append(TypeScriptWriter.literal(p.owner().expression()))
                .append(",\n    ownerNames: ").append(names(p.owner()).replace("\n", "\n    "))
                .append(",\n    publicExpression: ").append(TypeScriptWriter.literal(p.publicView().expression()))
                .append(",\n    publicNames: ").append(names(p.publicView()).replace("\n", "\n    ")).append(",\n  }],\n"));
        w.doc("Each entity's own projections, for a request that reads that entity only.");
        w.exportConst("PROJECTIONS_BY_ENTITY", "ReadonlyMap<string, EntityProjections>", byEntity.append("])").toString()).blank();
    }

    private static String reads(Policy policy, ProjectionPlan plan, String base) {
        return new TypeScriptWriter()
                .comment("Reads of " + AttributeText.quoted(policy.table()) + " that fetch with the requester's projection and\n"
                        + "sanitize, for the AWS SDK v3 DynamoDBDocumentClient.\n\nPolicy version " + policy.version() + ", digest "
                        + policy.digest().orElse("(draft)") + ".\nGenerated by Veil from that policy — do not edit by hand; re-export instead.\n")
                .reads(policy.hasEntities(), base + "Sanitizer")
                .toString();
    }

    private static String names(Projection projection) {
        if (projection.names().isEmpty()) {
            return "{}";
        }
        // Placeholders are #veil0, #veil1…: safe object keys, unlike attribute names.
        return "{\n" + projection.names().entrySet().stream()
                .map(e -> "  " + TypeScriptWriter.literal(e.getKey()) + ": " + TypeScriptWriter.literal(e.getValue()) + ",")
                .collect(Collectors.joining("\n")) + "\n}";
    }

    private static String view(Policy policy, Projection projection) {
        Set<String> topLevel = new LinkedHashSet<>();
        projection.paths().forEach(p -> topLevel.add(p.topLevelName()));
        if (topLevel.isEmpty()) {
            return "{}";
        }
        List<String> members = new ArrayList<>();
        for (String name : topLevel) {
            PolicyRule rule = policy.attributes().get(name);
            List<DynamoType> types = policy.hasEntities() ? entityTypes(policy, name) : rule == null ? List.of() : rule.types();
            members.add("  readonly " + TypeScriptWriter.literal(name) + "?: " + tsType(types) + ";");
        }
        return "{\n" + String.join("\n", members) + "\n}";
    }

    /** The types an attribute has in the entities that name it; empty (any value) if one of them records none. */
    private static List<DynamoType> entityTypes(Policy policy, String name) {
        Set<DynamoType> types = new LinkedHashSet<>();
        for (var e : policy.entities().values()) {
            PolicyRule rule = e.attributes().get(name);
            if (rule != null) {
                if (rule.types().isEmpty()) {
                    return List.of();
                }
                types.addAll(rule.types());
            }
        }
        return List.copyOf(types);
    }

    private static String tsType(List<DynamoType> types) {
        if (types.isEmpty()) {
            return "AttributeValue";
        }
        return types.stream().map(t -> switch (t) {
            case S -> "string";
            case N -> "DynamoNumber";
            case B -> "Uint8Array";
            case BOOL -> "boolean";
            case NULL -> "null";
            case M -> "{ readonly [name: string]: AttributeValue }";
            case L -> "readonly AttributeValue[]";
            case SS -> "ReadonlySet<string>";
            case NS -> "ReadonlySet<DynamoNumber>";
            case BS -> "ReadonlySet<Uint8Array>";
        }).distinct().collect(Collectors.joining(" | "));
    }

    private static String fields(Map<String, PolicyRule> fields, int depth) {
        if (fields.isEmpty()) {
            return "new Map<string, Rule>()";
        }
        String pad = "  ".repeat(depth + 1);
        List<String> entries = new ArrayList<>();
        fields.forEach((name, rule) -> entries.add(pad + "[" + TypeScriptWriter.literal(name) + ", " + rule(rule, depth + 1) + "],"));
        return "new Map<string, Rule>([\n" + String.join("\n", entries) + "\n" + "  ".repeat(depth) + "])";
    }

    private static String rule(PolicyRule r, int depth) {
        String access = r.classification().map(Classification::label).map(TypeScriptWriter::literal).orElse("null");
        StringBuilder sb = new StringBuilder("{ access: ").append(access);
        if (!r.fields().isEmpty()) {
            sb.append(", fields: ").append(fields(r.fields(), depth));
        }
        r.items().ifPresent(i -> sb.append(", items: ").append(rule(i, depth)));
        return sb.append(" }").toString();
    }
}
