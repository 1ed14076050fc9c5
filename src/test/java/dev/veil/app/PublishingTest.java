package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.Policy;
import dev.veil.policy.PolicyBuilder;
import dev.veil.policy.PolicyChange;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Publishing over a sampled table in the local DynamoDB, a real H2 workspace and policy store:
 * what an outcome says (a version written, or nothing changed), the warnings a steward gets, each
 * once, and the chain of versions.
 */
@ExtendWith(LocalVeil.Resolver.class)
class PublishingTest {
    private LocalVeil local;
    private String table;

    @BeforeEach
    void sampled(LocalVeil fixture) {
        local = fixture;
        table = local.people();
        local.sample(table);
    }

    private PublishOutcome publish(Optional<String> owner) {
        return local.veil().publishing().publish(table, PublishRequest.of(owner));
    }

    private Path version(int n) {
        return local.policies().resolve(table).resolve("v" + n + ".json");
    }

    @Test
    void theFirstPublishWritesVersionOneAndSaysWhere() {
        local.decidePeople(table);

        PublishOutcome outcome = publish(Optional.of("owner_id"));

        assertThat(outcome.published()).isPresent();
        assertThat(outcome.latestVersion()).isEqualTo(1);
        assertThat(outcome.published().get().file()).isEqualTo(version(1)).exists();
        assertThat(outcome.published().get().policy().owner()).contains("owner_id");
    }

    @Test
    void publishingTheSameDecisionsAgainIsUnchangedAndWritesNothing() {
        local.decidePeople(table);
        publish(Optional.of("owner_id"));

        PublishOutcome again = publish(Optional.empty());

        assertThat(again.published()).isEmpty();
        assertThat(again.latestVersion()).isEqualTo(1);
        assertThat(again.preview().changesAnything()).isFalse();
        assertThat(version(2)).doesNotExist();
    }

    @Test
    void aChangedDecisionWritesTheNextVersionChainedToTheLatest() {
        local.decidePeople(table);
        publish(Optional.of("owner_id"));
        local.tag(table, Classification.OWNER_ONLY, "nickname");

        PublishOutcome second = publish(Optional.empty());

        Policy v1 = local.veil().publishing().show(table, Optional.of(1));
        Policy v2 = second.published().orElseThrow().policy();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.previous()).isEqualTo(v1.digest());
        assertThat(v2.owner()).as("the owner carries over").contains("owner_id");
        assertThat(local.veil().publishing().history(table)).extracting(Policy::version).containsExactly(1, 2);
        assertThat(local.veil().publishing().diff(table, 1, 2)).extracting(c -> c.path().toString())
                .containsExactly("nickname");
        assertThat(local.veil().publishing().publishLog(Optional.of(table))).hasSize(2);
    }

    @Test
    void anOwnerOnlyAttributeWithoutAnOwnerIsWarnedAboutOnce() {
        local.decidePeople(table);

        PublishOutcome outcome = publish(Optional.empty());

        assertThat(outcome.published()).isPresent();
        assertThat(outcome.preview().ownerMissing()).isTrue();
        assertThat(Collections.frequency(outcome.warnings(), PolicyBuilder.OWNER_MISSING)).isEqualTo(1);
    }

    @Test
    void unreviewedPathsAreSaidToBeLeftOutInOneWarning() {
        local.tag(table, Classification.PUBLIC, "id", "nickname");

        PublishOutcome outcome = publish(Optional.empty());

        assertThat(outcome.warnings()).filteredOn(w -> w.contains("unreviewed"))
                .containsExactly("4 unreviewed paths are left out, so every sanitizer drops them; review them to "
                        + "decide what to show");
        assertThat(outcome.published().orElseThrow().policy().attributes()).containsOnlyKeys("id", "nickname");
    }

    @Test
    void aFullyDecidedTableWithAnOwnerPublishesWithoutWarnings() {
        local.decidePeople(table);

        assertThat(publish(Optional.of("owner_id")).warnings()).isEmpty();
    }

    @Test
    void aTableWithoutDecisionsIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> publish(Optional.empty()))
                .isInstanceOfSatisfying(VeilException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VeilException.Kind.BAD_INPUT);
                    assertThat(e.input()).contains(Input.DECISIONS);
                    assertThat(e.getMessage()).startsWith("no decisions recorded for " + table);
                });
        assertThat(version(1)).doesNotExist();
    }

    @Test
    void aVersionThatWidensExposureIsRefusedUnlessAllowed() {
        local.decidePeople(table);
        publish(Optional.of("owner_id"));
        local.tag(table, Classification.PUBLIC, "email");

        assertThatThrownBy(() -> publish(Optional.empty()))
                .isInstanceOfSatisfying(WideningRefusedException.class, e -> {
                    assertThat(e.latestVersion()).isEqualTo(1);
                    assertThat(e.widening()).extracting(PolicyChange::path).containsExactly(AttributePath.of("email"));
                });
        assertThat(version(2)).doesNotExist();

        PublishOutcome allowed = local.veil().publishing().publish(table,
                new PublishRequest(Optional.empty(), true, "ana", "the e-mail is a public contact address now"));
        assertThat(allowed.published().orElseThrow().policy().version()).isEqualTo(2);
    }
}
