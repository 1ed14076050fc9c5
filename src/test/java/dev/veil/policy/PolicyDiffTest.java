package dev.veil.policy;

import dev.veil.model.AttributePath;
import dev.veil.model.DynamoType;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.veil.model.Classification.OWNER_ONLY;
import static dev.veil.model.Classification.PUBLIC;
import static dev.veil.model.Classification.SECRET;
import static dev.veil.policy.Fixtures.rule;
import static dev.veil.policy.PolicyChange.Kind.ADDED;
import static dev.veil.policy.PolicyChange.Kind.CLASS_CHANGED;
import static dev.veil.policy.PolicyChange.Kind.OWNER_CHANGED;
import static dev.veil.policy.PolicyChange.Kind.REMOVED;
import static dev.veil.policy.PolicyChange.Kind.REVIEW_CHANGED;
import static dev.veil.policy.PolicyChange.Kind.TYPES_CHANGED;
import static org.assertj.core.api.Assertions.assertThat;

class PolicyDiffTest {
    private final Policy base = Fixtures.users();

    private static PolicyChange only(Policy a, Policy b) {
        List<PolicyChange> changes = PolicyDiff.between(a, b);
        assertThat(changes).hasSize(1);
        return changes.get(0);
    }

    private static PolicyChange change(List<PolicyChange> changes, String path) {
        return changes.stream().filter(c -> c.path().equals(AttributePath.parse(path))).findFirst()
                .orElseThrow(() -> new AssertionError("no change at " + path + " in " + changes));
    }

    @Test
    void identicalPoliciesHaveNoChanges() {
        assertThat(PolicyDiff.between(base, Fixtures.sealed(base))).isEmpty();
    }

    @Test
    void secretToOwnerOnlyWidens() {
        PolicyChange c = only(base, Fixtures.withRule(base, "password_hash", rule(OWNER_ONLY, "carol", "needed", DynamoType.S)));
        assertThat(c.kind()).isEqualTo(CLASS_CHANGED);
        assertThat(c.from()).contains("secret");
        assertThat(c.to()).contains("owner-only");
        assertThat(c.widening()).isTrue();
        assertThat(c.review()).map(r -> r.reviewer()).contains("carol");
    }

    @Test
    void ownerOnlyToPublicWidens() {
        assertThat(only(base, Fixtures.withRule(base, "email", rule(PUBLIC, DynamoType.S))).widening()).isTrue();
    }

    @Test
    void publicToSecretNarrows() {
        PolicyChange c = only(base, Fixtures.withRule(base, "user_id", rule(SECRET, DynamoType.S)));
        assertThat(c.kind()).isEqualTo(CLASS_CHANGED);
        assertThat(c.widening()).isFalse();
    }

    @Test
    void aNewPublicAttributeWidens() {
        PolicyChange c = only(base, Fixtures.withRule(base, "nickname", rule(PUBLIC, DynamoType.S)));
        assertThat(c.kind()).isEqualTo(ADDED);
        assertThat(c.to()).contains("public");
        assertThat(c.widening()).isTrue();
    }

    @Test
    void aNewOwnerOnlyAttributeWidens() {
        assertThat(only(base, Fixtures.withRule(base, "phone", rule(OWNER_ONLY, DynamoType.S))).widening()).isTrue();
    }

    @Test
    void aNewSecretAttributeDoesNotWiden() {
        assertThat(only(base, Fixtures.withRule(base, "ssn", rule(SECRET, DynamoType.S))).widening()).isFalse();
    }

    @Test
    void aRemovedAttributeNarrowsSinceUnknownIsSecret() {
        PolicyChange c = only(base, Fixtures.withoutRule(base, "user_id"));
        assertThat(c.kind()).isEqualTo(REMOVED);
        assertThat(c.from()).contains("public");
        assertThat(c.widening()).isFalse();
    }

    @Test
    void aChangedOwnerAttributeWidens() {
        PolicyChange c = only(base, Fixtures.withOwner(base, Optional.of("account_id")));
        assertThat(c.kind()).isEqualTo(OWNER_CHANGED);
        assertThat(c.from()).contains("user_id");
        assertThat(c.to()).contains("account_id");
        assertThat(c.widening()).isTrue();
    }

