package dev.veil.dynamo;

import dev.veil.model.VeilFailure;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How to sample a table.
 *
 * @param maxItems      the item budget N: the sample holds at most this many items
 * @param totalSegments how many parallel-scan segments to divide the key space into; empty for
 *                      the default, {@link #defaultSegments(int)}
 * @param parallelism   how many segments are read at the same time (threads)
 * @param maxRcu        a ceiling on read capacity units consumed per second, if any
 * @param maxPageSize   the most items asked for in one Scan request
 */
public record SampleRequest(int maxItems, OptionalInt totalSegments, int parallelism, OptionalDouble maxRcu,
                            int maxPageSize) {

    /**
     * Items read from each segment in the first round by default. Within a segment items come
     * collection by collection, in sort-key order, so this trades breadth for depth: 1 touches
     * the most item collections but sees only the first item of each (entity types that sort
     * late in a collection go unseen) and costs a request per item; 4 still touches several
     * times more collections than a plain Scan and reads a little way into each.
     */
    public static final int ITEMS_PER_SEGMENT = 4;
    /** The most segments the default divides a table into. */
    public static final int MAX_DEFAULT_SEGMENTS = 4096;
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

    /** A sample of at most {@code maxItems} items with default segments, parallelism and no rate cap. */
    public static SampleRequest of(int maxItems) {
        return new SampleRequest(maxItems, OptionalInt.empty(), DEFAULT_PARALLELISM, OptionalDouble.empty(),
                DEFAULT_MAX_PAGE_SIZE);
    }

    /**
     * The default segment count for a budget: one segment per {@value #ITEMS_PER_SEGMENT} items,
     * at most {@value #MAX_DEFAULT_SEGMENTS}, so a sample spreads over many item collections.
     */
    public static int defaultSegments(int maxItems) {
        int segments = (maxItems + ITEMS_PER_SEGMENT - 1) / ITEMS_PER_SEGMENT;
        return Math.max(1, Math.min(MAX_DEFAULT_SEGMENTS, segments));
    }

    /** The segment count this request uses. */
    public int effectiveSegments() {
        return totalSegments.orElseGet(() -> defaultSegments(maxItems));
    }

    public SampleRequest withTotalSegments(int segments) {
        return new SampleRequest(maxItems, OptionalInt.of(segments), parallelism, maxRcu, maxPageSize);
    }

    public SampleRequest withParallelism(int threads) {
        return new SampleRequest(maxItems, totalSegments, threads, maxRcu, maxPageSize);
    }

    public SampleRequest withMaxRcu(double unitsPerSecond) {
        return new SampleRequest(maxItems, totalSegments, parallelism, OptionalDouble.of(unitsPerSecond),
                maxPageSize);
    }

    public SampleRequest withMaxPageSize(int items) {
        return new SampleRequest(maxItems, totalSegments, parallelism, maxRcu, items);
    }
}
