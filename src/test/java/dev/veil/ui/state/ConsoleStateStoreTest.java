package dev.veil.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleStateStoreTest {
    @TempDir
    Path workspace;

    @Test
    void whatIsSavedIsReadBack() {
        ConsoleStateStore store = ConsoleStateStore.inWorkspace(workspace);
        ConsoleState state = ConsoleState.initial().withTheme(Theme.DARK)
                .withWindow(new WindowBounds(10, 20, 1200, 800, true))
                .withDividers("review", List.of(0.62))
                .withLastPage("REVIEW")
                .withRecent(RecentConnection.endpoint(URI.create("http://localhost:8000"), Optional.of("us-east-1")));
        store.save(state);
        ConsoleStateStore.Loaded loaded = store.load();
        assertThat(loaded.state()).isEqualTo(state);
        assertThat(loaded.problem()).isEmpty();
    }

    @Test
    void aConnectionsWorkspaceAndPolicyStoreAreReadBack() {
        ConsoleStateStore store = ConsoleStateStore.inWorkspace(workspace);
        ConsoleState state = ConsoleState.initial().withRecent(RecentConnection.aws(Optional.of("prod"),
                Optional.of("eu-west-1")).withPlaces(Optional.of("/srv/ws"), Optional.of("/srv/policies")));
        store.save(state);
        assertThat(store.load().state()).isEqualTo(state);
    }

    @Test
    void aLayoutFileWrittenBeforeWorkspacesWereRememberedStillReads() throws IOException {
        Files.writeString(workspace.resolve("console.json"), "{\"theme\":\"LIGHT\",\"window\":null,\"dividers\":{},"
                + "\"lastPage\":\"TABLES\",\"recentConnections\":[{\"endpoint\":\"http://localhost:8000\","
                + "\"profile\":null,\"region\":\"us-east-1\"}]}");
        ConsoleStateStore.Loaded loaded = ConsoleStateStore.inWorkspace(workspace).load();
        assertThat(loaded.problem()).isEmpty();
        assertThat(loaded.state().recentConnections()).containsExactly(
                RecentConnection.endpoint(URI.create("http://localhost:8000"), Optional.of("us-east-1")));
    }

    @Test
    void aMissingFileGivesTheInitialStateQuietly() {
        ConsoleStateStore.Loaded loaded = ConsoleStateStore.inWorkspace(workspace).load();
        assertThat(loaded.state()).isEqualTo(ConsoleState.initial());
        assertThat(loaded.problem()).isEmpty();
    }

    @Test
    void aBrokenFileGivesTheInitialStateAndSaysWhereItIs() throws IOException {
        Files.writeString(workspace.resolve("console.json"), "{ not json");
        ConsoleStateStore.Loaded loaded = ConsoleStateStore.inWorkspace(workspace).load();
        assertThat(loaded.state()).isEqualTo(ConsoleState.initial());
        assertThat(loaded.problem()).hasValueSatisfying(p -> assertThat(p).contains("console.json"));
    }

    @Test
    void recentConnectionsAreNewestFirstWithoutDuplicatesAndCapped() {
        ConsoleState s = ConsoleState.initial();
        for (int i : IntStream.range(0, 12).toArray()) {
            s = s.withRecent(RecentConnection.aws(Optional.of("p" + i), Optional.empty()));
        }
        s = s.withRecent(RecentConnection.aws(Optional.of("p5"), Optional.empty()));
        assertThat(s.recentConnections()).hasSize(ConsoleState.MAX_RECENT);
        assertThat(s.recentConnections()).extracting(r -> r.profile().orElseThrow())
                .containsExactly("p5", "p11", "p10", "p9", "p8", "p7", "p6", "p4");
    }
}
