package dev.veil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.DynamoValue;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReferenceSanitizerTest {

    private static final Optional<String> ALICE = Optional.of("alice");
    private static final Optional<String> BOB = Optional.of("bob");

    private static PolicyRule leaf(Classification c) {
        return PolicyRule.leaf(c, List.of(DynamoType.S), Optional.empty());
    }

    private static PolicyRule itemsWithoutClass(Map<String, PolicyRule> fields) {
        return new PolicyRule(Optional.empty(), List.of(DynamoType.M), new TreeMap<>(fields), Optional.empty(),
                Optional.empty());
    }

    private static Policy policy(Optional<String> owner, Map<String, PolicyRule> rules) {
        return Policy.draft("users", 1, Optional.empty(), owner, rules);
    }

    private static Policy owned(Map<String, PolicyRule> rules) {
        Map<String, PolicyRule> all = new TreeMap<>(rules);
        all.put("user_id", leaf(Classification.PUBLIC));
        return policy(Optional.of("user_id"), all);
    }

    private static DynamoValue s(String v) {
        return new DynamoValue.S(v);
    }

    private static DynamoValue m(Object... kv) {
        Map<String, DynamoValue> out = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            out.put((String) kv[i], (DynamoValue) kv[i + 1]);
        }
        return new DynamoValue.M(out);
    }

    private static DynamoValue l(DynamoValue... values) {
        return new DynamoValue.L(List.of(values));
    }

    private static Map<String, DynamoValue> item(Object... kv) {
        return ((DynamoValue.M) m(kv)).value();
    }

    @Test
    void aPublicAttributeIsKeptForAnyone() {
        Policy p = owned(Map.of("name", leaf(Classification.PUBLIC)));
        Map<String, DynamoValue> it = item("user_id", s("alice"), "name", s("Al"));
        assertThat(ReferenceSanitizer.sanitize(p, it, Optional.empty())).containsEntry("name", s("Al"));
        assertThat(ReferenceSanitizer.sanitize(p, it, BOB)).containsEntry("name", s("Al"));
    }

    @Test
    void anOwnerOnlyAttributeIsKeptForTheOwnerOnly() {
        Policy p = owned(Map.of("email", leaf(Classification.OWNER_ONLY)));
        Map<String, DynamoValue> it = item("user_id", s("alice"), "email", s("a@x"));
        assertThat(ReferenceSanitizer.sanitize(p, it, ALICE)).containsEntry("email", s("a@x"));
        assertThat(ReferenceSanitizer.sanitize(p, it, BOB)).doesNotContainKey("email");
        assertThat(ReferenceSanitizer.sanitize(p, it, Optional.empty())).doesNotContainKey("email");
    }

    @Test
    void aSecretAttributeIsDroppedEvenForTheOwner() {
        Policy p = owned(Map.of("password_hash", leaf(Classification.SECRET)));
        Map<String, DynamoValue> it = item("user_id", s("alice"), "password_hash", s("h"));
        assertThat(ReferenceSanitizer.sanitize(p, it, ALICE)).containsOnlyKeys("user_id");
    }

    @Test
    void anAttributeThePolicyDoesNotNameIsDropped() {
        Policy p = owned(Map.of());
        Map<String, DynamoValue> it = item("user_id", s("alice"), "surprise", s("x"));
        assertThat(ReferenceSanitizer.sanitize(p, it, ALICE)).containsOnlyKeys("user_id");
    }

    @Test
    void aNumericOwnerAttributeMatchesByItsExactText() {
        Policy p = owned(Map.of("email", leaf(Classification.OWNER_ONLY)));
        Map<String, DynamoValue> it = item("user_id", new DynamoValue.N("42"), "email", s("a@x"));
        assertThat(ReferenceSanitizer.sanitize(p, it, Optional.of("42"))).containsKey("email");
        assertThat(ReferenceSanitizer.sanitize(p, it, Optional.of("42.0"))).doesNotContainKey("email");
    }

    @Test
    void anOwnerAttributeOfAnotherTypeMakesNobodyTheOwner() {
        Policy p = owned(Map.of("email", leaf(Classification.OWNER_ONLY)));
        Map<String, DynamoValue> it = item("user_id", new DynamoValue.SS(List.of("alice")), "email", s("a@x"));
        assertThat(ReferenceSanitizer.isOwner(p, it, ALICE)).isFalse();
        assertThat(ReferenceSanitizer.sanitize(p, it, ALICE)).doesNotContainKey("email");
    }

    @Test
    void aPolicyWithoutAnOwnerHasNoOwner() {
        Policy p = policy(Optional.empty(), Map.of("user_id", leaf(Classification.PUBLIC),
                "email", leaf(Classification.OWNER_ONLY)));
        Map<String, DynamoValue> it = item("user_id", s("alice"), "email", s("a@x"));
        assertThat(ReferenceSanitizer.sanitize(p, it, ALICE)).containsOnlyKeys("user_id");
    }

    @Test
    void aMissingOwnerAttributeMakesNobodyTheOwner() {
        Policy p = owned(Map.of("email", leaf(Classification.OWNER_ONLY)));
        assertThat(ReferenceSanitizer.isOwner(p, item("email", s("a@x")), ALICE)).isFalse();
    }

    @Test
    void aKeptMapKeepsOnlyTheFieldsWhoseRulesPass() {
        Policy p = owned(Map.of("address", leaf(Classification.OWNER_ONLY).withFields(Map.of(
                "city", leaf(Classification.PUBLIC), "street", leaf(Classification.OWNER_ONLY),
                "code", leaf(Classification.SECRET)))));
        Map<String, DynamoValue> it = item("user_id", s("alice"),
                "address", m("city", s("Oslo"), "street", s("Main"), "code", s("1"), "unnamed", s("u")));
        assertThat(ReferenceSanitizer.sanitize(p, it, ALICE))
                .containsEntry("address", m("city", s("Oslo"), "street", s("Main")));
    }

    @Test
    void aPublicFieldInsideAnOwnerOnlyMapIsHiddenFromOthers() {
        Policy p = owned(Map.of("address", leaf(Classification.OWNER_ONLY).withFields(Map.of(
                "city", leaf(Classification.PUBLIC)))));
        Map<String, DynamoValue> it = item("user_id", s("alice"), "address", m("city", s("Oslo")));
        assertThat(ReferenceSanitizer.sanitize(p, it, BOB)).doesNotContainKey("address");
    }

    @Test
    void aKeptMapWhoseFieldsAllFailIsKeptEmpty() {
        Policy p = owned(Map.of("address", leaf(Classification.PUBLIC).withFields(Map.of(
                "street", leaf(Classification.OWNER_ONLY)))));
        Map<String, DynamoValue> it = item("user_id", s("alice"), "address", m("street", s("Main")));
        assertThat(ReferenceSanitizer.sanitize(p, it, BOB)).containsEntry("address", m());
    }

    @Test
    void fieldsAreFilteredRecursively() {
        Policy p = owned(Map.of("a", leaf(Classification.PUBLIC).withFields(Map.of(
                "b", leaf(Classification.PUBLIC).withFields(Map.of(
                        "c", leaf(Classification.PUBLIC), "d", leaf(Classification.SECRET)))))));
        Map<String, DynamoValue> it = item("a", m("b", m("c", s("1"), "d", s("2"))));
        assertThat(ReferenceSanitizer.sanitize(p, it, BOB)).containsEntry("a", m("b", m("c", s("1"))));
    }

    @Test
    void anItemsRuleWithoutAClassKeepsEveryElementAndFiltersItsFields() {
        Policy p = owned(Map.of("orders", leaf(Classification.OWNER_ONLY).withItems(Optional.of(
                itemsWithoutClass(Map.of("total", leaf(Classification.OWNER_ONLY), "id", leaf(Classification.PUBLIC)))))));
        Map<String, DynamoValue> it = item("user_id", s("alice"),
                "orders", l(m("id", s("o1"), "total", s("9"), "card", s("x")), m("card", s("y"))));
        assertThat(ReferenceSanitizer.sanitize(p, it, ALICE))
                .containsEntry("orders", l(m("id", s("o1"), "total", s("9")), m()));
    }

    @Test
    void anItemsRuleWhoseClassFailsRemovesEveryElement() {
        Policy p = owned(Map.of("tags", leaf(Classification.PUBLIC).withItems(Optional.of(
                leaf(Classification.OWNER_ONLY)))));
        Map<String, DynamoValue> it = item("user_id", s("alice"), "tags", l(s("a"), s("b")));
        assertThat(ReferenceSanitizer.sanitize(p, it, BOB)).containsEntry("tags", l());
        assertThat(ReferenceSanitizer.sanitize(p, it, ALICE)).containsEntry("tags", l(s("a"), s("b")));
    }

    @Test
    void anElementThatIsNotAMapUnderAFieldsRuleIsRemoved() {
        Policy p = owned(Map.of("orders", leaf(Classification.PUBLIC).withItems(Optional.of(
                itemsWithoutClass(Map.of("id", leaf(Classification.PUBLIC)))))));
        Map<String, DynamoValue> it = item("orders", l(s("loose"), m("id", s("o1"))));
        assertThat(ReferenceSanitizer.sanitize(p, it, BOB)).containsEntry("orders", l(m("id", s("o1"))));
    }

    @Test
    void aKeptValueWithoutFieldsOrItemsPassesWhole() {
        Policy p = owned(Map.of("prefs", leaf(Classification.PUBLIC)));
        DynamoValue nested = m("x", l(s("1"), m("secret", s("s"))));
        assertThat(ReferenceSanitizer.sanitize(p, item("prefs", nested), BOB)).containsEntry("prefs", nested);
    }

    @Test
    void aFieldsRuleOnAValueThatIsNotAMapDropsIt() {
        Policy p = owned(Map.of("address", leaf(Classification.PUBLIC).withFields(Map.of(
                "city", leaf(Classification.PUBLIC)))));
        assertThat(ReferenceSanitizer.sanitize(p, item("address", s("Oslo, Main 1")), BOB)).doesNotContainKey("address");
        assertThat(ReferenceSanitizer.sanitize(p, item("address", l(s("x"))), BOB)).doesNotContainKey("address");
    }

    @Test
    void anItemsRuleOnAValueThatIsNotAListDropsIt() {
        Policy p = owned(Map.of("tags", leaf(Classification.PUBLIC).withItems(Optional.of(leaf(Classification.PUBLIC)))));
        assertThat(ReferenceSanitizer.sanitize(p, item("tags", new DynamoValue.SS(List.of("a"))), BOB))
                .doesNotContainKey("tags");
        assertThat(ReferenceSanitizer.sanitize(p, item("tags", m("a", s("b"))), BOB)).doesNotContainKey("tags");
    }

    @Test
    void droppedKeysAreAbsentNotNull() {
        Policy p = owned(Map.of("email", leaf(Classification.OWNER_ONLY)));
        Map<String, DynamoValue> out = ReferenceSanitizer.sanitize(p, item("user_id", s("alice"), "email", s("a")), BOB);
        assertThat(out).containsOnlyKeys("user_id").doesNotContainValue(null);
    }

    @Test
    void theInputItemIsNotModified() {
        Policy p = owned(Map.of());
        Map<String, DynamoValue> it = new LinkedHashMap<>(item("user_id", s("alice"), "x", s("1")));
        ReferenceSanitizer.sanitize(p, it, BOB);
        assertThat(it).containsOnlyKeys("user_id", "x");
    }
}
