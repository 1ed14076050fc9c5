package dev.veil.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.model.Review;

import java.util.List;
import java.util.Optional;

/**
 * Policy changes as JSON, for {@code veil policy diff --json}:
 * {@code {"table","from","to","widening":n,"changes":[{"path","kind","entity"?,"from","to","widening","review"}]}},
 * with {@code from}/{@code to}/{@code review} null when absent and {@code review} as
 * {@code {"by","at","note","source"}}.
 */
public final class PolicyDiffJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PolicyDiffJson() {
    }

    /** The document as a tree, to embed in a larger one. */
    public static ObjectNode toTree(String table, int fromVersion, int toVersion, List<PolicyChange> changes) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("table", table);
        o.put("from", fromVersion);
        o.put("to", toVersion);
        o.put("widening", changes.stream().filter(PolicyChange::widening).count());
        ArrayNode list = o.putArray("changes");
        for (PolicyChange c : changes) {
            ObjectNode n = list.addObject();
            n.put("path", c.path().toString());
            n.put("kind", c.kind().label());
            if (!c.entity().isEmpty()) {
                n.put("entity", c.entity());
            }
            put(n, "from", c.from());
            put(n, "to", c.to());
            n.put("widening", c.widening());
            if (c.review().isPresent()) {
                n.set("review", review(c.review().get()));
            } else {
                n.putNull("review");
            }
        }
        return o;
    }

    /** The document as text (two-space indent, one document). */
    public static String write(String table, int fromVersion, int toVersion, List<PolicyChange> changes) {
        try {
            return MAPPER.writeValueAsString(toTree(table, fromVersion, toVersion, changes)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serializes", e);
        }
    }

    private static void put(ObjectNode n, String key, Optional<String> value) {
        if (value.isPresent()) {
            n.put(key, value.get());
        } else {
            n.putNull(key);
        }
    }

    private static ObjectNode review(Review r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("by", r.reviewer());
        o.put("at", r.at().toString());
        o.put("note", r.note());
        o.put("source", r.source().label());
        return o;
    }
}
