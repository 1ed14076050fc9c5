package dev.veil.dynamo;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.veil.demo.DemoData;
import dev.veil.demo.LocalDynamo;
import dev.veil.demo.SeedSummary;
import dev.veil.model.DynamoValue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Sampler throughput (items/s) against the local DynamoDB on the demo tables, next to a plain
 * Scan of the same N, with the coverage each achieves (item collections, entity types).
 * Run: {@code mvn -o -q test-compile exec:java}-free, e.g.
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) dev.veil.dynamo.SamplerBenchmark [N] [rounds]}.
 */
public final class SamplerBenchmark {

    private SamplerBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (LocalDynamo local = LocalDynamo.start(); DynamoDbClient client = local.newClient()) {
            SeedSummary seeded = DemoData.seed(client, DemoData.DEFAULT_SEED);
            System.out.printf(Locale.ROOT, "seeded %s in %d ms%n", seeded.itemsPerTable(), seeded.elapsed().toMillis());
            TableSampler sampler = new TableSampler(client);
            for (String table : DemoData.TABLES) {
                for (int round = 0; round < 2; round++) {
                    // Warm-up: JIT and dynalite's first reads.
                    sampler.sample(table, SampleRequest.of(n), (s, i) -> { });
                    sampler.plainScan(table, n, (s, i) -> { });
                }
                measure(table, "sampler", rounds, () -> sampler.sample(table, SampleRequest.of(n), sinkFor()));
                measure(table, "plain scan", rounds, () -> sampler.plainScan(table, n, sinkFor()));
            }
        }
    }

    private static final Set<String> TYPES = ConcurrentHashMap.newKeySet();
    private static final AtomicLong ATTRIBUTES = new AtomicLong();

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

    private static void measure(String table, String how, int rounds, java.util.function.Supplier<SampleResult> run) {
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
                "%-9s %-10s items=%d requests=%d segments=%d/%d collections=%d attributes=%d entityTypes=%d "
                        + "mean=%.1f ms best=%.1f ms -> %.0f items/s (best %.0f)%n",
                table, how, last.items(), last.requests(), last.nonEmptySegments(), last.totalSegments(),
                last.collectionsTouched(), ATTRIBUTES.get(), TYPES.size(), mean * 1e3, best / 1e6,
                last.items() / mean, last.items() / (best / 1e9));
    }
}
