package dev.veil.testing;

import java.util.HashMap;
import java.util.Map;

import dev.veil.demo.DemoData;
import dev.veil.demo.SeedSummary;
import dev.veil.dynamo.DynamoClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The demo tables ({@code users}, {@code orders}, {@code app_data}) seeded with
 * {@link DemoData#DEFAULT_SEED}, once per server and JVM, for tests that read them. Tests must
 * not write to these tables; they are shared.
 */
public final class DemoTables {

    private static final Map<String, SeedSummary> SEEDED = new HashMap<>();

    private DemoTables() {
    }

    /** Seeds the demo tables on {@code dynamo}'s server unless done already; returns what was written. */
    public static synchronized SeedSummary seeded(DynamoDbClient dynamo) {
        String server = DynamoClients.describe(dynamo);
        return SEEDED.computeIfAbsent(server, s -> DemoData.seed(dynamo, DemoData.DEFAULT_SEED));
    }
}
