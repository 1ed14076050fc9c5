package dev.veil.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.ui.state.RecentConnection;
import dev.veil.ui.task.BackgroundTasks;
import dev.veil.ui.task.UiQueue;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectViewModelTest {
    @TempDir
    Path home;

    private final UiQueue ui = new UiQueue();
    private final BackgroundTasks tasks = new BackgroundTasks(ui);
    private final List<ConnectionRequest> requests = new ArrayList<>();

    @AfterEach
    void close() {
        tasks.close();
    }

    private ConnectViewModel vm(List<RecentConnection> recent) {
        return new ConnectViewModel(tasks, AwsConfigFiles.fromEnvironment(Map.of(), home), recent, Optional.empty(),
                requests::add);
    }

    private ConnectViewModel vmWithProfiles() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[default]\nregion = us-east-2\n[profile prod]\nregion = eu-west-1\n"
                + "[profile bare]\n");
        ConnectViewModel vm = vm(List.of());
        vm.loadProfiles();
        ui.runUntil(() -> vm.profiles().size() == 3);
        return vm;
    }

    @Test
    void loadingProfilesSelectsTheDefaultAndItsRegion() throws IOException {
        ConnectViewModel vm = vmWithProfiles();
        assertThat(vm.profileProperty().get().name()).isEqualTo("default");
        assertThat(vm.regionProperty().get()).isEqualTo("us-east-2");
        assertThat(vm.regions()).contains("eu-west-1", "us-east-2");
    }

    @Test
    void choosingAnotherProfileFollowsItsRegionUnlessTheStewardChoseOne() throws IOException {
        ConnectViewModel vm = vmWithProfiles();
        vm.profileProperty().set(vm.profiles().get(2)); // prod
        assertThat(vm.regionProperty().get()).isEqualTo("eu-west-1");
        vm.regionProperty().set("ap-south-1");
        vm.profileProperty().set(vm.profiles().get(0));
        assertThat(vm.regionProperty().get()).isEqualTo("ap-south-1");
    }

    @Test
    void connectingThroughAProfileHandsOverItsNameAndRegion() throws IOException {
        ConnectViewModel vm = vmWithProfiles();
        vm.profileProperty().set(vm.profiles().get(2));
        vm.connect();
        assertThat(requests).containsExactly(new ConnectionRequest.Aws(Optional.of("prod"), Optional.of("eu-west-1")));
    }

    @Test
    void withoutARegionTheFormSaysSoAndCannotConnect() throws IOException {
        ConnectViewModel vm = vmWithProfiles();
        vm.profileProperty().set(vm.profiles().get(1)); // bare, no region
        vm.regionProperty().set("");
        assertThat(vm.problemProperty().get()).isEqualTo("Choose a region: profile 'bare' sets none.");
        assertThat(vm.canConnectProperty().get()).isFalse();
        vm.connect();
        assertThat(requests).isEmpty();
    }

    @Test
    void anEndpointThatIsNotAUrlIsAProblemThatSaysHowToWriteIt() {
        ConnectViewModel vm = vm(List.of());
        vm.modeProperty().set(ConnectViewModel.Mode.ENDPOINT);
        vm.endpointProperty().set("localhost:8000");
        assertThat(vm.problemProperty().get()).contains("localhost:8000", "http://localhost:8000");
        assertThat(vm.canConnectProperty().get()).isFalse();
    }

    @Test
    void switchingToAnEndpointOffersALocalRegionAndConnectsWithTheUrl() {
        ConnectViewModel vm = vm(List.of());
        vm.modeProperty().set(ConnectViewModel.Mode.ENDPOINT);
        assertThat(vm.regionProperty().get()).isEqualTo("us-east-1");
        vm.endpointProperty().set(" http://localhost:8000 ");
        vm.connect();
        assertThat(requests).containsExactly(
                new ConnectionRequest.Endpoint(URI.create("http://localhost:8000"), Optional.of("us-east-1")));
    }

    @Test
    void whileConnectingTheFormCannotConnectAgain() {
        ConnectViewModel vm = vm(List.of());
        vm.modeProperty().set(ConnectViewModel.Mode.ENDPOINT);
        vm.endpointProperty().set("http://localhost:8000");
        vm.connectingProperty().set(true);
        vm.connect();
        vm.openDemo();
        assertThat(requests).isEmpty();
    }

    @Test
    void aRecentConnectionFillsTheFormAndConnects() {
        RecentConnection recent = RecentConnection.endpoint(URI.create("http://127.0.0.1:4567"), Optional.of("eu-west-2"));
        ConnectViewModel vm = vm(List.of(recent));
        vm.connectRecent(recent);
        assertThat(vm.modeProperty().get()).isEqualTo(ConnectViewModel.Mode.ENDPOINT);
        assertThat(vm.endpointProperty().get()).isEqualTo("http://127.0.0.1:4567");
        assertThat(requests).containsExactly(
                new ConnectionRequest.Endpoint(URI.create("http://127.0.0.1:4567"), Optional.of("eu-west-2")));
    }

    @Test
    void theDemoIsOneCallAway() {
        vm(List.of()).openDemo();
        assertThat(requests).containsExactly(new ConnectionRequest.Demo());
    }

    @Test
    void rememberedConnectionsComeFirstWithoutDuplicates() {
        RecentConnection a = RecentConnection.aws(Optional.of("a"), Optional.empty());
        RecentConnection b = RecentConnection.aws(Optional.of("b"), Optional.empty());
        ConnectViewModel vm = vm(List.of(a, b));
        vm.remember(b);
        assertThat(vm.recent()).containsExactly(b, a);
    }

    @Test
    void connectingHandsOverTheChosenWorkspaceAndPolicyStore() {
        ConnectViewModel vm = vm(List.of());
        vm.modeProperty().set(ConnectViewModel.Mode.ENDPOINT);
        vm.endpointProperty().set("http://localhost:8000");
        vm.workspaceProperty().set(" " + home.resolve("team-ws") + " ");
        vm.policiesProperty().set(home.resolve("repo/policies").toString());
        vm.connect();
        assertThat(requests).containsExactly(new ConnectionRequest.Endpoint(URI.create("http://localhost:8000"),
                Optional.of("us-east-1"), new ConnectionRequest.Places(Optional.of(home.resolve("team-ws").toString()),
                        Optional.of(home.resolve("repo/policies").toString()))));
    }

    @Test
    void aRecentConnectionReopensTheWorkspaceAndPolicyStoreRememberedWithIt() {
        RecentConnection recent = RecentConnection.endpoint(URI.create("http://127.0.0.1:4567"), Optional.of("eu-west-2"))
                .withPlaces(Optional.of("/srv/ws"), Optional.of("/srv/policies"));
        ConnectViewModel vm = vm(List.of(recent));
        vm.connectRecent(recent);
        assertThat(requests).containsExactly(new ConnectionRequest.Endpoint(URI.create("http://127.0.0.1:4567"),
                Optional.of("eu-west-2"),
                new ConnectionRequest.Places(Optional.of("/srv/ws"), Optional.of("/srv/policies"))));
    }

    @Test
    void typingAnEndpointUsedBeforeShowsItsRememberedWorkspaceAndSaysWhy() {
        RecentConnection recent = RecentConnection.endpoint(URI.create("http://127.0.0.1:4567"), Optional.of("us-east-1"))
                .withPlaces(Optional.of("/srv/ws"), Optional.empty());
        ConnectViewModel vm = vm(List.of(recent));
        vm.modeProperty().set(ConnectViewModel.Mode.ENDPOINT);
        vm.endpointProperty().set("http://127.0.0.1:4567");
        assertThat(vm.workspaceProperty().get()).isEqualTo("/srv/ws");
        assertThat(vm.policiesProperty().get()).isEmpty();
        assertThat(vm.placesNoteProperty().get()).contains("last used with this connection");
        vm.endpointProperty().set("http://127.0.0.1:9999");
        assertThat(vm.placesNoteProperty().get()).isEmpty();
    }

    @Test
    void aWorkspaceUrlOfADatabaseVeilCannotUseIsAProblem() {
        ConnectViewModel vm = vm(List.of());
        vm.modeProperty().set(ConnectViewModel.Mode.ENDPOINT);
        vm.endpointProperty().set("http://localhost:8000");
        vm.workspaceProperty().set("jdbc:mysql://db/veil");
        assertThat(vm.problemProperty().get()).contains("jdbc:postgresql://");
        assertThat(vm.canConnectProperty().get()).isFalse();
    }

    @Test
    void aPolicyStoreThatIsAFileIsAProblem() throws IOException {
        ConnectViewModel vm = vm(List.of());
        vm.modeProperty().set(ConnectViewModel.Mode.ENDPOINT);
        vm.endpointProperty().set("http://localhost:8000");
        Path file = Files.writeString(home.resolve("notes.txt"), "x");
        vm.policiesProperty().set(file.toString());
        assertThat(vm.problemProperty().get()).contains("is a file");
        assertThat(vm.canConnectProperty().get()).isFalse();
    }

    @Test
    void rememberingAConnectionAgainKeepsOnlyItsLatestPlaces() {
        RecentConnection old = RecentConnection.aws(Optional.of("prod"), Optional.of("eu-west-1"))
                .withPlaces(Optional.of("/old"), Optional.empty());
        RecentConnection now = old.withPlaces(Optional.of("/new"), Optional.empty());
        ConnectViewModel vm = vm(List.of(old));
        vm.remember(now);
        assertThat(vm.recent()).containsExactly(now);
    }
}
