package dev.veil.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.model.TableProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceRunsTest {
    @TempDir
    Path dir;

    @Test
    void aStoredRunReturnsItsProfileExactly() {
        TableProfile profile = TestProfiles.rich("User-Profiles.v2", TestProfiles.T0);
        try (Workspace ws = Workspace.open(dir)) {
            SampleRun run = ws.saveRun(profile, Map.of("items", "500"));

            assertThat(ws.profile(run.id())).isEqualTo(profile);
        }
    }

    @Test
    void aRunRecordsTimeItemsSourceAndSettings() {
        try (Workspace ws = Workspace.open(dir)) {
            SampleRun saved = ws.saveRun(TestProfiles.rich("users", TestProfiles.T0), Map.of("segments", "8", "items", "500"));

            assertThat(ws.runs("users")).containsExactly(saved);
            assertThat(saved.sampledAt()).isEqualTo(TestProfiles.T0);
            assertThat(saved.itemsSampled()).isEqualTo(40);
            assertThat(saved.source()).isEqualTo("table");
            assertThat(saved.settings()).containsExactly(Map.entry("items", "500"), Map.entry("segments", "8"));
        }
    }

    @Test
    void runsAreListedOldestFirstWhateverTheStoringOrder() {
        try (Workspace ws = Workspace.open(dir)) {
            SampleRun later = ws.saveRun(TestProfiles.simple("users", TestProfiles.T0.plus(Duration.ofDays(1)), "a", "b"), Map.of());
            SampleRun earlier = ws.saveRun(TestProfiles.simple("users", TestProfiles.T0, "a"), Map.of());
            ws.saveRun(TestProfiles.simple("orders", TestProfiles.T0, "x"), Map.of());

            assertThat(ws.runs("users")).containsExactly(earlier, later);
        }
    }

    @Test
    void everyRunKeepsItsOwnAttributesSoHistoryCanBeCompared() {
        try (Workspace ws = Workspace.open(dir)) {
            SampleRun first = ws.saveRun(TestProfiles.simple("users", TestProfiles.T0, "a", "gone"), Map.of());
            SampleRun second = ws.saveRun(TestProfiles.simple("users", TestProfiles.T0.plusSeconds(60), "a", "new"), Map.of());

            assertThat(ws.profile(first.id()).attributes()).extracting(a -> a.path().toString()).containsExactly("a", "gone");
            assertThat(ws.profile(second.id()).attributes()).extracting(a -> a.path().toString()).containsExactly("a", "new");
        }
    }

    @Test
    void theLatestProfileIsTheMostRecentlySampledRun() {
        try (Workspace ws = Workspace.open(dir)) {
            TableProfile newest = TestProfiles.simple("users", TestProfiles.T0.plusSeconds(5), "b");
            ws.saveRun(newest, Map.of());
            ws.saveRun(TestProfiles.simple("users", TestProfiles.T0, "a"), Map.of());

            assertThat(ws.latestProfile("users")).contains(newest);
            assertThat(ws.latestProfile("orders")).isEmpty();
        }
    }

    @Test
    void profiledTablesAreListedOnceAndSorted() {
        try (Workspace ws = Workspace.open(dir)) {
            ws.saveRun(TestProfiles.simple("users", TestProfiles.T0, "a"), Map.of());
            ws.saveRun(TestProfiles.simple("orders", TestProfiles.T0, "a"), Map.of());
            ws.saveRun(TestProfiles.simple("users", TestProfiles.T0, "a"), Map.of());

            assertThat(ws.profiledTables()).containsExactly("orders", "users");
        }
    }

    @Test
    void anUnknownRunIsReportedWithTheWorkspace() {
        try (Workspace ws = Workspace.open(dir)) {
            assertThatThrownBy(() -> ws.profile(42))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no sampling run 42").hasMessageContaining(dir.toString());
        }
    }

    @Test
    void runsSurviveClosingAndReopening() {
        TableProfile profile = TestProfiles.rich("users", TestProfiles.T0);
        SampleRun saved;
        try (Workspace ws = Workspace.open(dir)) {
            saved = ws.saveRun(profile, Map.of("items", "40"));
        }
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.runs("users")).containsExactly(saved);
            assertThat(ws.latestProfile("users")).contains(profile);
        }
    }
}
