package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link PolicyListing}: what {@code policy show} and {@code policy history} list of a version. */
class PolicyListingTest {

    private static final PolicyRule PUBLIC = PolicyRule.leaf(Classification.PUBLIC, List.of(DynamoType.S), Optional.empty());
    private static final PolicyRule OWNER_ONLY = PolicyRule.leaf(Classification.OWNER_ONLY, List.of(DynamoType.N),
            Optional.empty());

    private static List<String> paths(PolicyListing.Group g) {
        return g.entries().stream().map(e -> e.path().toString()).toList();
    }

    @Test
    void aTableOfOneKindIsOneGroupWithTheTableOwnerAndEveryRule() {
        Policy p = Policy.draft("users", 1, Optional.empty(), Optional.of("user_id"),
                Map.of("user_id", PUBLIC, "address", PUBLIC.withFields(Map.of("city", PUBLIC))));

        PolicyListing listing = PolicyListing.of(p);

        assertThat(listing.byEntity()).isFalse();
        assertThat(listing.groups()).singleElement().satisfies(g -> {
            assertThat(g.entity()).isEmpty();
            assertThat(g.match()).isEmpty();
            assertThat(g.ownerText()).isEqualTo("user_id");
            assertThat(paths(g)).containsExactly("address", "address.city", "user_id");
        });
        assertThat(listing.rulesText()).isEqualTo("3");
    }

    @Test
    void anEntitiesPolicyIsOneGroupPerEntityWithItsMatchOwnerAndOwnRules() {
        EntityPolicy order = EntityPolicy.of(EntityMatch.beginningWith("sk", "ORDER#"),
                Optional.of(new OwnerRule("pk", "USER#{id}")), Map.of("total", OWNER_ONLY, "sk", PUBLIC));
        EntityPolicy product = EntityPolicy.of(EntityMatch.equalTo("_et", "Product"), Optional.empty(),
                Map.of("price", PUBLIC));
        EntityPolicy empty = EntityPolicy.of(EntityMatch.beginningWith("sk", "TAG#"), Optional.empty(), Map.of());
        Policy p = Policy.draftOfEntities("app", 2, Optional.empty(),
                new TreeMap<>(Map.of("ORDER", order, "PRODUCT", product, "TAG", empty)));

        PolicyListing listing = PolicyListing.of(p);

        assertThat(listing.byEntity()).isTrue();
        assertThat(listing.groups()).extracting(PolicyListing.Group::entity).containsExactly("ORDER", "PRODUCT", "TAG");
        PolicyListing.Group first = listing.groups().get(0);
        assertThat(first.match()).contains(EntityMatch.beginningWith("sk", "ORDER#"));
        assertThat(first.ownerText()).isEqualTo("pk = USER#{id}");
        assertThat(paths(first)).containsExactly("sk", "total");
        assertThat(listing.groups().get(1).ownerText()).isEqualTo(PolicyListing.NO_OWNER);
        assertThat(paths(listing.groups().get(2))).isEmpty();
        assertThat(listing.rules()).isEqualTo(3);
        assertThat(listing.rulesText()).isEqualTo("3 in 3 entities");
        assertThat(listing.unlistedNote()).contains("dropped whole");
    }
}
