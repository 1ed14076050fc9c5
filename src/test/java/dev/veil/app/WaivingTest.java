package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.drift.DriftReport;
import dev.veil.drift.WaiverFile;
import dev.veil.model.Classification;
import dev.veil.model.FindingKind;
import dev.veil.work.Cancellation;
import dev.veil.work.ProgressListener;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Waiving drift findings of a people table published with two of its paths, so that every other
 * path is a new attribute to the audit: a waived finding stops counting, waiving again renews,
 * a waiver of nothing is reported unused, and a waiver is refused without a reason or a future date.
 */
@ExtendWith(LocalVeil.Resolver.class)
class WaivingTest {
    private LocalVeil local;
    private String table;
    private final String nextYear = LocalDate.now(ZoneOffset.UTC).plusYears(1).toString();

    @BeforeEach
    void published(LocalVeil fixture) {
        local = fixture;
        table = local.people();
        local.sample(table);
        local.tag(table, Classification.PUBLIC, "id", "nickname");
        local.veil().publishing().publish(table, PublishRequest.of(Optional.empty()));
    }

    private DriftReport audit() {
        return local.veil().drift().audit(new DriftOptions(List.of(table), false, LocalVeil.ITEMS * 10,
                Optional.empty(), 1), ProgressListener.NONE, Cancellation.none());
    }

    private WaiveOutcome waive(String path, String kind, String reason, String until) {
        return local.veil().waiving().waive(new WaiveRequest(table, path, kind, reason, until, Optional.empty(), "ana"));
    }

    private static List<String> paths(List<dev.veil.model.Finding> findings, FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).map(f -> f.path().orElseThrow().toString()).toList();
    }

    @Test
    void aWaivedFindingNoLongerCountsButIsReportedAsWaived() {
        assertThat(paths(audit().findings(), FindingKind.NEW_ATTRIBUTE)).contains("score");

        WaiveOutcome outcome = waive("score", "new-attribute", "the ranking service filters it until March", nextYear);

        assertThat(outcome.file()).isEqualTo(WaiverFile.in(local.policies())).exists();
        assertThat(outcome.replaced()).isEmpty();
        DriftReport after = audit();
        assertThat(paths(after.findings(), FindingKind.NEW_ATTRIBUTE)).doesNotContain("score").contains("email");
        assertThat(after.waived()).extracting(w -> w.finding().path().orElseThrow().toString()).containsExactly("score");
    }

    @Test
    void waivingTheSameFindingAgainRenewsTheWaiver() {
        waive("score", "new-attribute", "filtered until March", nextYear);

        WaiveOutcome renewed = waive("score", "new-attribute", "filtered until June", nextYear);

        assertThat(renewed.replaced()).hasValueSatisfying(w -> assertThat(w.reason()).isEqualTo("filtered until March"));
        assertThat(local.veil().drift().waivers()).singleElement()
                .satisfies(l -> assertThat(l.waiver().reason()).isEqualTo("filtered until June"));
    }

    @Test
    void aWaiverThatMatchesNoFindingIsReportedUnused() {
        waive("nickname", "new-attribute", "nothing to waive here", nextYear);

        assertThat(paths(audit().findings(), FindingKind.UNUSED_WAIVER)).containsExactly("nickname");
    }

    @Test
    void aWaiverWithoutAReasonIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> waive("score", "new-attribute", " ", nextYear))
                .isInstanceOfSatisfying(VeilException.class, e -> assertThat(e.getMessage()).startsWith("a waiver needs a reason"));
        assertThat(WaiverFile.in(local.policies())).doesNotExist();
    }

    @Test
    void aWaiverEndingInThePastIsRefused() {
        assertThatThrownBy(() -> waive("score", "new-attribute", "too late", "2001-01-01"))
                .isInstanceOfSatisfying(VeilException.class, e -> assertThat(e.getMessage()).contains("has already passed"));
    }

    @Test
    void anUnknownKindIsRefusedWithTheKindsThatCanBeWaived() {
        assertThatThrownBy(() -> waive("score", "new-atribute", "typo", nextYear))
                .isInstanceOfSatisfying(VeilException.class, e -> assertThat(e.getMessage())
                        .contains("unknown kind 'new-atribute'").contains(WaiverFile.waivableLabels()));
    }
}
