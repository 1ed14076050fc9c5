package dev.veil.app;

import dev.veil.demo.LocalDynamo;
import dev.veil.drift.DriftReport;
import dev.veil.work.Cancellation;
import dev.veil.work.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * How a drift audit of 100 tables scales with parallelism against the local DynamoDB. Not a test:
 * run it by hand (see docs/PERFORMANCE.md) and read the table it prints.
 *
 * <p>Each table holds 200 items of a users-like shape; each audit samples 200 items per table,
 * so every run does the same work. One warm-up audit runs first.
 */
public final class DriftScalingBenchmark {

    private DriftScalingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (LocalDynamo local = LocalDynamo.start(); DynamoDbClient dynamo = local.newClient()) {
            List<String> names = new ArrayList<>();
            for (int t = 0; t < tables; t++) {
                names.add(createAndFill(dynamo, "bench_" + t, items));
            }
            Path dir = Files.createTempDirectory("veil-drift-bench");
            VeilSettings settings = new VeilSettings(Optional.of(local.endpoint()), Optional.empty(), Optional.empty(),
                    dir.resolve("ws"), dir.resolve("policies"));
            try (Veil veil = Veil.open(settings)) {
                audit(veil, names, items, 4);
                System.out.printf("%d tables x %d items, %d cores%n", tables, items, Runtime.getRuntime().availableProcessors());
                System.out.println("parallelism  seconds  tables/s  speed-up");
                double base = 0;
                for (int p : new int[] {1, 2, 4, 8, 16}) {
                    long start = System.nanoTime();
                    DriftReport report = audit(veil, names, items, p);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    if (base == 0) {
                        base = seconds;
                    }
                    System.out.printf("%11d  %7.2f  %8.1f  %7.2fx  (%d findings)%n", p, seconds, tables / seconds,
                            base / seconds, report.findings().size());
                }
            }
        }
    }

    private static DriftReport audit(Veil veil, List<String> names, int items, int parallelism) {
        return veil.drift().audit(new DriftOptions(names, false, items, Optional.empty(), parallelism),
                ProgressListener.NONE, Cancellation.none());
    }

    private static String createAndFill(DynamoDbClient dynamo, String name, int items) {
        dynamo.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(name));
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            Map<String, AttributeValue> item = Map.of(
                    "id", AttributeValue.fromS(name + "-" + i),
                    "email", AttributeValue.fromS("user" + i + "@veilmail.dev"),
                    "password_hash", AttributeValue.fromS("$2b$12$" + "x".repeat(53)),
                    "age", AttributeValue.fromN(Integer.toString(18 + i % 60)),
                    "address", AttributeValue.fromM(Map.of("city", AttributeValue.fromS("City " + i % 17),
                            "street", AttributeValue.fromS(i + " Main Street"))));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25 || i == items - 1) {
                List<WriteRequest> pending = new ArrayList<>(batch);
                while (!pending.isEmpty()) {
                    var unprocessed = dynamo.batchWriteItem(r -> r.requestItems(Map.of(name, pending))).unprocessedItems();
                    pending.clear();
                    pending.addAll(unprocessed.getOrDefault(name, List.of()));
                }
                batch.clear();
            }
        }
        return name;
    }
}
