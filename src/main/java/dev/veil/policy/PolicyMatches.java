package dev.veil.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.model.EntityMatch;

/** Reads an entity's {@code match} object of a schema-checked document. */
final class PolicyMatches {

    private PolicyMatches() {
    }

    static EntityMatch of(JsonNode m) {
        String attribute = m.get(PolicyTree.ATTRIBUTE).textValue();
        JsonNode equals = m.get(EntityMatch.Test.EQUALS.label());
        return equals != null ? EntityMatch.equalTo(attribute, equals.textValue())
                : EntityMatch.beginningWith(attribute, m.get(EntityMatch.Test.BEGINS_WITH.label()).textValue());
    }
}
