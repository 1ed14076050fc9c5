package dev.veil.workspace;

import static dev.veil.model.Classification.OWNER_ONLY;
import static dev.veil.model.Classification.PUBLIC;
import static dev.veil.model.Classification.SECRET;
import static dev.veil.workspace.TestProfiles.decision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.model.AttributePath;
import dev.veil.model.AuditEntry;
import dev.veil.model.Decision;
import dev.veil.model.DecisionSource;
import dev.veil.model.Retraction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceDecisionsTest {
    @TempDir
    Path dir;

    @Test
    void aRecordedDecisionIsTheCurrentOneWithEveryField() {
        Decision d = new Decision("users", AttributePath.parse("address.city"), OWNER_ONLY, "ana",
                TestProfiles.T0, "city is personal", DecisionSource.ACCEPTED_SUGGESTION);
        try (Workspace ws = Workspace.open(dir)) {
            ws.record(List.of(d));

            assertThat(ws.decision("users", AttributePath.parse("address.city"))).contains(d);
            assertThat(ws.decision("users", AttributePath.parse("address"))).isEmpty();
        }
    }

    @Test
    void currentDecisionsAreSortedByPathNotByText() {
        try (Workspace ws = Workspace.open(dir)) {
            ws.record(List.of(decision("users", "b", PUBLIC, ""), decision("users", "a.z", PUBLIC, ""),
                    decision("users", "a", SECRET, ""), decision("users", "a[]", PUBLIC, ""),
                    decision("orders", "x", PUBLIC, "")));

            assertThat(ws.decisions("users")).extracting(d -> d.path().toString()).containsExactly("a", "a[]", "a.z", "b");
        }
    }

    @Test
    void aChangeAppendsAnEntryWithTheOldAndNewClass() {
        try (Workspace ws = Workspace.open(dir)) {
            ws.record(List.of(decision("users", "email", PUBLIC, "")));
            List<AuditEntry> written = ws.record(List.of(decision("users", "email", SECRET, "leaks addresses")));

            assertThat(written).singleElement().satisfies(e -> {
                assertThat(e.previous()).contains(PUBLIC);
                assertThat(e.current()).contains(SECRET);
                assertThat(e.note()).isEqualTo("leaks addresses");
                assertThat(e.reviewer()).isEqualTo("steward");
            });
            assertThat(ws.decision("users", AttributePath.of("email")).orElseThrow().classification()).isEqualTo(SECRET);
        }
    }

    @Test
    void aRetractionLeavesThePathUndecidedWithAnEntryFromItsClassToNone() {
        try (Workspace ws = Workspace.open(dir)) {
            ws.record(List.of(decision("users", "email", SECRET, ""), decision("users", "phone", PUBLIC, "")));
            List<AuditEntry> written = ws.record(List.of(),
                    List.of(new Retraction("users", AttributePath.of("email"), "ana", TestProfiles.T0, "undo")));

            assertThat(written).singleElement().satisfies(e -> {
                assertThat(e.previous()).contains(SECRET);
                assertThat(e.current()).isEmpty();
                assertThat(e.retracted()).isTrue();
                assertThat(e.reviewer()).isEqualTo("ana");
            });
            assertThat(ws.decision("users", AttributePath.of("email"))).isEmpty();
            assertThat(ws.decisions("users")).extracting(d -> d.path().toString()).containsExactly("phone");
            assertThat(ws.auditLog(Optional.of("users"))).last().extracting(AuditEntry::current)
                    .isEqualTo(Optional.empty());
        }
    }

    @Test
    void aRetractionOfAnUndecidedPathWritesNothing() {
        try (Workspace ws = Workspace.open(dir)) {
            List<AuditEntry> written = ws.record(List.of(),
                    List.of(new Retraction("users", AttributePath.of("email"), "ana", TestProfiles.T0, "undo")));

            assertThat(written).isEmpty();
            assertThat(ws.auditLog(Optional.empty())).isEmpty();
        }
    }

    @Test
    void aDecisionAfterARetractionNamesNoPreviousClass() {
        try (Workspace ws = Workspace.open(dir)) {
            ws.record(List.of(decision("users", "email", SECRET, "")));
            ws.record(List.of(), List.of(new Retraction("users", AttributePath.of("email"), "ana", TestProfiles.T0, "")));
            List<AuditEntry> written = ws.record(List.of(decision("users", "email", PUBLIC, "")));

            assertThat(written).singleElement().extracting(AuditEntry::previous).isEqualTo(Optional.empty());
            assertThat(ws.decision("users", AttributePath.of("email")).orElseThrow().classification()).isEqualTo(PUBLIC);
        }
    }

    @Test
    void aDecisionRepeatingTheCurrentClassAndNoteWritesNothing() {
        try (Workspace ws = Workspace.open(dir)) {
            ws.record(List.of(decision("users", "email", SECRET, "pii")));
            List<AuditEntry> written = ws.record(List.of(
                    new Decision("users", AttributePath.of("email"), SECRET, "someone-else", TestProfiles.T0.plusSeconds(9),
                            "pii", DecisionSource.ACCEPTED_SUGGESTION)));

            assertThat(written).isEmpty();
            assertThat(ws.auditLog(Optional.of("users"))).hasSize(1);
            assertThat(ws.decision("users", AttributePath.of("email")).orElseThrow().reviewer()).isEqualTo("steward");
        }
    }

    @Test
    void aNewNoteOnTheSameClassIsAChange() {
        try (Workspace ws = Workspace.open(dir)) {
            ws.record(List.of(decision("users", "email", SECRET, "pii")));

            assertThat(ws.record(List.of(decision("users", "email", SECRET, "pii, confirmed by legal")))).hasSize(1);
        }
    }

    @Test
    void laterDecisionsInABatchSeeEarlierOnes() {
        try (Workspace ws = Workspace.open(dir)) {
            List<AuditEntry> written = ws.record(List.of(decision("users", "email", PUBLIC, ""),
                    decision("users", "email", PUBLIC, ""), decision("users", "email", SECRET, "")));

            assertThat(written).extracting(AuditEntry::previous).containsExactly(Optional.empty(), Optional.of(PUBLIC));
        }
    }

    @Test
    void theAuditLogIsOrderedOldestFirstAndFiltersByTable() {
        try (Workspace ws = Workspace.open(dir)) {
            List<AuditEntry> all = new ArrayList<>();
            all.addAll(ws.record(List.of(decision("users", "a", PUBLIC, "1"), decision("orders", "a", PUBLIC, "2"))));
            all.addAll(ws.record(List.of(decision("users", "a", SECRET, "3"))));

            assertThat(ws.auditLog(Optional.empty())).containsExactlyElementsOf(all);
            assertThat(ws.auditLog(Optional.empty())).extracting(AuditEntry::sequence).isSorted();
            assertThat(ws.auditLog(Optional.of("users"))).extracting(AuditEntry::note).containsExactly("1", "3");
        }
    }

    @Test
    void reviewedTablesAreListedOnceAndSorted() {
        try (Workspace ws = Workspace.open(dir)) {
            ws.record(List.of(decision("users", "a", PUBLIC, ""), decision("orders", "a", PUBLIC, ""),
                    decision("users", "b", PUBLIC, "")));

            assertThat(ws.reviewedTables()).containsExactly("orders", "users");
        }
    }

    @Test
    void hostilePathsAndTextRoundTrip() {
        List<Decision> batch = new ArrayList<>();
        for (String name : TestProfiles.HOSTILE_NAMES) {
            batch.add(TestProfiles.decision("User-Profiles.v2", AttributePath.of(name).elements().child(name), SECRET,
                    "note: " + name, TestProfiles.T0));
        }
        try (Workspace ws = Workspace.open(dir)) {
            ws.record(batch);
        }
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.decisions("User-Profiles.v2")).containsExactlyInAnyOrderElementsOf(batch);
        }
    }

    @Test
    void aBatchThatFailsHalfwayLeavesNothingRecorded() {
        List<Decision> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            batch.add(decision("users", "a" + i, SECRET, ""));
        }
        try (Workspace ws = Workspace.open(dir)) {
            ws.record(List.of(decision("users", "a0", PUBLIC, "before")));

            assertThatThrownBy(() -> ws.record(batch, written -> {
                if (written == 50) {
                    throw new IllegalStateException("interrupted");
                }
            })).hasMessage("interrupted");

            assertThat(ws.auditLog(Optional.empty())).extracting(AuditEntry::note).containsExactly("before");
            assertThat(ws.record(batch)).hasSize(100);
        }
    }

    @Test
    void decisionsAndTheLogSurviveReopening() {
        List<AuditEntry> written;
        try (Workspace ws = Workspace.open(dir)) {
            written = ws.record(List.of(decision("users", "a", PUBLIC, ""), decision("users", "b", SECRET, "")));
        }
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.auditLog(Optional.empty())).containsExactlyElementsOf(written);
            assertThat(ws.decisions("users")).hasSize(2);
        }
    }
}