    @Test
    void settingAnOwnerWhereThereWasNoneWidens() {
        Policy none = Fixtures.withOwner(base, Optional.empty());
        assertThat(only(none, base).widening()).isTrue();
    }

    @Test
    void removingTheOwnerNarrows() {
        PolicyChange c = only(base, Fixtures.withOwner(base, Optional.empty()));
        assertThat(c.to()).isEmpty();
        assertThat(c.widening()).isFalse();
    }

    @Test
    void aWiderNestedFieldWidens() {
        Policy b = Fixtures.withRule(base, "address", base.attributes().get("address")
                .withFields(Map.of("city", rule(PUBLIC, DynamoType.S), "street", rule(OWNER_ONLY, DynamoType.S))));
        PolicyChange c = only(base, b);
        assertThat(c.path()).hasToString("address.street");
        assertThat(c.widening()).isTrue();
    }

    @Test
    void removingTheLastFieldRuleLetsTheWholeMapPassAndWidens() {
        Policy a = Fixtures.withRule(base, "address", rule(PUBLIC, DynamoType.M).withFields(Map.of("city", rule(PUBLIC, DynamoType.S))));
        Policy b = Fixtures.withRule(base, "address", rule(PUBLIC, DynamoType.M));
        PolicyChange c = only(a, b);
        assertThat(c.kind()).isEqualTo(REMOVED);
        assertThat(c.widening()).as("every other field of address is now shown").isTrue();
    }

    @Test
    void removingOneOfSeveralFieldRulesNarrows() {
        Policy a = Fixtures.withRule(base, "address", rule(PUBLIC, DynamoType.M)
                .withFields(Map.of("city", rule(PUBLIC, DynamoType.S), "zip", rule(PUBLIC, DynamoType.S))));
        Policy b = Fixtures.withRule(base, "address", rule(PUBLIC, DynamoType.M).withFields(Map.of("city", rule(PUBLIC, DynamoType.S))));
        assertThat(only(a, b).widening()).isFalse();
    }

    @Test
    void aFirstFieldRuleOnAMapThatPassedWholeNarrows() {
        Policy a = Fixtures.withRule(base, "address", rule(PUBLIC, DynamoType.M));
        Policy b = Fixtures.withRule(base, "address", rule(PUBLIC, DynamoType.M).withFields(Map.of("city", rule(PUBLIC, DynamoType.S))));
        PolicyChange c = only(a, b);
        assertThat(c.kind()).isEqualTo(ADDED);
        assertThat(c.widening()).as("the other fields of address are now hidden").isFalse();
    }

    @Test
    void removingAnItemsRuleWithFieldsLetsElementsPassWholeAndWidens() {
        Policy a = Fixtures.withRule(base, "orders", rule(PUBLIC, DynamoType.L)
                .withItems(Optional.of(Fixtures.classless(Map.of("total", rule(PUBLIC, DynamoType.N))))));
        Policy b = Fixtures.withRule(base, "orders", rule(PUBLIC, DynamoType.L));
        List<PolicyChange> changes = PolicyDiff.between(a, b);
        assertThat(changes).extracting(PolicyChange::kind).containsOnly(REMOVED);
        assertThat(change(changes, "orders[].total").widening()).isTrue();
    }

    @Test
    void anItemsRuleGainingANarrowerClassNarrows() {
        Policy a = Fixtures.withRule(base, "orders", rule(PUBLIC, DynamoType.L)
                .withItems(Optional.of(Fixtures.classless(Map.of("total", rule(PUBLIC, DynamoType.N))))));
        Policy b = Fixtures.withRule(base, "orders", rule(PUBLIC, DynamoType.L)
                .withItems(Optional.of(rule(OWNER_ONLY).withFields(Map.of("total", rule(PUBLIC, DynamoType.N))))));
        PolicyChange c = change(PolicyDiff.between(a, b), "orders[]");
        assertThat(c.kind()).isEqualTo(CLASS_CHANGED);
        assertThat(c.from()).isEmpty();
        assertThat(c.widening()).isFalse();
    }

