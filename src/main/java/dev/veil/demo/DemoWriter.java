package dev.veil.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.veil.dynamo.DynamoClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Creates demo tables when missing and writes items with BatchWriteItem, retrying unprocessed ones. */
final class DemoWriter {

    private static final int BATCH = 25;
    private static final int THREADS = 4;
    private static final long ACTIVE_TIMEOUT_MILLIS = 120_000;

    private final DynamoDbClient client;

    DemoWriter(DynamoDbClient client) {
        this.client = client;
    }

    /**
     * Creates the table unless it exists, and waits until it is ACTIVE.
     *
     * @throws IllegalStateException when a table of that name exists with another key: it is
     *                               not a demo table, and demo items must not be mixed into it
     */
    void ensureTable(CreateTableRequest request) {
        try {
            var existing = client.describeTable(r -> r.tableName(request.tableName())).table().keySchema();
            if (!existing.equals(request.keySchema())) {
                throw new IllegalStateException("Table '" + request.tableName() + "' already exists at "
                        + DynamoClients.describe(client) + " with key " + existing + ", not the demo's "
                        + request.keySchema() + ". Seed the demo into an empty local DynamoDB (`veil demo` starts one).");
            }
        } catch (ResourceNotFoundException missing) {
            try {
                client.createTable(request);
            } catch (ResourceInUseException raced) {
                // Someone else created it meanwhile: fine.
            }
        }
        awaitActive(request.tableName());
    }

    private void awaitActive(String table) {
        long deadline = System.currentTimeMillis() + ACTIVE_TIMEOUT_MILLIS;
        while (client.describeTable(r -> r.tableName(table)).table().tableStatus() != TableStatus.ACTIVE) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Table '" + table + "' did not become ACTIVE within "
                        + ACTIVE_TIMEOUT_MILLIS / 1000 + " s; check it with `veil tables` and retry.");
            }
            pause(100);
        }
    }

    /** Writes all items, a few batches in parallel. */
    void write(String table, List<Map<String, AttributeValue>> items) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "veil-demo-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < items.size(); from += BATCH) {
                List<Map<String, AttributeValue>> batch = items.subList(from, Math.min(items.size(), from + BATCH));
                batches.add(pool.submit(() -> writeBatch(table, batch)));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding table '" + table + "'.", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r
                    : new IllegalStateException("Seeding table '" + table + "' failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                pool.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeBatch(String table, List<Map<String, AttributeValue>> items) {
        List<WriteRequest> requests = new ArrayList<>(items.size());
        items.forEach(item -> requests.add(WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item).build()).build()));
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                // Exponential backoff, as AWS advises for unprocessed items.
                pause(Math.min(2_000, 50L << Math.min(attempt, 6)));
            }
            Map<String, List<WriteRequest>> request = pending;
            pending = client.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding demo data.", e);
        }
    }
}
