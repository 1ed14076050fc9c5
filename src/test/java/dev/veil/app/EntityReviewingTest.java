package dev.veil.app;

import static dev.veil.app.LocalVeil.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.OwnerRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reviewing the entities of a single-table design sampled from the local DynamoDB: each user's
 * profile (USER) and orders (ORDER) share a partition and carry an {@code _et} marker. Each entity
 * has its own rows, suggestions, decisions and owner; an unknown entity or path is refused with
 * the names Veil knows.
 */
@ExtendWith(LocalVeil.Resolver.class)
class EntityReviewingTest {
    private LocalVeil local;
    private String table;

    @BeforeEach
    void sampled(LocalVeil fixture) {
        local = fixture;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < LocalVeil.ITEMS / 2; i++) {
            String pk = "USER#u" + i;
            items.add(Map.of("pk", s(pk), "sk", s("PROFILE"), "_et", s("USER"), "username", s("user " + i),
                    "email", s("user" + i + "@example.com"), "password_hash",
                    s("$2b$12$" + "R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWM".substring(i) + "abcdefghij".substring(0, i) + "Ug")));
            items.add(Map.of("pk", s(pk), "sk", s("ORDER#" + i), "_et", s("ORDER"), "status", s("shipped"),
                    "total", AttributeValue.fromN(String.valueOf(10 + i))));
        }
        table = local.table("shop", "pk", Optional.of("sk"), items);
        local.sample(table);
    }

    private EntityReviewing entities() {
        return local.veil().entities();
    }

    private static List<String> paths(List<ReviewRow> rows) {
        return rows.stream().map(r -> r.path().toString()).toList();
    }

    @Test
    void theEntitiesAreTheKindsTheSampleFound() {
        assertThat(entities().names(table)).containsExactly("ORDER", "USER");
        assertThat(entities().summaries(table)).extracting(EntityReviewing.Summary::itemsSampled)
                .containsExactly((long) LocalVeil.ITEMS / 2, (long) LocalVeil.ITEMS / 2);
    }

    @Test
    void eachEntityHasTheRowsOfItsOwnItems() {
        assertThat(paths(entities().rows(table, "USER"))).contains("email", "password_hash", "username")
                .doesNotContain("status", "total");
        assertThat(paths(entities().rows(table, "ORDER"))).contains("status", "total")
                .doesNotContain("email", "password_hash", "username");
    }

    @Test
    void anEntitysSuggestionsComeFromItsOwnItems() {
        ReviewRow hash = entities().rows(table, "USER").stream()
                .filter(r -> r.path().toString().equals("password_hash")).findFirst().orElseThrow();

        assertThat(hash.suggestion()).hasValueSatisfying(s -> assertThat(s.classification())
                .isEqualTo(Classification.SECRET));
        assertThat(hash.examplesWithheld()).isTrue();
    }

    @Test
    void taggingAnEntitysPathDecidesItForThatEntityAndGovernsTheTablePerEntity() {
        assertThat(entities().governedPerEntity(table)).isFalse();

        entities().tag(table, "USER", List.of(AttributePath.of("email")), Classification.OWNER_ONLY, "ana", "", false);

        ReviewRow email = entities().rows(table, "USER").stream()
                .filter(r -> r.path().toString().equals("email")).findFirst().orElseThrow();
        assertThat(email.decision()).hasValueSatisfying(d -> {
            assertThat(d.classification()).isEqualTo(Classification.OWNER_ONLY);
            assertThat(d.entity()).isEqualTo("USER");
        });
        assertThat(entities().rows(table, "ORDER")).allSatisfy(r -> assertThat(r.unreviewed()).isTrue());
        assertThat(entities().governedPerEntity(table)).isTrue();
    }

    @Test
    void eachEntityHasItsOwnOwner() {
        entities().owner(table, "USER", "pk", "USER#{id}", "ana");

        assertThat(entities().currentOwner(table, "USER")).contains(new OwnerRule("pk", "USER#{id}"));
        assertThat(entities().currentOwner(table, "ORDER")).isEmpty();
    }

    @Test
    void anOwnerTemplateWithoutTheIdIsRefused() {
        assertThatThrownBy(() -> entities().owner(table, "USER", "pk", "USER#", "ana"))
                .isInstanceOfSatisfying(VeilException.class, e -> assertThat(e.getMessage()).contains("lacks {id}"));
        assertThat(entities().currentOwner(table, "USER")).isEmpty();
    }

    @Test
    void anOwnerAttributeTheEntityLacksIsRefused() {
        assertThatThrownBy(() -> entities().owner(table, "ORDER", "email", "{id}", "ana"))
                .isInstanceOfSatisfying(VeilException.class, e -> assertThat(e.getMessage())
                        .contains("entity \"ORDER\"").contains("no attribute `email`"));
    }

    @Test
    void anUnknownEntityIsRefusedWithTheKnownNames() {
        assertThatThrownBy(() -> entities().rows(table, "user"))
                .isInstanceOfSatisfying(VeilException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VeilException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("no entity \"user\"").contains("\"ORDER\", \"USER\"")
                            .contains("case-sensitive");
                });
    }

    @Test
    void aPathTheEntityDoesNotHoldIsRefusedWithTheClosestOfItsOwn() {
        assertThatThrownBy(() -> entities().tag(table, "ORDER", List.of(AttributePath.of("totals")),
                Classification.PUBLIC, "ana", "", false))
                .isInstanceOfSatisfying(UnknownPathException.class, e ->
                        assertThat(e.closest()).containsExactly(AttributePath.of("total")));
        assertThat(entities().governedPerEntity(table)).as("nothing was recorded").isFalse();
    }
}
