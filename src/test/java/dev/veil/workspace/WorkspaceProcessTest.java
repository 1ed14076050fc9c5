package dev.veil.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.model.AttributePath;
import dev.veil.model.AuditEntry;
import dev.veil.model.Classification;
import dev.veil.model.Setting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real separate JVMs on one workspace: killed mid-batch, sharing, racing, outliving each other. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class WorkspaceProcessTest {
    private static final int BULK = 2_000;

    @TempDir
    Path dir;
    @TempDir
    Path scratch;

    @Test
    void aBulkAcceptKilledMidBatchLeavesNothingAndTheWorkspaceOpensCleanly() throws Exception {
        try (ChildJvm child = ChildJvm.start(scratch, "hang", dir.toString(), String.valueOf(BULK))) {
            assertThat(child.awaitLine("midway")).isEqualTo("midway " + BULK / 2);
            child.kill();
        }

        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.auditLog(Optional.empty())).isEmpty();
            assertThat(ws.reviewedTables()).isEmpty();
            assertThat(ws.record(WorkspaceChild.batch("bulk", BULK, Classification.SECRET, "again"))).hasSize(BULK);
        }
    }

    @Test
    void aBulkAcceptKilledMidBatchWhileAnotherProcessServesTheWorkspaceLeavesNothing() throws Exception {
        try (Workspace ws = Workspace.open(dir)) {
            ws.record(List.of(TestProfiles.decision("bulk", "p0", Classification.PUBLIC, "before")));
            try (ChildJvm child = ChildJvm.start(scratch, "hang", dir.toString(), String.valueOf(BULK))) {
                child.awaitLine("midway");
                child.kill();
            }

            assertThat(ws.auditLog(Optional.empty())).extracting(AuditEntry::note).containsExactly("before");
            assertThat(ws.record(WorkspaceChild.batch("bulk", BULK, Classification.SECRET, "again"))).hasSize(BULK);
        }
    }

    @Test
    void batchesCommittedInALoopAreEachWholeWhenTheProcessIsKilled() throws Exception {
        int size = 300;
        int reported;
        try (ChildJvm child = ChildJvm.start(scratch, "loop", dir.toString(), String.valueOf(size))) {
            child.awaitLine("committed 3");
            child.kill();
            reported = 3;
        }

        try (Workspace ws = Workspace.open(dir)) {
            Map<String, Long> perBatch = ws.auditLog(Optional.of("loop")).stream()
                    .collect(Collectors.groupingBy(AuditEntry::note, TreeMap::new, Collectors.counting()));
            assertThat(perBatch.values()).allMatch(n -> n == size);
            for (int i = 0; i <= reported; i++) {
                assertThat(perBatch).as("batch %d was reported committed", i).containsKey("batch-" + i);
            }
        }
    }

    @Test
    void twoProcessesShareOneWorkspaceWhileBothHaveItOpen() throws Exception {
        try (Workspace ws = Workspace.open(dir)) {
            ws.record(List.of(TestProfiles.decision("parent", "a", Classification.SECRET, "")));

            List<String> childSaid;
            try (ChildJvm child = ChildJvm.start(scratch, "record", dir.toString(), "child", "5", "from the child")) {
                childSaid = child.finish();
            }
            assertThat(childSaid).containsExactly("recorded 5");
            assertThat(ws.decisions("child")).hasSize(5).allMatch(d -> d.note().equals("from the child"));
            assertThat(ws.runs("child")).hasSize(1);

            try (ChildJvm child = ChildJvm.start(scratch, "count", dir.toString(), "parent")) {
                assertThat(child.finish()).containsExactly("decisions 1", "runs 0");
            }
        }
    }

    @Test
    void batchesFromTwoProcessesNeverInterleaveAndEachKnowsWhatItReplaced() throws Exception {
        int rounds = 60;
        int paths = 20;
        try (Workspace ws = Workspace.open(dir);
             ChildJvm child = ChildJvm.start(scratch, "race", dir.toString(), "child", String.valueOf(rounds),
                     String.valueOf(paths))) {
            child.awaitLine("ready");
            WorkspaceChild.raceRounds(ws, "parent-process", rounds, paths);
            assertThat(child.finish()).contains("raced " + rounds);

            List<AuditEntry> log = ws.auditLog(Optional.of("race"));
            assertThat(log).hasSize(2 * rounds * paths);
            assertEachBatchIsContiguous(log, paths);
            assertEachEntryFollowsThePreviousOne(log);
        }
    }

    @Test
    void theWorkspaceOutlivesTheProcessThatServesIt() throws Exception {
        try (ChildJvm server = ChildJvm.start(scratch, "hold", dir.toString())) {
            server.awaitLine("open");
            try (Workspace ws = Workspace.open(dir)) {
                ws.record(List.of(TestProfiles.decision("users", "a", Classification.PUBLIC, "served")));
                server.kill();

                ws.record(List.of(TestProfiles.decision("users", "a", Classification.SECRET, "after the server died")));
                assertThat(ws.auditLog(Optional.empty())).extracting(AuditEntry::note)
                        .containsExactly("served", "after the server died");
            }
        }
    }

    @Test
    void aWorkspaceHeldByAProgramThatDoesNotShareItIsReportedAsInUse() throws Exception {
        Workspace.open(dir).close();
        try (ChildJvm other = ChildJvm.start(scratch, "exclusive", dir.toString())) {
            other.awaitLine("open");

            List<WorkspaceLocation> told = new java.util.concurrent.CopyOnWriteArrayList<>();
            assertThatThrownBy(() -> Workspace.open(WorkspaceLocation.directory(dir), Duration.ofSeconds(2),
                    (location, waited, patience) -> told.add(location)))
                    .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                        assertThat(e.problem()).isEqualTo(WorkspaceException.Problem.IN_USE);
                        // The face adds where the workspace is chosen (a flag, a field); the message says what to do.
                        assertThat(e.settings()).contains(Setting.WORKSPACE);
                    })
                    .hasMessageContaining("workspace " + dir + " is in use by another program")
                    .hasMessageContaining("stayed so for 2 s")
                    .hasMessageContaining("choose another workspace directory");
            assertThat(told).as("told once that it waits").containsExactly(WorkspaceLocation.directory(dir));
        }
    }

    @Test
    void twoProcessesCreatingTheSameWorkspaceAtOnceBothSucceed() throws Exception {
        Path fresh = dir.resolve("fresh");
        try (ChildJvm a = ChildJvm.start(scratch, "record", fresh.toString(), "a", "3", "x");
             ChildJvm b = ChildJvm.start(scratch, "record", fresh.toString(), "b", "4", "y")) {
            assertThat(a.finish()).containsExactly("recorded 3");
            assertThat(b.finish()).containsExactly("recorded 4");
        }
        try (Workspace ws = Workspace.open(fresh)) {
            assertThat(ws.reviewedTables()).containsExactly("a", "b");
            assertThat(ws.profiledTables()).containsExactly("a", "b");
        }
    }

    @Test
    void aProcessUsingTheWorkspacePrintsOnlyItsOwnOutput() throws Exception {
        try (ChildJvm child = ChildJvm.start(scratch, "count", dir.toString(), "users")) {
            assertThat(child.finish()).containsExactly("decisions 0", "runs 0");
            assertThat(child.stderr()).isEmpty();
        }
    }

    private static void assertEachBatchIsContiguous(List<AuditEntry> log, int batchSize) {
        Map<String, List<Long>> seqs = log.stream().collect(Collectors.groupingBy(AuditEntry::note,
                Collectors.mapping(AuditEntry::sequence, Collectors.toList())));
        List<Long> all = log.stream().map(AuditEntry::sequence).toList();
        seqs.forEach((note, s) -> {
            assertThat(s).as("batch %s", note).hasSize(batchSize);
            int first = all.indexOf(s.get(0));
            assertThat(all.subList(first, first + batchSize)).as("batch %s is not interleaved", note).isEqualTo(s);
        });
    }

    private static void assertEachEntryFollowsThePreviousOne(List<AuditEntry> log) {
        Map<AttributePath, List<AuditEntry>> byPath = log.stream().collect(Collectors.groupingBy(AuditEntry::path));
        byPath.forEach((path, entries) -> {
            List<Optional<Classification>> expected = new ArrayList<>();
            expected.add(Optional.empty());
            entries.subList(0, entries.size() - 1).forEach(e -> expected.add(e.current()));
            assertThat(entries).extracting(AuditEntry::previous).as("chain of %s", path).isEqualTo(expected);
        });
    }
}
