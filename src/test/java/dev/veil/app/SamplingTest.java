package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.work.Cancellation;
import dev.veil.work.ProgressListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sampling a people table of the local DynamoDB into a real H2 workspace: what the outcome
 * summarises (the stored run, its suggestions, what a face may show), and that a failed or
 * cancelled sample stores nothing.
 */
@ExtendWith(LocalVeil.Resolver.class)
class SamplingTest {
    private LocalVeil local;
    private String table;

    @BeforeEach
    void open(LocalVeil fixture) {
        local = fixture;
        table = local.people();
    }

    private static AttributeProfile attribute(SampleOutcome outcome, String path) {
        return outcome.profile().attribute(AttributePath.of(path)).orElseThrow();
    }

    @Test
    void theOutcomeIsTheRunTheWorkspaceStored() {
        SampleOutcome outcome = local.sample(table);

        assertThat(outcome.runId()).isPositive();
        assertThat(outcome.profile().itemsSampled()).isEqualTo(LocalVeil.ITEMS);
        assertThat(outcome.profile().attributes()).extracting(a -> a.path().toString())
                .containsExactlyInAnyOrderElementsOf(LocalVeil.PEOPLE_PATHS);
        assertThat(local.veil().workspace().latestProfile(table)).contains(outcome.profile());
    }

    @Test
    void samplingAgainStoresANewRun() {
        long first = local.sample(table).runId();

        assertThat(local.sample(table).runId()).isGreaterThan(first);
        assertThat(local.veil().workspace().runs(table)).hasSize(2);
    }

    @Test
    void theOutcomeSuggestsAClassForWhatLooksRestricted() {
        SampleOutcome outcome = local.sample(table);

        assertThat(outcome.suggestion(AttributePath.of("password_hash")))
                .hasValueSatisfying(s -> assertThat(s.classification()).isEqualTo(Classification.SECRET));
        assertThat(outcome.suggestion(AttributePath.of("email")))
                .hasValueSatisfying(s -> assertThat(s.classification()).isNotEqualTo(Classification.PUBLIC));
    }

    @Test
    void aSuggestedSecretIsStoredWithoutExamplesAndSaidToBeWithheld() {
        SampleOutcome outcome = local.sample(table);

        assertThat(outcome.examplesWithheld(AttributePath.of("password_hash"))).isTrue();
        assertThat(attribute(outcome, "password_hash").maskedExamples()).isEmpty();
        assertThat(outcome.examplesWithheld(AttributePath.of("nickname"))).isFalse();
        assertThat(attribute(outcome, "nickname").maskedExamples()).isNotEmpty();
    }

    @Test
    void aPublicLookingNumberKeepsItsRange() {
        SampleOutcome outcome = local.sample(table);

        assertThat(attribute(outcome, "score").numberRange())
                .hasValueSatisfying(r -> assertThat(r.max().intValue()).isEqualTo(100 + LocalVeil.ITEMS - 1));
    }

    @Test
    void aTableThatDoesNotExistIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> local.sample("no-such-table"))
                .isInstanceOfSatisfying(VeilException.class, e ->
                        assertThat(e.kind()).isEqualTo(VeilException.Kind.BAD_INPUT));
        assertThat(local.veil().reviewing().hasBeenSampled("no-such-table")).isFalse();
    }

    @Test
    void aCancelledSampleStoresNothing() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();

        assertThatThrownBy(() -> local.veil().sampling().sample(SampleOptions.of(table, 100), ProgressListener.NONE,
                cancel)).isInstanceOf(CancelledException.class);
        assertThat(local.veil().reviewing().hasBeenSampled(table)).isFalse();
    }

    @Test
    void fewerThanOneItemIsRefusedAsTheItemsInput() {
        assertThatThrownBy(() -> SampleOptions.of(table, 0))
                .isInstanceOfSatisfying(VeilException.class, e -> assertThat(e.input()).contains(Input.ITEMS));
    }
}
