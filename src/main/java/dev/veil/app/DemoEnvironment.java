package dev.veil.app;

import dev.veil.demo.DemoData;
import dev.veil.demo.LocalDynamo;
import dev.veil.demo.SeedSummary;
import dev.veil.dynamo.ConnectionSettings;
import dev.veil.dynamo.DynamoClients;
import dev.veil.work.Progress;
import dev.veil.work.ProgressListener;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The demo: a local DynamoDB (dynalite on Node.js) seeded with the demo tables. Closing it stops
 * the local DynamoDB; the demo data lives in memory and goes with it.
 */
public final class DemoEnvironment implements AutoCloseable {

    /** The demo tables. */
    public static final List<String> TABLES = DemoData.TABLES;

    private final LocalDynamo local;
    private final SeedSummary seeded;

    private DemoEnvironment(LocalDynamo local, SeedSummary seeded) {
        this.local = local;
        this.seeded = seeded;
    }

    /** Starts a local DynamoDB and seeds it; installs dynalite with npm on first use. */
    public static DemoEnvironment start(ProgressListener progress) {
        progress.onProgress(new Progress(0, 2, "starting the local DynamoDB (installs dynalite with npm on first use)"));
        LocalDynamo local = Failures.translate(LocalDynamo::start);
        try {
            progress.onProgress(new Progress(1, 2, "seeding the demo tables at " + local.endpoint()));
            SeedSummary summary = seedDemo(local.endpoint());
            progress.onProgress(new Progress(2, 2, "demo ready at " + local.endpoint()));
            return new DemoEnvironment(local, summary);
        } catch (RuntimeException e) {
            local.close();
            throw e;
        }
    }

    /** Seeds the demo tables into an existing DynamoDB (created when missing); returns items per table. */
    public static Map<String, Integer> seed(URI endpoint) {
        return seedDemo(endpoint).itemsPerTable();
    }

    private static SeedSummary seedDemo(URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return Failures.translate(() -> {
            try (DynamoDbClient client = DynamoClients.create(ConnectionSettings.forEndpoint(endpoint))) {
                return DemoData.seed(client, DemoData.DEFAULT_SEED);
            }
        });
    }

    public URI endpoint() {
        return local.endpoint();
    }

    /** Items seeded per table. */
    public Map<String, Integer> itemsPerTable() {
        return seeded.itemsPerTable();
    }

    @Override
    public void close() {
        local.close();
    }
}