    @Test
    void anItemsRuleLosingItsNarrowerClassWidens() {
        Policy a = Fixtures.withRule(base, "orders", rule(PUBLIC, DynamoType.L).withItems(Optional.of(rule(SECRET))));
        Policy b = Fixtures.withRule(base, "orders", rule(PUBLIC, DynamoType.L)
                .withItems(Optional.of(Fixtures.classless(Map.of("total", rule(PUBLIC, DynamoType.N))))));
        assertThat(change(PolicyDiff.between(a, b), "orders[]").widening()).isTrue();
    }

    @Test
    void aWiderClassBeneathASecretParentIsStillMarkedBecauseTheParentMayOpenLater() {
        Policy a = Fixtures.withRule(base, "creds", rule(SECRET, DynamoType.M).withFields(Map.of("kind", rule(SECRET, DynamoType.S))));
        Policy b = Fixtures.withRule(base, "creds", rule(SECRET, DynamoType.M).withFields(Map.of("kind", rule(PUBLIC, DynamoType.S))));
        assertThat(only(a, b).widening()).isTrue();
    }

    @Test
    void changedTypesAreReportedButNeverWiden() {
        PolicyChange c = only(base, Fixtures.withRule(base, "email", rule(OWNER_ONLY, "alice", "personal data", DynamoType.S, DynamoType.NULL)));
        assertThat(c.kind()).isEqualTo(TYPES_CHANGED);
        assertThat(c.from()).contains("S");
        assertThat(c.to()).contains("NULL, S");
        assertThat(c.widening()).isFalse();
    }

    @Test
    void theSameClassWithANewNoteIsAReviewChange() {
        PolicyChange c = only(base, Fixtures.withRule(base, "email", rule(OWNER_ONLY, "alice", "GDPR art. 9", DynamoType.S)));
        assertThat(c.kind()).isEqualTo(REVIEW_CHANGED);
        assertThat(c.widening()).isFalse();
        assertThat(c.review()).map(r -> r.note()).contains("GDPR art. 9");
    }

    @Test
    void theSameDecisionAtAnotherTimeIsNoChange() {
        PolicyRule email = base.attributes().get("email");
        PolicyRule later = PolicyRule.leaf(OWNER_ONLY, email.types(), email.review().map(r ->
                new dev.veil.model.Review(r.reviewer(), r.at().plusSeconds(3600), r.note(), r.source())));
        assertThat(PolicyDiff.between(base, Fixtures.withRule(base, "email", later))).isEmpty();
    }

    @Test
    void changesComeOwnerFirstThenByPath() {
        Policy b = Fixtures.withOwner(Fixtures.withRule(Fixtures.withRule(base, "zeta", rule(PUBLIC)), "alpha", rule(PUBLIC)),
                Optional.of("alpha"));
        assertThat(PolicyDiff.between(base, b)).extracting(c -> c.kind() + " " + c.path())
                .containsExactly("owner-changed alpha", "added alpha", "added zeta");
    }

    @Test
    void theTextReportMarksWideningChanges() {
        Policy b = Fixtures.withRule(Fixtures.withRule(base, "email", rule(PUBLIC, "alice", "personal data", DynamoType.S)),
                "user_id", rule(SECRET, DynamoType.S));
        String text = PolicyDiffText.text("users", 1, 2, PolicyDiff.between(base, b));
        assertThat(text).isEqualTo("""
                users: v1 → v2, 2 changes, 1 widens exposure
                  widening  email: owner-only → public, by alice: 'personal data'
                            user_id: public → secret, by alice
                """);
    }

    @Test
    void theJsonReportListsEveryChangeWithItsWideningFlag() throws Exception {
        Policy b = Fixtures.withRule(base, "email", rule(PUBLIC, "alice", "personal data", DynamoType.S));
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                PolicyDiffJson.write("users", 1, 2, PolicyDiff.between(base, b)));
        assertThat(tree.get("widening").asInt()).isEqualTo(1);
        var c = tree.get("changes").get(0);
        assertThat(c.get("path").asText()).isEqualTo("email");
        assertThat(c.get("kind").asText()).isEqualTo("class-changed");
        assertThat(c.get("from").asText()).isEqualTo("owner-only");
        assertThat(c.get("to").asText()).isEqualTo("public");
        assertThat(c.get("widening").asBoolean()).isTrue();
        assertThat(c.get("review").get("by").asText()).isEqualTo("alice");
        assertThat(c.get("review").get("at").asText()).isEqualTo("2024-05-01T09:30:00Z");
    }
}
