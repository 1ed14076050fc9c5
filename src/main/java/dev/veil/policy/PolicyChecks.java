package dev.veil.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks the schema cannot express, run on a document that passed the schema: names that
 * no DynamoDB attribute can have, unsorted type lists, impossible review times, and a
 * {@code previous} that does not fit the version.
 */
final class PolicyChecks {
    private PolicyChecks() {
    }

    static List<Issue> check(LocatedJson json) {
        List<Issue> out = new ArrayList<>();
        JsonNode root = json.root();
        checkChainStart(json, root, out);
        JsonNode entities = root.get(PolicyTree.ENTITIES);
        if (entities != null) {
            EntityChecks.check(json, entities, out);
            for (Map.Entry<String, JsonNode> e : entities.properties()) {
                JsonPlace place = JsonPlace.ROOT.child(PolicyTree.ENTITIES).child(e.getKey()).child(PolicyTree.ATTRIBUTES);
                rules(json, e.getValue().get(PolicyTree.ATTRIBUTES), place, out);
            }
        }
        JsonNode owner = root.path(PolicyTree.OWNER);
        if (owner.isTextual() && CanonicalJson.hasLoneSurrogate(owner.textValue())) {
            out.add(Issue.at(json.valueAt("/" + PolicyTree.OWNER), "the owner attribute name is not valid Unicode (it holds a lone surrogate)",
                    "DynamoDB names are UTF-8 text; name an existing top-level attribute"));
        }
        if (root.has(PolicyTree.ATTRIBUTES)) {
            rules(json, root.get(PolicyTree.ATTRIBUTES), JsonPlace.ROOT.child(PolicyTree.ATTRIBUTES), out);
        }
        JsonNode published = root.get(PolicyTree.PUBLISHED);
        if (published != null) {
            realTime(json, published.get("at").textValue(), JsonPlace.ROOT.child(PolicyTree.PUBLISHED).child("at"),
                    "publishing time", out);
        }
        return out;
    }

    private static void checkChainStart(LocatedJson json, JsonNode root, List<Issue> out) {
        int version = root.get(PolicyTree.VERSION).intValue();
        boolean hasPrevious = !root.get(PolicyTree.PREVIOUS).isNull();
        Issue.Spot spot = json.valueAt("/" + PolicyTree.PREVIOUS);
        if (version == 1 && hasPrevious) {
            out.add(Issue.at(spot, "version 1 names a previous version, but the chain starts at version 1",
                    "`previous` is null in version 1; restore the file from version control"));
        } else if (version > 1 && !hasPrevious) {
            out.add(Issue.at(spot, "broken chain: version " + version + " does not name the digest of version " + (version - 1),
                    "`previous` must hold the digest of v" + (version - 1) + ".json; restore the file from version control"));
        }
    }

    private static void rules(LocatedJson json, JsonNode rules, JsonPlace place, List<Issue> out) {
        for (Map.Entry<String, JsonNode> e : rules.properties()) {
            JsonPlace child = place.child(e.getKey());
            if (CanonicalJson.hasLoneSurrogate(e.getKey())) {
                out.add(Issue.at(json.keyAt(child.pointer()), "an attribute name is not valid Unicode (it holds a lone surrogate)",
                        "DynamoDB names are UTF-8 text; no item can hold this name, so remove the entry"));
            }
            rule(json, e.getValue(), child, out);
        }
    }

    private static void realTime(LocatedJson json, String at, JsonPlace p, String what, List<Issue> out) {
        try {
            Instant.parse(at);
        } catch (DateTimeParseException e) {
            out.add(Issue.at(json.valueAt(p.pointer()), what + " \"" + at + "\" in " + p.describe() + " is not a real date and time",
                    "write a valid UTC time such as 2024-05-01T09:30:00Z"));
        }
    }

    private static void rule(LocatedJson json, JsonNode rule, JsonPlace place, List<Issue> out) {
        JsonNode types = rule.get(PolicyTree.TYPES);
        if (types != null) {
            List<String> codes = new ArrayList<>();
            types.forEach(t -> codes.add(t.textValue()));
            List<String> sorted = codes.stream().sorted().toList();
            if (!codes.equals(sorted)) {
                JsonPlace at = place.child(PolicyTree.TYPES);
                out.add(Issue.at(json.valueAt(at.pointer()), at.describe() + " are not sorted: " + String.join(", ", codes),
                        "list them sorted: " + String.join(", ", sorted)));
            }
        }
        JsonNode review = rule.get(PolicyTree.REVIEW);
        if (review != null) {
            realTime(json, review.get("at").textValue(), place.child(PolicyTree.REVIEW).child("at"), "review time", out);
        }
        JsonNode fields = rule.get(PolicyTree.FIELDS);
        if (fields != null) {
            rules(json, fields, place.child(PolicyTree.FIELDS), out);
        }
        JsonNode items = rule.get(PolicyTree.ITEMS);
        if (items != null) {
            rule(json, items, place.child(PolicyTree.ITEMS), out);
        }
    }
}
