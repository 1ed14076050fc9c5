package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.workspace.WorkspaceLocation;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo-workspace rule both faces use: the demo's profiles and decisions stay apart from real ones. */
class VeilSettingsTest {

    private static final URI DEMO = URI.create("http://127.0.0.1:8000");

    @TempDir
    Path dir;

    @Test
    void theDemoKeepsItsWorkspaceInADemoFolderOfTheChosenOne() {
        VeilSettings demo = settings(dir.resolve("ws")).forDemo(DEMO);

        assertThat(demo.workspace()).isEqualTo(WorkspaceLocation.directory(dir.resolve("ws").resolve("demo")));
        assertThat(demo.endpoint()).contains(DEMO);
        assertThat(demo.policies()).isEqualTo(dir.resolve("policies"));
    }

    @Test
    void aWorkspaceAlreadyNamedDemoIsUsedAsIs() {
        assertThat(settings(dir.resolve("demo")).forDemo(DEMO).workspace())
                .isEqualTo(WorkspaceLocation.directory(dir.resolve("demo")));
    }

    private VeilSettings settings(Path workspace) {
        return new VeilSettings(Optional.empty(), Optional.empty(), Optional.empty(), workspace, dir.resolve("policies"));
    }
}
