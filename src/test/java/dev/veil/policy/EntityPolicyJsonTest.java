package dev.veil.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.EntityMatch;
import dev.veil.model.EntityPolicy;
import dev.veil.model.OwnerRule;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code veil-policy/2}: written canonically, read back, and checked like the first format. */
class EntityPolicyJsonTest {

    static Policy appPolicy() {
        PolicyRule publicS = PolicyRule.leaf(Classification.PUBLIC, List.of(DynamoType.S), Optional.empty());
        PolicyRule ownerN = PolicyRule.leaf(Classification.OWNER_ONLY, List.of(DynamoType.N), Optional.empty());
        PolicyRule ownerS = PolicyRule.leaf(Classification.OWNER_ONLY, List.of(DynamoType.S), Optional.empty());
        return Policy.draftOfEntities("app_data", 1, Optional.empty(), Map.of(
                "ORDER", EntityPolicy.of(EntityMatch.beginningWith("sk", "ORDER#"),
                        Optional.of(new OwnerRule("pk", "USER#{id}")),
                        Map.of("pk", publicS, "sk", publicS, "total", ownerN)),
                "User \"admin\"", EntityPolicy.of(EntityMatch.equalTo("_et", "User"),
                        Optional.of(OwnerRule.plain("user_id")),
                        Map.of("user_id", publicS, "email", ownerS, "_et", publicS))));
    }

    @Test
    void writesTheEntitiesFormatAndReadsItBack() throws Exception {
        String text = PolicyJson.write(appPolicy());
        JsonNode doc = new ObjectMapper().readTree(text);
        assertThat(doc.get("format").asText()).isEqualTo("veil-policy/2");
        assertThat(doc.has("attributes")).isFalse();
        assertThat(doc.has("owner")).isFalse();
        assertThat(doc.at("/entities/ORDER/match/beginsWith").asText()).isEqualTo("ORDER#");
        assertThat(doc.at("/entities/ORDER/owner/template").asText()).isEqualTo("USER#{id}");
        Policy back = PolicyJson.parse(text, "v1.json");
        assertThat(back.entities()).isEqualTo(appPolicy().entities());
        assertThat(PolicyJson.write(back)).isEqualTo(text);
    }

    @Test
    void aTableOfOneKindIsStillWrittenInTheFirstFormat() {
        Policy one = Policy.draft("users", 1, Optional.empty(), Optional.of("id"), Map.of("id",
                PolicyRule.leaf(Classification.PUBLIC, List.of(DynamoType.S), Optional.empty())));
        assertThat(PolicyJson.write(one)).contains("\"format\": \"veil-policy/1\"");
    }

    @Test
    void refusesMatchesThatOverlap() throws Exception {
        ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(PolicyJson.write(appPolicy()));
        ((ObjectNode) doc.at("/entities/User \"admin\"/match")).removeAll().put("attribute", "sk")
                .put("beginsWith", "ORDER#2024");
        assertThatThrownBy(() -> PolicyJson.parse(redigest(doc), "v1.json"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessageContaining("overlaps the match of entity \"ORDER\"");
    }

    @Test
    void refusesAnOwnerTemplateWithoutTheId() throws Exception {
        ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(PolicyJson.write(appPolicy()));
        ((ObjectNode) doc.at("/entities/ORDER/owner")).put("template", "USER#");
        assertThatThrownBy(() -> PolicyJson.parse(redigest(doc), "v1.json"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessageContaining("lacks {id}");
    }

    private static String redigest(ObjectNode doc) {
        doc.remove("digest");
        String body = CanonicalJson.write(doc);
        doc.put("digest", PolicyDigest.of(body));
        return CanonicalJson.write(doc);
    }
}
