package dev.veil.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks of a {@code veil-policy/2} document the schema cannot make: no two entities test the
 * same attribute in ways one string could pass both (such an item would match two entities and
 * every sanitizer would drop it).
 */
final class EntityChecks {

    private EntityChecks() {
    }

    static void check(LocatedJson json, JsonNode entities, List<Issue> out) {
        List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
        entities.properties().forEach(all::add);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                JsonNode a = all.get(i).getValue().get(PolicyTree.MATCH);
                JsonNode b = all.get(j).getValue().get(PolicyTree.MATCH);
                if (overlap(a, b)) {
                    JsonPlace place = JsonPlace.ROOT.child(PolicyTree.ENTITIES).child(all.get(j).getKey())
                            .child(PolicyTree.MATCH);
                    out.add(Issue.at(json.valueAt(place.pointer()), "the match of entity \"" + all.get(j).getKey()
                                    + "\" overlaps the match of entity \"" + all.get(i).getKey()
                                    + "\": an item could match both, and every sanitizer would drop it",
                            "give each entity a value or prefix no other entity's match on the same attribute "
                                    + "can also pass"));
                }
            }
        }
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        if (!a.get(PolicyTree.ATTRIBUTE).textValue().equals(b.get(PolicyTree.ATTRIBUTE).textValue())) {
            return false;
        }
        return PolicyMatches.of(a).overlaps(PolicyMatches.of(b));
    }
}
