package dev.veil.dynamo;

import java.util.Objects;

import dev.veil.model.SampleCoverage;

/**
 * What a sample read and how widely.
 *
 * @param table              the table sampled
 * @param items              items handed to the sink
 * @param totalSegments      parallel-scan segments the key space was divided into
 * @param segmentsRead       segments read from at least once
 * @param nonEmptySegments   segments that returned at least one item
 * @param collectionsTouched distinct partition-key values (item collections) among the items
 * @param consumedCapacity   read capacity units DynamoDB reported
 * @param requests           Scan requests sent (every page of the walk and of the deepening rounds)
 * @param complete           every segment was read to its end: the sample is the whole table
 * @param stopped            the caller's stop signal ended sampling early
 * @param cancelled          the calling thread was interrupted; the sample is partial
 */
public record SampleResult(String table, long items, int totalSegments, int segmentsRead, int nonEmptySegments,
                           long collectionsTouched, double consumedCapacity, long requests, boolean complete,
                           boolean stopped, boolean cancelled) {

    public SampleResult {
        Objects.requireNonNull(table, "table");
    }

    /** The model's coverage record, completed with what the profile builder knows about paths. */
    public SampleCoverage coverage(long pathsSeenOnce, double unseenPathEstimate, boolean stable) {
        return new SampleCoverage(totalSegments, segmentsRead, nonEmptySegments, collectionsTouched,
                pathsSeenOnce, unseenPathEstimate, stable, requests, consumedCapacity);
    }
}
