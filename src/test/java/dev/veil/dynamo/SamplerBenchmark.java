package dev.veil.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.veil.demo.DemoData;
import dev.veil.demo.LocalDynamo;
import dev.veil.demo.SeedSummary;
import dev.veil.model.DynamoValue;
import dev.veil.model.TableInfo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The sampler against the local DynamoDB, next to a plain Scan of the same N and to the segment
 * spreading it replaced (one segment per 4 items of budget, collections read through): item
 * collections touched, requests, consumed capacity and time, on the demo tables, on a
 * single-table design of 60 tenants × 200 items at N = 600, and on a 40-item table at the
 * default budget. Run:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) dev.veil.dynamo.SamplerBenchmark [N] [rounds]}.
 */
public final class SamplerBenchmark {

    private static final Set<String> TYPES = ConcurrentHashMap.newKeySet();
    private static final AtomicLong ATTRIBUTES = new AtomicLong();

    private SamplerBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (LocalDynamo local = LocalDynamo.start(); DynamoDbClient client = local.newClient()) {
            SeedSummary seeded = DemoData.seed(client, DemoData.DEFAULT_SEED);
            System.out.printf(Locale.ROOT, "seeded %s in %d ms%n", seeded.itemsPerTable(), seeded.elapsed().toMillis());
            TableCatalog catalog = new TableCatalog(client);
            TableSampler sampler = new TableSampler(client);
            for (String table : DemoData.TABLES) {
                compare(sampler, catalog.describe(table), n, rounds);
            }
            compare(sampler, catalog.describe(tenants(client, "bench_tenants", 60, 200)), 600, rounds);
            compare(sampler, catalog.describe(tenants(client, "bench_small", 4, 10)), 1000, rounds);
        }
    }

    private static void compare(TableSampler sampler, TableInfo table, int n, int rounds) {
        SampleRequest legacy = SampleRequest.of(n).withTotalSegments(legacySegments(n))
                .withItemsPerCollection(SampleRequest.UNLIMITED);
        for (int round = 0; round < 2; round++) {
            // Warm-up: JIT and dynalite's first reads.
            sampler.sample(table, SampleRequest.of(n), (s, i) -> { });
            sampler.sample(table, legacy, (s, i) -> { });
            sampler.plainScan(table, n, (s, i) -> { });
        }
        measure(table.name(), n, "sampler", rounds, () -> sampler.sample(table, SampleRequest.of(n), sinkFor()));
        measure(table.name(), n, "spreading", rounds, () -> sampler.sample(table, legacy, sinkFor()));
        measure(table.name(), n, "plain scan", rounds, () -> sampler.plainScan(table, n, sinkFor()));
    }

    /** The segment count the sampler used before it walked collections: one per 4 items, at most 4096. */
    private static int legacySegments(int n) {
        return Math.max(1, Math.min(4096, (n + 3) / 4));
    }

    private static String tenants(DynamoDbClient client, String name, int collections, int size) {
        client.createTable(r -> r.tableName(name)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                .billingMode(BillingMode.PAY_PER_REQUEST));
        client.waiter().waitUntilTableExists(r -> r.tableName(name));
        List<WriteRequest> batch = new ArrayList<>();
        for (int c = 0; c < collections; c++) {
            for (int i = 0; i < size; i++) {
                Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("TENANT#" + c),
                        "sk", AttributeValue.fromS(String.format("ITEM#%04d", i)),
                        "entity_type", AttributeValue.fromS(i % 2 == 0 ? "order" : "invoice"),
                        "payload", AttributeValue.fromS("x".repeat(200)));
                batch.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
                if (batch.size() == 25) {
                    write(client, name, batch);
                }
            }
        }
        write(client, name, batch);
        return name;
    }

    private static void write(DynamoDbClient client, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, List.copyOf(batch));
        batch.clear();
        while (!pending.isEmpty() && !pending.get(table).isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            pending = client.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
            if (!pending.containsKey(table)) {
                return;
            }
        }
    }

    private static ItemSink sinkFor() {
        TYPES.clear();
        Set<String> names = ConcurrentHashMap.newKeySet();
        ATTRIBUTES.set(0);
        return (segment, item) -> {
            DynamoValue type = item.get("entity_type");
            if (type instanceof DynamoValue.S s) {
                TYPES.add(s.value());
            }
            if (names.addAll(item.keySet())) {
                ATTRIBUTES.set(names.size());
            }
        };
    }

    private static void measure(String table, int n, String how, int rounds, Supplier<SampleResult> run) {
        long best = Long.MAX_VALUE;
        long total = 0;
        SampleResult last = null;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            last = run.get();
            long took = System.nanoTime() - start;
            best = Math.min(best, took);
            total += took;
        }
        double mean = total / (double) rounds / 1e9;
        System.out.printf(Locale.ROOT,
                "%-14s N=%-5d %-10s items=%d collections=%d requests=%d rcu=%.1f segments=%d/%d attributes=%d "
                        + "entityTypes=%d mean=%.1f ms best=%.1f ms%n",
                table, n, how, last.items(), last.collectionsTouched(), last.requests(), last.consumedCapacity(),
                last.nonEmptySegments(), last.totalSegments(), ATTRIBUTES.get(), TYPES.size(), mean * 1e3,
                best / 1e6);
    }
}
