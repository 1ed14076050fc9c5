package dev.veil.ui;

import dev.veil.app.VeilSettings;
import dev.veil.demo.DemoData;
import dev.veil.demo.LocalDynamo;
import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.testing.DynamoCalls;
import dev.veil.testing.TestTables;
import dev.veil.ui.connect.AwsConfigFiles;
import dev.veil.ui.connect.ConnectionRequest;
import dev.veil.ui.state.ConsoleState;
import dev.veil.ui.task.BackgroundTasks;
import dev.veil.ui.task.UiQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What one decision (a P/O/S key press) costs the console until every page has settled: the
 * console's view models over the local DynamoDB holding the demo tables plus {@code extra} empty
 * ones, {@code presses} decisions on users in a row, DescribeTable requests (counted by
 * {@link DynamoCalls} on the test class path) and milliseconds per press. Only public view-model
 * API is used, so the same file runs against an older console for the comparison. Run:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) dev.veil.ui.ReloadBenchmark [extra] [presses]}.
 */
public final class ReloadBenchmark {

    private ReloadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int extra = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int presses = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path dir = Files.createTempDirectory("veil-reload-bench");
        try (LocalDynamo local = LocalDynamo.start(); DynamoDbClient dynamo = local.newClient()) {
            DemoData.seed(dynamo, DemoData.DEFAULT_SEED);
            for (int i = 0; i < extra; i++) {
                TestTables.createTable(dynamo, "extra", "pk");
            }
            UiQueue ui = new UiQueue();
            BackgroundTasks tasks = new BackgroundTasks(ui);
            VeilSettings settings = new VeilSettings(Optional.empty(), Optional.of("us-east-1"), Optional.empty(),
                    dir.resolve("ws"), dir.resolve("policies"));
            MainViewModel vm = new MainViewModel(settings, ConsoleState.initial(), tasks,
                    AwsConfigFiles.fromEnvironment(Map.of(), dir), ConsoleLauncher.opener());
            vm.connect(new ConnectionRequest.Endpoint(local.endpoint(), Optional.of("us-east-1")));
            settle(ui, tasks);
            var tables = vm.tablesViewModel();
            tables.tables().stream().filter(t -> t.name().equals(DemoData.USERS)).findFirst()
                    .ifPresent(tables.selectedProperty()::set);
            tables.itemsProperty().set(500);
            tables.sample();
            settle(ui, tasks);
            List<AttributePath> paths = vm.reviewViewModel().rows().stream().map(r -> r.path()).toList();
            Classification[] classes = Classification.values();
            // One unmeasured round warms the JIT and the workspace's caches.
            for (int round = 0; round < 2; round++) {
                long describes = DynamoCalls.count("DescribeTable");
                long start = System.nanoTime();
                for (int i = 0; i < presses; i++) {
                    vm.reviewViewModel().tag(List.of(paths.get(i % paths.size())), classes[i % classes.length]);
                    settle(ui, tasks);
                }
                long nanos = System.nanoTime() - start;
                if (round == 1) {
                    System.out.printf("%d tables, %d presses: %.1f DescribeTable per press, %.0f ms per press%n",
                            tables.tables().size(), presses,
                            (DynamoCalls.count("DescribeTable") - describes) / (double) presses,
                            nanos / 1e6 / presses);
                }
            }
            tasks.close();
            vm.closeConnection();
        }
    }

    // Listing many tables on a busy machine may take longer than one wait of the queue allows.
    private static void settle(UiQueue ui, BackgroundTasks tasks) {
        for (int attempt = 1; ; attempt++) {
            try {
                ui.runUntil(() -> !tasks.busyProperty().get());
                return;
            } catch (AssertionError e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }
}
