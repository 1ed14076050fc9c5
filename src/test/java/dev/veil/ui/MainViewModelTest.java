package dev.veil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.app.Veil;
import dev.veil.app.VeilException;
import dev.veil.app.VeilSettings;
import dev.veil.ui.connect.AwsConfigFiles;
import dev.veil.ui.connect.Connection;
import dev.veil.ui.connect.ConnectionOpener;
import dev.veil.ui.connect.ConnectionRequest;
import dev.veil.ui.state.ConsoleState;
import dev.veil.ui.state.RecentConnection;
import dev.veil.ui.state.Theme;
import dev.veil.ui.task.BackgroundTasks;
import dev.veil.ui.task.UiQueue;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
    @TempDir
    Path dir;

    private final UiQueue ui = new UiQueue();
    private final BackgroundTasks tasks = new BackgroundTasks(ui);
    private final List<Throwable> errors = new ArrayList<>();

    @AfterEach
    void close() {
        tasks.close();
    }

    private MainViewModel vm(ConnectionOpener opener) {
        tasks.setDefaultFailureHandler(errors::add);
        VeilSettings base = new VeilSettings(Optional.empty(), Optional.empty(), Optional.empty(), dir, dir.resolve("p"));
        return new MainViewModel(base, ConsoleState.initial(), tasks, AwsConfigFiles.fromEnvironment(Map.of(), dir), opener);
    }

    private static ConnectionOpener settingsOnly() {
        return (request, base, progress, cancel) -> new Connection(request.applyTo(base), "test", request.toRecent(),
                Veil.open(request.applyTo(base)), List.of(), Optional.empty());
    }

    @Test
    void aSuccessfulConnectionIsRememberedAndShowsTheTables() {
        MainViewModel vm = vm(settingsOnly());
        vm.connect(new ConnectionRequest.Endpoint(URI.create("http://localhost:8000"), Optional.of("us-east-1")));
        assertThat(vm.connectViewModel().connectingProperty().get()).isTrue();
        ui.runUntil(() -> vm.connectionProperty().get().isPresent());
        assertThat(vm.connectionProperty().get().orElseThrow().settings().endpoint())
                .contains(URI.create("http://localhost:8000"));
        assertThat(vm.pageProperty().get()).isEqualTo(Page.TABLES);
        assertThat(vm.connectViewModel().recent()).containsExactly(
                RecentConnection.endpoint(URI.create("http://localhost:8000"), Optional.of("us-east-1")));
        assertThat(vm.connectViewModel().connectingProperty().get()).isFalse();
        assertThat(vm.connectionLabel().get()).isEqualTo("test");
    }

    @Test
    void aFailedConnectionShowsTheErrorAndLeavesTheFormUsable() {
        MainViewModel vm = vm((r, b, p, c) -> {
            throw VeilException.unavailable("cannot reach http://localhost:1", null);
        });
        vm.connect(new ConnectionRequest.Demo());
        ui.runUntil(() -> !errors.isEmpty());
        assertThat(errors).singleElement().extracting(Throwable::getMessage).isEqualTo("cannot reach http://localhost:1");
        assertThat(vm.connectViewModel().connectingProperty().get()).isFalse();
        assertThat(vm.connectionProperty().get()).isEmpty();
        assertThat(vm.connectionLabel().get()).isEqualTo("Not connected");
    }

    @Test
    void theDemoIsNotRememberedAsARecentConnection() {
        MainViewModel vm = vm(settingsOnly());
        vm.connect(new ConnectionRequest.Demo());
        ui.runUntil(() -> vm.connectionProperty().get().isPresent());
        assertThat(vm.connectViewModel().recent()).isEmpty();
    }

    @Test
    void themePageAndRecentConnectionsAreRememberedForTheNextRun() {
        MainViewModel vm = vm(settingsOnly());
        vm.toggleTheme();
        vm.connect(new ConnectionRequest.Aws(Optional.of("prod"), Optional.of("eu-west-1")));
        ui.runUntil(() -> vm.connectionProperty().get().isPresent());
        ConsoleState saved = vm.remember(ConsoleState.initial());
        assertThat(saved.theme()).isEqualTo(Theme.DARK);
        assertThat(saved.lastPage()).isEqualTo("TABLES");
        assertThat(saved.recentConnections()).containsExactly(
                RecentConnection.aws(Optional.of("prod"), Optional.of("eu-west-1")));
    }
}
