package dev.veil.dynamo;

import dev.veil.model.VeilFailure;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How to sample a table.
 *
 * @param maxItems           the item budget N: the sample holds at most this many items
 * @param totalSegments      how many parallel-scan segments to divide the key space into; empty to
 *                           let the sampler decide from the table's size ({@link ScanPlan})
 * @param itemsPerCollection the share of one item collection before the sampler skips to the next
 *                           one; empty to let the sampler decide, {@link #UNLIMITED} to read
 *                           every collection through
 * @param parallelism        how many segments are read at the same time (threads)
 * @param maxRcu             a ceiling on read capacity units consumed per second, if any
 * @param maxPageSize        the most items asked for in one Scan request
 */
public record SampleRequest(int maxItems, OptionalInt totalSegments, OptionalInt itemsPerCollection,
                            int parallelism, OptionalDouble maxRcu, int maxPageSize) {

    /**
     * Items read from each item collection before the sampler skips to the next one, while the
     * table is larger than the budget. Within a collection items come in sort-key order, so this
     * trades breadth for depth: 1 touches the most collections but sees only the first item of
     * each (entity types that sort late go unseen) and costs a request per collection; 4 touches
     * every collection at a budget of 4 items per collection, and the budget left over is shared
     * among the collections that were skipped, read on from where the walk left them.
     */
    public static final int ITEMS_PER_COLLECTION = 4;
    /** {@link #itemsPerCollection()} for "never skip": collections are read through. */
    public static final int UNLIMITED = Integer.MAX_VALUE;
    /** DynamoDB's limit on TotalSegments. */
    public static final int MAX_SEGMENTS = 1_000_000;
    public static final int DEFAULT_PARALLELISM = 4;
    public static final int DEFAULT_MAX_PAGE_SIZE = 500;

    public SampleRequest {
        if (maxItems < 0) {
            throw VeilFailure.badInput("maxItems must be 0 or more, was " + maxItems);
        }
        totalSegments.ifPresent(t -> {
            if (t < 1 || t > MAX_SEGMENTS) {
                throw VeilFailure.badInput("totalSegments must be 1.." + MAX_SEGMENTS + ", was " + t);
            }
        });
        itemsPerCollection.ifPresent(q -> {
            if (q < 1) {
                throw new IllegalArgumentException("itemsPerCollection must be 1 or more, was " + q);
            }
        });
        if (parallelism < 1) {
            throw VeilFailure.badInput("parallelism must be 1 or more, was " + parallelism);
        }
        maxRcu.ifPresent(r -> {
            if (!(r > 0)) {
                throw VeilFailure.badInput("maxRcu must be positive, was " + r);
            }
        });
        if (maxPageSize < 1) {
            throw VeilFailure.badInput("maxPageSize must be 1 or more, was " + maxPageSize);
        }
    }

    /** A sample of at most {@code maxItems} items, segments and collection shares decided by the sampler. */
    public static SampleRequest of(int maxItems) {
        return new SampleRequest(maxItems, OptionalInt.empty(), OptionalInt.empty(), DEFAULT_PARALLELISM,
                OptionalDouble.empty(), DEFAULT_MAX_PAGE_SIZE);
    }

    public SampleRequest withTotalSegments(int segments) {
        return new SampleRequest(maxItems, OptionalInt.of(segments), itemsPerCollection, parallelism, maxRcu,
                maxPageSize);
    }

    public SampleRequest withItemsPerCollection(int items) {
        return new SampleRequest(maxItems, totalSegments, OptionalInt.of(items), parallelism, maxRcu, maxPageSize);
    }

    public SampleRequest withParallelism(int threads) {
        return new SampleRequest(maxItems, totalSegments, itemsPerCollection, threads, maxRcu, maxPageSize);
    }

    public SampleRequest withMaxRcu(double unitsPerSecond) {
        return new SampleRequest(maxItems, totalSegments, itemsPerCollection, parallelism,
                OptionalDouble.of(unitsPerSecond), maxPageSize);
    }

    public SampleRequest withMaxPageSize(int items) {
        return new SampleRequest(maxItems, totalSegments, itemsPerCollection, parallelism, maxRcu, items);
    }
}
