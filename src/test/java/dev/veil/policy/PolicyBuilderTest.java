package dev.veil.policy;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.DecisionSource;
import dev.veil.model.DynamoType;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.Review;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.veil.model.Classification.OWNER_ONLY;
import static dev.veil.model.Classification.PUBLIC;
import static dev.veil.model.Classification.SECRET;
import static dev.veil.policy.Fixtures.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyBuilderTest {

    private static PolicyBuilder.BuildResult build(List<Decision> decisions) {
        return PolicyBuilder.build("users", decisions, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static PolicyRule at(Policy p, String path) {
        return p.rule(AttributePath.parse(path)).orElseThrow(() -> new AssertionError("no rule at " + path));
    }

    @Test
    void aTopLevelDecisionBecomesARuleWithItsReview() {
        Decision d = decision("email", OWNER_ONLY, "alice", "personal data");
        Policy p = build(List.of(d)).draft();
        assertThat(p.attributes()).containsOnlyKeys("email");
        assertThat(at(p, "email").classification()).contains(OWNER_ONLY);
        assertThat(at(p, "email").review()).contains(Review.of(d));
    }

    @Test
    void aDecidedFieldOfADecidedMapBecomesAFieldRule() {
        Policy p = build(List.of(decision("address", OWNER_ONLY), decision("address.city", PUBLIC))).draft();
        assertThat(at(p, "address").fields()).containsOnlyKeys("city");
        assertThat(at(p, "address.city").classification()).contains(PUBLIC);
    }

    @Test
    void aListElementDecisionBecomesAnItemsRuleWithAClass() {
        Policy p = build(List.of(decision("orders", OWNER_ONLY), decision("orders[]", SECRET))).draft();
        assertThat(at(p, "orders").items()).isPresent();
        assertThat(at(p, "orders[]").classification()).contains(SECRET);
    }

    @Test
    void aFieldOfUndecidedElementsGoesUnderAnItemsRuleWithoutAClass() {
        PolicyBuilder.BuildResult r = build(List.of(decision("orders", PUBLIC), decision("orders[].total", PUBLIC)));
        PolicyRule items = at(r.draft(), "orders[]");
        assertThat(items.classification()).isEmpty();
        assertThat(items.review()).isEmpty();
        assertThat(items.fields()).containsOnlyKeys("total");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void aFieldOfDecidedElementsGoesUnderTheItemsRuleWithItsClass() {
        Policy p = build(List.of(decision("orders", OWNER_ONLY), decision("orders[]", OWNER_ONLY),
                decision("orders[].total", PUBLIC))).draft();
        assertThat(at(p, "orders[]").classification()).contains(OWNER_ONLY);
        assertThat(at(p, "orders[].total").classification()).contains(PUBLIC);
    }

    @Test
    void nestedListsGetAClasslessItemsRulePerUndecidedStep() {
        Policy p = build(List.of(decision("matrix", PUBLIC), decision("matrix[][].x", SECRET))).draft();
        assertThat(at(p, "matrix[]").classification()).isEmpty();
        assertThat(at(p, "matrix[][]").classification()).isEmpty();
        assertThat(at(p, "matrix[][].x").classification()).contains(SECRET);
    }

    @Test
    void aNestedDecisionWithoutADecidedParentIsLeftOutWithAWarning() {
        PolicyBuilder.BuildResult r = build(List.of(decision("address.city", PUBLIC), decision("email", SECRET)));
        assertThat(r.draft().attributes()).containsOnlyKeys("email");
        assertThat(r.warnings()).singleElement().asString()
                .contains("`address.city` (public) is left out").contains("`address` has no decision");
    }

    @Test
    void aDeepDecisionIsLeftOutWhenAnIntermediateFieldIsUndecided() {
        PolicyBuilder.BuildResult r = build(List.of(decision("a", PUBLIC), decision("a.b.c", PUBLIC)));
        assertThat(at(r.draft(), "a").fields()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("`a.b.c`").contains("`a.b` has no decision");
    }

    @Test
    void elementsOfAnUndecidedListAreLeftOut() {
        PolicyBuilder.BuildResult r = build(List.of(decision("orders[]", PUBLIC), decision("orders[].total", PUBLIC)));
        assertThat(r.draft().attributes()).isEmpty();
        assertThat(r.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("`orders` has no decision"));
    }

    @Test
    void aDecisionBeneathASecretParentIsKeptButWarnedAbout() {
        PolicyBuilder.BuildResult r = build(List.of(decision("creds", SECRET), decision("creds.kind", PUBLIC)));
        assertThat(at(r.draft(), "creds.kind").classification()).contains(PUBLIC);
        assertThat(r.warnings()).singleElement().asString().contains("has no effect").contains("`creds` is secret");
    }

    @Test
    void typesComeFromTheProfileSortedAndOnlyThoseSeen() {
        var profile = Fixtures.profile(Map.of("email", new DynamoType[]{DynamoType.S, DynamoType.NULL}));
        Policy p = PolicyBuilder.build("users", List.of(decision("email", OWNER_ONLY)), Optional.of(profile),
                Optional.empty(), Optional.empty()).draft();
        assertThat(PolicyTree.sortedCodes(at(p, "email").types())).containsExactly("NULL", "S");
    }

    @Test
    void typesOfAPathTheSampleDidNotSeeComeFromThePreviousVersion() {
        Policy previous = Fixtures.sealed(Fixtures.users());
        var profile = Fixtures.profile(Map.of("user_id", new DynamoType[]{DynamoType.N}));
        Policy p = PolicyBuilder.build("users", List.of(decision("user_id", PUBLIC), decision("email", OWNER_ONLY),
                decision("phone", SECRET)), Optional.of(profile), Optional.empty(), Optional.of(previous)).draft();
        assertThat(at(p, "user_id").types()).containsExactly(DynamoType.N);
        assertThat(at(p, "email").types()).containsExactly(DynamoType.S);
        assertThat(at(p, "phone").types()).isEmpty();
    }

    @Test
    void anItemsRuleWithoutDecisionStillGetsTheElementsTypes() {
        var profile = Fixtures.profile(Map.of("orders[]", new DynamoType[]{DynamoType.M}));
        Policy p = PolicyBuilder.build("users", List.of(decision("orders", PUBLIC), decision("orders[].total", PUBLIC)),
                Optional.of(profile), Optional.empty(), Optional.empty()).draft();
        assertThat(at(p, "orders[]").types()).containsExactly(DynamoType.M);
    }

    @Test
    void theOwnerCarriesOverFromThePreviousVersionUnlessGiven() {
        Policy previous = Fixtures.sealed(Fixtures.users());
        List<Decision> ds = List.of(decision("user_id", PUBLIC));
        assertThat(PolicyBuilder.build("users", ds, Optional.empty(), Optional.empty(), Optional.of(previous)).draft().owner())
                .contains("user_id");
        assertThat(PolicyBuilder.build("users", ds, Optional.empty(), Optional.of("account_id"), Optional.of(previous))
                .draft().owner()).contains("account_id");
    }

    @Test
    void theOwnerIsGivenInPathSyntaxSoANameWithADotIsQuoted() {
        Policy p = PolicyBuilder.build("users", List.of(), Optional.empty(), Optional.of("\"user.id\""), Optional.empty()).draft();
        assertThat(p.owner()).contains("user.id");
    }

    @Test
    void aNestedOwnerIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> PolicyBuilder.build("users", List.of(), Optional.empty(), Optional.of("address.city"),
                Optional.empty()))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("top-level attribute").hasMessageContaining("`address.city`")
                .hasMessageContaining("\"a.b\"");
    }

    @Test
    void anOwnerThatIsNotAPathIsRejected() {
        assertThatThrownBy(() -> PolicyBuilder.build("users", List.of(), Optional.empty(), Optional.of("a b"), Optional.empty()))
                .isInstanceOf(PolicyValidationException.class).hasMessageContaining("invalid attribute path");
    }

    @Test
    void ownerOnlyRulesWithoutAnOwnerAreWarnedAbout() {
        assertThat(build(List.of(decision("email", OWNER_ONLY))).warnings())
                .singleElement().asString().contains("hidden from everyone");
    }

    @Test
    void anOwnerTheSampleNeverSawIsWarnedAbout() {
        var profile = Fixtures.profile(Map.of("user_id", new DynamoType[]{DynamoType.S}));
        assertThat(PolicyBuilder.build("users", List.of(), Optional.of(profile), Optional.of("userid"), Optional.empty())
                .warnings()).singleElement().asString().contains("`userid` was not seen");
    }

    @Test
    void theDraftFollowsThePreviousVersion() {
        Policy previous = Fixtures.sealed(Fixtures.users());
        Policy p = PolicyBuilder.build("users", List.of(), Optional.empty(), Optional.empty(), Optional.of(previous)).draft();
        assertThat(p.version()).isEqualTo(2);
        assertThat(p.previous()).isEqualTo(previous.digest());
        assertThat(p.digest()).isEmpty();
    }

    @Test
    void theDesignExampleIsBuiltFromItsDecisions() {
        List<Decision> ds = List.of(decision("user_id", PUBLIC), decision("email", OWNER_ONLY, "alice", "personal data"),
                new Decision("users", AttributePath.of("password_hash"), SECRET, "bob",
                        java.time.Instant.parse("2024-05-02T10:00:00.123Z"), "bcrypt hashes", DecisionSource.ACCEPTED_SUGGESTION),
                decision("address", OWNER_ONLY), decision("address.city", PUBLIC), decision("orders", OWNER_ONLY),
                decision("orders[].total", OWNER_ONLY));
        var profile = Fixtures.profile(Map.of("user_id", new DynamoType[]{DynamoType.S}, "email", new DynamoType[]{DynamoType.S},
                "password_hash", new DynamoType[]{DynamoType.S}, "address", new DynamoType[]{DynamoType.M},
                "address.city", new DynamoType[]{DynamoType.S}, "orders", new DynamoType[]{DynamoType.L},
                "orders[]", new DynamoType[]{DynamoType.M}, "orders[].total", new DynamoType[]{DynamoType.N}));
        PolicyBuilder.BuildResult r = PolicyBuilder.build("users", ds, Optional.of(profile), Optional.of("user_id"), Optional.empty());
        assertThat(r.draft()).isEqualTo(Fixtures.users());
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void decisionsOfAnotherTableAreAProgrammingError() {
        Decision other = new Decision("orders", AttributePath.of("x"), Classification.PUBLIC, "a", Fixtures.T0, "", DecisionSource.MANUAL);
        assertThatThrownBy(() -> build(List.of(other))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table orders");
    }

    @Test
    void twoDecisionsForOnePathAreAProgrammingError() {
        assertThatThrownBy(() -> build(List.of(decision("x", PUBLIC), decision("x", SECRET))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two decisions for `x`");
    }
}
