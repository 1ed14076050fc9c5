package dev.veil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.app.ReviewRow;
import dev.veil.app.TableOverview;
import dev.veil.app.VeilSettings;
import dev.veil.demo.DemoData;
import dev.veil.demo.LocalDynamo;
import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.testing.DemoTables;
import dev.veil.testing.DynamoCalls;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.ui.connect.AwsConfigFiles;
import dev.veil.ui.connect.ConnectionRequest;
import dev.veil.ui.review.ReviewViewModel;
import dev.veil.ui.state.ConsoleState;
import dev.veil.ui.task.BackgroundTasks;
import dev.veil.ui.task.TaskHandle;
import dev.veil.ui.task.UiQueue;
import dev.veil.work.Cancellation;
import dev.veil.work.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What one decision (a P, O or S key press on the Review page) makes the console reload, counted
 * against the real local DynamoDB and a real H2 workspace: the pages of its table, once each, and
 * no DynamoDB round trip; and a load started before a change never overwrites one started after it.
 */
@ExtendWith(LocalDynamoExtension.class)
class ReloadPerChangeTest {
    private static LocalDynamo local;

    @TempDir
    Path dir;

    private final UiQueue ui = new UiQueue();
    private final BackgroundTasks tasks = new BackgroundTasks(ui);

    @BeforeAll
    static void seed(LocalDynamo server, DynamoDbClient dynamo) {
        local = server;
        DemoTables.seeded(dynamo);
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    private VeilSettings settings() {
        return new VeilSettings(Optional.empty(), Optional.of("us-east-1"), Optional.empty(), dir.resolve("ws"),
                dir.resolve("policies"));
    }

    private ConnectionRequest localDynamo() {
        return new ConnectionRequest.Endpoint(local.endpoint(), Optional.of("us-east-1"));
    }

    private void idle() {
        ui.runUntil(() -> !tasks.busyProperty().get());
    }

    /** The whole console's view models, connected, with users sampled and chosen. */
    private MainViewModel consoleWithUsersSampled() {
        MainViewModel vm = new MainViewModel(settings(), ConsoleState.initial(), tasks,
                AwsConfigFiles.fromEnvironment(Map.of(), dir), ConsoleLauncher.opener());
        vm.connect(localDynamo());
        ui.runUntil(() -> vm.connectionProperty().get().isPresent());
        idle();
        var tables = vm.tablesViewModel();
        tables.tables().stream().filter(t -> t.name().equals(DemoData.USERS)).findFirst()
                .ifPresent(tables.selectedProperty()::set);
        tables.itemsProperty().set(200);
        tables.sample();
        ui.runUntil(() -> !tables.samplingProperty().get());
        idle();
        return vm;
    }

    private static Optional<Classification> decided(ReviewViewModel review, String path) {
        return review.rows().stream().filter(r -> r.path().toString().equals(path)).findFirst()
                .flatMap(ReviewRow::decision).map(Decision::classification);
    }

    @Test
    void aDecisionSendsNoRequestToDynamoDb() {
        MainViewModel vm = consoleWithUsersSampled();
        long describes = DynamoCalls.count("DescribeTable");
        long scans = DynamoCalls.count("Scan");

        vm.reviewViewModel().tag(List.of(AttributePath.of("email")), Classification.SECRET);
        idle();

        assertThat(decided(vm.reviewViewModel(), "email")).contains(Classification.SECRET);
        assertThat(DynamoCalls.count("DescribeTable") - describes).as("DescribeTable calls per key press").isZero();
        assertThat(DynamoCalls.count("Scan") - scans).as("Scan calls per key press").isZero();
    }

    @Test
    void listingTheTablesAgainDescribesEachOfThem() {
        MainViewModel vm = consoleWithUsersSampled();
        long describes = DynamoCalls.count("DescribeTable");

        vm.tablesViewModel().refresh();
        idle();

        assertThat(DynamoCalls.count("DescribeTable") - describes).as("the counter sees the console's requests")
                .isGreaterThanOrEqualTo(vm.tablesViewModel().tables().size());
    }

    @Test
    void aDecisionReloadsEachPageOfItsTableOnceAndNothingElse() {
        MainViewModel vm = consoleWithUsersSampled();
        // Each task is the newest running one when it starts (and again when a newer one ends first).
        Set<TaskHandle<?>> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<String> started = new ArrayList<>();
        tasks.currentProperty().addListener((obs, o, n) -> n.filter(seen::add).ifPresent(h -> started.add(h.title())));

        vm.reviewViewModel().tag(List.of(AttributePath.of("email")), Classification.SECRET);
        idle();

        assertThat(started).containsExactlyInAnyOrder("Tagged 1 path secret", "Reading the badges of users",
                "Reading decisions of users", "Previewing the policy of users", "Reading the audit log");
    }

    @Test
    void aDecisionReplacesOnlyItsTablesRowOnTheTablesPage() {
        MainViewModel vm = consoleWithUsersSampled();
        List<TableOverview> before = List.copyOf(vm.tablesViewModel().tables());
        TableOverview users = before.stream().filter(t -> t.name().equals(DemoData.USERS)).findFirst().orElseThrow();

        vm.reviewViewModel().tag(List.of(AttributePath.of("email")), Classification.SECRET);
        idle();

        List<TableOverview> after = vm.tablesViewModel().tables();
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i) == users) {
                assertThat(after.get(i).unreviewed()).isEqualTo(users.unreviewed() - 1);
            } else {
                assertThat(after.get(i)).as(before.get(i).name() + " is not re-read").isSameAs(before.get(i));
            }
        }
        assertThat(vm.tablesViewModel().selectedProperty().get()).isSameAs(after.get(before.indexOf(users)));
    }

    @Test
    void aLoadStartedBeforeAChangeNeverOverwritesOneStartedAfterIt() throws Exception {
        Session session = new Session(tasks);
        ReviewViewModel review = new ReviewViewModel(session);
        var connection = ConsoleLauncher.opener().open(localDynamo(), settings(), ProgressListener.NONE,
                Cancellation.none());
        var veil = connection.veil();
        veil.sampling().sample(dev.veil.app.SampleOptions.of(DemoData.USERS, 200), ProgressListener.NONE,
                Cancellation.none());
        session.connectTo(Optional.of(connection));
        session.tableProperty().set(DemoData.USERS);
        idle();

        review.load();
        ui.awaitPosted(1);
        // Another process decides meanwhile, and the page reads again.
        veil.reviewing().tag(DemoData.USERS, List.of(AttributePath.of("email")), Classification.SECRET, "ana", "");
        review.load();
        ui.awaitPosted(2);
        ui.runNewestFirst();
        idle();

        assertThat(decided(review, "email")).contains(Classification.SECRET);
        connection.close();
    }
}
