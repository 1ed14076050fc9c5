package dev.veil.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link Policy#rules()}: the one walk of a policy's tree. */
class PolicyRulesTest {

    private static final PolicyRule PUBLIC = PolicyRule.leaf(Classification.PUBLIC, List.of(DynamoType.S), Optional.empty());
    private static final PolicyRule SECRET = PolicyRule.leaf(Classification.SECRET, List.of(DynamoType.S), Optional.empty());

    /** {@code address} (fields city, zip) and {@code orders} (items with fields total). */
    private static Map<String, PolicyRule> nested() {
        PolicyRule address = PUBLIC.withFields(Map.of("zip", SECRET, "city", PUBLIC));
        PolicyRule element = new PolicyRule(Optional.empty(), List.of(DynamoType.M), new TreeMap<>(Map.of("total", PUBLIC)),
                Optional.empty(), Optional.empty());
        PolicyRule orders = PUBLIC.withItems(Optional.of(element));
        return Map.of("orders", orders, "address", address, "id", PUBLIC);
    }

    private static List<String> paths(List<PathRule> rules) {
        return rules.stream().map(r -> (r.entity().isEmpty() ? "" : r.entity() + ":") + r.path()).toList();
    }

    @Test
    void everyRuleOfATableOfOneKindComesWithItsPathParentsBeforeChildren() {
        Policy p = Policy.draft("t", 1, Optional.empty(), Optional.empty(), nested());

        assertThat(paths(p.rules())).containsExactly("address", "address.city", "address.zip", "id", "orders",
                "orders[]", "orders[].total");
    }

    @Test
    void eachRuleIsTheNodeOfThePolicyAtItsPath() {
        Policy p = Policy.draft("t", 1, Optional.empty(), Optional.empty(), nested());

        assertThat(p.rules()).allSatisfy(r -> assertThat(p.rule(r.path())).contains(r.rule()));
    }

    @Test
    void thePolicyOfATableWithEntitiesIsWalkedEntityByEntityAndNamesEach() {
        EntityPolicy order = EntityPolicy.of(EntityMatch.beginningWith("sk", "ORDER#"), Optional.empty(),
                Map.of("total", PUBLIC.withFields(Map.of("currency", PUBLIC))));
        EntityPolicy user = EntityPolicy.of(EntityMatch.equalTo("_et", "User"), Optional.empty(), Map.of("email", SECRET));
        Policy p = Policy.draftOfEntities("t", 1, Optional.empty(), new TreeMap<>(Map.of("USER", user, "ORDER", order)));

        assertThat(paths(p.rules())).containsExactly("ORDER:total", "ORDER:total.currency", "USER:email");
        assertThat(p.tableRules()).isEmpty();
        assertThat(paths(order.rules())).containsExactly("total", "total.currency");
    }

    @Test
    void aRuleWalkedOnItsOwnStartsAtThePathGiven() {
        PolicyRule address = nested().get("address");

        assertThat(paths(address.rulesWithin(AttributePath.of("home")))).containsExactly("home", "home.city", "home.zip");
    }
}
