package dev.veil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.DynamoValue;
import dev.veil.model.Policy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reference sanitizer under a policy with entities: entity first, then its own rules. */
class ReferenceSanitizerEntitiesTest {

    private final Policy policy = EntityPolicyJsonTest.appPolicy();

    private static Map<String, DynamoValue> item(String... namesAndValues) {
        Map<String, DynamoValue> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], new DynamoValue.S(namesAndValues[i + 1]));
        }
        return m;
    }

    @Test
    void theOwnerTemplateDecidesWhoSeesOwnerOnlyAttributes() {
        Map<String, DynamoValue> order = item("pk", "USER#7", "sk", "ORDER#1");
        order.put("total", new DynamoValue.N("12.5"));
        assertThat(ReferenceSanitizer.sanitizeItem(policy, order, Optional.of("7")).orElseThrow())
                .containsKey("total");
        assertThat(ReferenceSanitizer.sanitizeItem(policy, order, Optional.of("USER#7")).orElseThrow())
                .doesNotContainKey("total");
        assertThat(ReferenceSanitizer.sanitizeItem(policy, order, Optional.empty()).orElseThrow())
                .containsOnlyKeys("pk", "sk");
    }

    @Test
    void eachEntityKeepsItsOwnAttributesOnly() {
        Map<String, DynamoValue> user = item("_et", "User", "user_id", "7", "email", "a@b.c", "total", "9");
        assertThat(ReferenceSanitizer.sanitizeItem(policy, user, Optional.of("7")).orElseThrow())
                .containsOnlyKeys("_et", "user_id", "email");
    }

    @Test
    void anItemMatchingNoEntityIsDroppedWhole() {
        assertThat(ReferenceSanitizer.sanitizeItem(policy, item("pk", "USER#7", "sk", "INVOICE#1"),
                Optional.of("7"))).isEmpty();
        assertThat(ReferenceSanitizer.sanitizeItem(policy, item("_et", "user", "user_id", "7"),
                Optional.of("7"))).isEmpty();
    }

    @Test
    void anItemMatchingTwoEntitiesIsDroppedWhole() {
        assertThat(ReferenceSanitizer.sanitizeItem(policy, item("_et", "User", "user_id", "7", "pk", "USER#7",
                "sk", "ORDER#1"), Optional.of("7"))).isEmpty();
    }

    @Test
    void aHostileMarkerValueMatchesNothing() {
        for (String hostile : new String[] {"User\u0000", "User ", "\"User\"", "ORDER#", "User' OR '1'='1"}) {
            assertThat(ReferenceSanitizer.sanitizeItem(policy, item("_et", hostile, "user_id", "7", "email", "e"),
                    Optional.of("7"))).as(hostile).isEmpty();
        }
    }
}
