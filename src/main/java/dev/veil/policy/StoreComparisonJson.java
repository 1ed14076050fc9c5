package dev.veil.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * A {@link StoreComparison} as JSON, for {@code veil policy check --format json}:
 * {@code {"failed","widening":n,"tables":[{"table","status","baseVersion","version","widening","fails",
 * "changes":[…],"rewritten":[…],"removed":[…]}]}}, each change shaped as in {@link PolicyDiffJson}
 * and versions null where a store has none.
 */
public final class StoreComparisonJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StoreComparisonJson() {
    }

    /** The document as a tree. */
    public static ObjectNode toTree(StoreComparison c) {
        ObjectNode o = NODES.objectNode();
        o.put("failed", c.fails());
        o.put("widening", c.tables().stream().mapToInt(t -> t.widening().size()).sum());
        ArrayNode tables = o.putArray("tables");
        for (StoreComparison.Table t : c.tables()) {
            ObjectNode n = tables.addObject();
            n.put("table", t.table());
            n.put("status", t.status().label());
            version(n, "baseVersion", t.baseVersion());
            version(n, "version", t.version());
            n.put("widening", t.widening().size());
            n.put("fails", t.fails());
            n.set("changes", PolicyDiffJson.toTree(t.table(), t.baseVersion().orElse(0), t.version().orElse(0),
                    t.changes()).get("changes"));
            n.set("rewritten", versions(t.rewritten()));
            n.set("removed", versions(t.removed()));
        }
        return o;
    }

    private static void version(ObjectNode n, String key, Optional<Integer> v) {
        if (v.isPresent()) {
            n.put(key, v.get());
        } else {
            n.putNull(key);
        }
    }

    private static ArrayNode versions(List<Integer> vs) {
        ArrayNode a = NODES.arrayNode();
        vs.forEach(a::add);
        return a;
    }
}
