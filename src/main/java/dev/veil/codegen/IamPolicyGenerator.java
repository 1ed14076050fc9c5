package dev.veil.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.model.Policy;

/**
 * Writes {@code <table_snake>_iam.json}: the public and owner IAM policy documents, what they
 * enforce, and every rule only the sanitizer enforces, with the reason (DESIGN.md, "IAM policies").
 */
final class IamPolicyGenerator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter WRITER = new ObjectMapper().writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private IamPolicyGenerator() {
    }

    static String fileName(Policy policy) {
        return TableNames.snake(policy.table()) + "_iam.json";
    }

    static ObjectNode tree(Policy policy, IamPlan plan) {
        ObjectNode root = NODES.objectNode();
        root.put("table", policy.table());
        root.put("policyVersion", policy.version());
        root.put("policyDigest", policy.digest().orElse(""));
        root.put("tableArn", plan.tableArn());
        root.set("public", IamDocuments.publicDocument(plan));
        root.set("owner", plan.ownerRole().<JsonNode>map(r -> IamDocuments.ownerDocument(plan, r))
                .orElse(NODES.nullNode()));
        plan.ownerReason().ifPresentOrElse(r -> root.put("ownerReason", r), () -> root.putNull("ownerReason"));
        ArrayNode enforced = root.putArray("enforcedByIam");
        plan.enforcedByIam().forEach(enforced::add);
        ArrayNode sanitizerOnly = root.putArray("sanitizerOnly");
        plan.sanitizerOnly().forEach(r -> sanitizerOnly.addObject().put("path", r.path()).put("reason", r.reason()));
        ArrayNode indexes = root.putArray("indexes");
        plan.indexes().forEach(i -> {
            ObjectNode n = indexes.addObject().put("name", i.name()).put("public", i.publicRole()).put("owner", i.ownerRole());
            if (!i.reason().isEmpty()) {
                n.put("reason", i.reason());
            }
        });
        return root;
    }

    static GeneratedFile generate(Policy policy, IamPlan plan) {
        return new GeneratedFile(fileName(policy), json(tree(policy, plan)));
    }

    static String json(ObjectNode node) {
        try {
            return WRITER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
