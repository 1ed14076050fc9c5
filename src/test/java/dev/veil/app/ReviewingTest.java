package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.demo.LocalDynamo;
import dev.veil.model.AttributePath;
import dev.veil.model.AuditEntry;
import dev.veil.model.Classification;
import dev.veil.model.DecisionSource;
import dev.veil.testing.LocalDynamoExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reviewing a sampled table of the local DynamoDB in a real H2 workspace: the rows a reviewer
 * sees, Veil's suggestions on them, tagging, accepting suggestions, taking decisions back, and the
 * refusal of a path nothing knows, naming the known paths closest to it.
 */
@ExtendWith({LocalDynamoExtension.class, LocalVeil.Resolver.class})
class ReviewingTest {
    private LocalVeil local;
    private String table;

    @BeforeEach
    void sampled(LocalVeil fixture) {
        local = fixture;
        table = local.people();
        local.sample(table);
    }

    private Reviewing reviewing() {
        return local.veil().reviewing();
    }

    private ReviewRow row(String path) {
        return reviewing().rows(table).stream().filter(r -> r.path().toString().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void everySampledPathIsARowUnreviewedUntilDecided() {
        assertThat(reviewing().rows(table)).extracting(r -> r.path().toString())
                .containsExactlyElementsOf(LocalVeil.PEOPLE_PATHS);
        assertThat(reviewing().rows(table)).allSatisfy(r -> {
            assertThat(r.unreviewed()).isTrue();
            assertThat(r.status()).isEqualTo("unreviewed");
            assertThat(r.profile()).isPresent();
        });
    }

    @Test
    void aPasswordHashIsSuggestedSecretAndItsExamplesAreWithheld() {
        ReviewRow hash = row("password_hash");

        assertThat(hash.suggestion()).hasValueSatisfying(s -> assertThat(s.classification())
                .isEqualTo(Classification.SECRET));
        assertThat(hash.examplesWithheld()).isTrue();
        assertThat(hash.disclosedProfile().orElseThrow().maskedExamples()).isEmpty();
    }

    @Test
    void aPublicScoreKeepsItsRange() {
        local.tag(table, Classification.PUBLIC, "score");

        assertThat(row("score").disclosedProfile().orElseThrow().numberRange())
                .hasValueSatisfying(r -> assertThat(r.min().intValue()).isEqualTo(100));
    }

    @Test
    void taggingRecordsTheDecisionAndItsAuditEntry() {
        List<AuditEntry> entries = reviewing().tag(table, List.of(AttributePath.of("nickname")), Classification.PUBLIC,
                "ana", "shown on the profile page");

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.previous()).isEmpty();
            assertThat(e.current()).contains(Classification.PUBLIC);
            assertThat(e.source()).isEqualTo(DecisionSource.MANUAL);
        });
        assertThat(row("nickname").status()).isEqualTo("reviewed");
        assertThat(row("nickname").decisionSource()).contains("manual");
        assertThat(reviewing().auditLog(Optional.of(table))).extracting(AuditEntry::note)
                .containsExactly("shown on the profile page");
    }

    @Test
    void aDecisionAgainstTheSuggestionIsShownAsDisagreeing() {
        local.tag(table, Classification.PUBLIC, "password_hash");

        assertThat(row("password_hash").status()).isEqualTo("disagrees");
    }

    @Test
    void anUnknownPathIsRefusedWithTheClosestKnownPathsAndNothingIsRecorded() {
        assertThatThrownBy(() -> reviewing().tag(table, List.of(AttributePath.of("pasword_hash")),
                Classification.SECRET, "ana", ""))
                .isInstanceOfSatisfying(UnknownPathException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VeilException.Kind.BAD_INPUT);
                    assertThat(e.path()).isEqualTo(AttributePath.of("pasword_hash"));
                    assertThat(e.closest()).containsExactly(AttributePath.of("password_hash"));
                    assertThat(e.getMessage()).contains("did you mean `password_hash`?");
                });
        assertThat(reviewing().auditLog(Optional.of(table))).isEmpty();
    }

    @Test
    void aNewPathIsRecordedWhenAllowed() {
        reviewing().tag(table, List.of(AttributePath.of("phone")), Classification.OWNER_ONLY, "ana", "", true);

        assertThat(row("phone").profile()).as("decided ahead of any sample").isEmpty();
        assertThat(row("phone").decision()).isPresent();
    }

    @Test
    void acceptingSuggestionsDecidesOnlyUndecidedPathsAtTheConfidence() {
        local.tag(table, Classification.PUBLIC, "email");

        List<AuditEntry> accepted = reviewing().acceptSuggestions(table, 0.0, "ana");

        assertThat(accepted).isNotEmpty().allSatisfy(e ->
                assertThat(e.source()).isEqualTo(DecisionSource.ACCEPTED_SUGGESTION));
        assertThat(accepted).extracting(e -> e.path().toString()).doesNotContain("email").contains("password_hash");
        assertThat(row("email").decision().orElseThrow().classification()).isEqualTo(Classification.PUBLIC);
    }

    @Test
    void aConfidenceOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> reviewing().acceptSuggestions(table, 1.5, "ana"))
                .isInstanceOfSatisfying(VeilException.class, e -> assertThat(e.input()).contains(Input.MIN_CONFIDENCE));
    }

    @Test
    void clearingADecisionMakesThePathUnreviewedAgain() {
        local.tag(table, Classification.PUBLIC, "nickname");

        reviewing().clear(table, List.of(AttributePath.of("nickname")), "ana", "not sure after all");

        assertThat(row("nickname").unreviewed()).isTrue();
        assertThat(reviewing().auditLog(Optional.of(table))).extracting(AuditEntry::retracted).containsExactly(false, true);
    }

    @Test
    void clearingAPathThisWorkspaceNeverDecidedIsRefusedWithTheDecidedOnes() {
        local.tag(table, Classification.PUBLIC, "nickname");

        assertThatThrownBy(() -> reviewing().clear(table, List.of(AttributePath.of("nicknam")), "ana", ""))
                .isInstanceOfSatisfying(UnknownPathException.class, e ->
                        assertThat(e.closest()).containsExactly(AttributePath.of("nickname")));
    }

    @Test
    void aPublishedDecisionStandsInAFreshWorkspace(LocalDynamo dynamoServer) {
        local.decidePeople(table);
        local.veil().publishing().publish(table, PublishRequest.of(Optional.of("owner_id")));

        VeilSettings otherWorkspace = LocalVeil.settings(dynamoServer, local.dir().resolve("other-ws"), local.policies());
        try (Veil fresh = Veil.open(otherWorkspace)) {
            List<ReviewRow> rows = fresh.reviewing().rows(table);
            assertThat(rows).extracting(r -> r.path().toString()).containsExactlyElementsOf(LocalVeil.PEOPLE_PATHS);
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.fromPolicy()).isTrue();
                assertThat(r.policyVersion()).contains(1);
                assertThat(r.decisionSource()).contains("policy");
            });
        }
    }

    @Test
    void anUnknownTableIsRefusedNamingWhereVeilLooked() {
        assertThatThrownBy(() -> reviewing().rows("no-such-table"))
                .isInstanceOfSatisfying(VeilException.class, e -> {
                    assertThat(e.kind()).isEqualTo(VeilException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).startsWith("no table 'no-such-table'").contains(local.policies().toString());
                });
    }
}
