package dev.veil.dynamo;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.veil.model.TableInfo;
import dev.veil.work.Cancellation;
import dev.veil.work.ProgressListener;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads a representative sample of a table, not its first page.
 *
 * <p>The first page of a Scan comes from one corner of the key space, often a single huge item
 * collection. The sampler instead walks the key space taking a small share of every item
 * collection, skipping the rest of each (an ExclusiveStartKey after the collection's end), and
 * shares what is left of the budget among the collections it skipped; a table that fits the
 * budget is read through in as few requests as its pages need. A sample of N so touches as
 * many item collections as N allows, at a cost proportional to what it reads. {@link SamplingJob}
 * and {@link ScanPlan} tell how.
 *
 * <p>Segments are read by a bounded pool of {@link SampleRequest#parallelism()} threads, created
 * per call and shut down before it returns. Pages use {@code Limit} and follow
 * {@code LastEvaluatedKey}; the stop token is checked before every page; consumed capacity is
 * reported by DynamoDB and, with {@link SampleRequest#maxRcu()}, kept under a rate.
 */
public final class TableSampler {

    private final DynamoDbClient client;
    private final Ticker ticker;

    public TableSampler(DynamoDbClient client) {
        this(client, Ticker.SYSTEM);
    }

    TableSampler(DynamoDbClient client, Ticker ticker) {
        this.client = Objects.requireNonNull(client, "client");
        this.ticker = ticker;
    }

    /**
     * Samples the table {@code table} describes ({@link TableCatalog#describe}: its key schema
     * and item count plan the reads).
     *
     * @param sink     receives each item; see {@link ItemSink} for its threading contract
     * @param progress told after every page, never concurrently, with counts that never decrease
     * @param stop     checked (from sampler threads) before every page; once requested, sampling
     *                 ends early and the result is marked {@code stopped}. Interrupting the calling
     *                 thread ends it too, marked {@code cancelled}, with the thread's interrupt
     *                 status kept.
     * @throws DynamoAccessException when the table is missing or DynamoDB cannot be read
     */
    public SampleResult sample(TableInfo table, SampleRequest request, ItemSink sink, ProgressListener progress,
                               Cancellation stop) {
        Objects.requireNonNull(table, "table");
        return new SamplingJob(client, table, request, sink, progress, stop, ticker).execute();
    }

    /** Samples {@code table} with no progress listener and no stop token. */
    public SampleResult sample(TableInfo table, SampleRequest request, ItemSink sink) {
        return sample(table, request, sink, ProgressListener.NONE, Cancellation.none());
    }

    /**
     * The naive baseline: the first {@code n} items of a plain sequential Scan, all reported as
     * segment 0. Used to compare against {@link #sample}.
     */
    public SampleResult plainScan(TableInfo table, int n, ItemSink sink) {
        String keyName = table.keySchema().partitionKey().name();
        Set<AttributeValue> collections = new HashSet<>();
        long items = 0;
        long requests = 0;
        double consumed = 0;
        Map<String, AttributeValue> startKey = null;
        boolean exhausted = false;
        try {
            while (items < n && !exhausted) {
                var builder = ScanRequest.builder()
                        .tableName(table.name())
                        .limit((int) Math.min(n - items, SampleRequest.DEFAULT_MAX_PAGE_SIZE))
                        .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
                if (startKey != null) {
                    builder.exclusiveStartKey(startKey);
                }
                ScanResponse page = client.scan(builder.build());
                requests++;
                consumed += SamplingJob.units(page);
                for (Map<String, AttributeValue> item : page.items()) {
                    collections.add(item.get(keyName));
                    sink.accept(0, ItemConverter.toModel(item));
                    items++;
                }
                startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey() : null;
                exhausted = startKey == null;
            }
        } catch (SdkException e) {
            throw DynamoErrors.translate(e, client, Optional.of(table.name()));
        }
        return new SampleResult(table.name(), items, 1, requests > 0 ? 1 : 0, items > 0 ? 1 : 0,
                collections.size(), consumed, requests, exhausted, false, false);
    }
}
