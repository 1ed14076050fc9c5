package dev.veil.model;

/**
 * How much of a table a sample saw, what it cost, and how likely it is that attributes were missed.
 *
 * @param totalSegments      parallel-scan segments the key space was divided into (0 for an export)
 * @param segmentsRead       segments the sampler read from
 * @param nonEmptySegments   segments that held at least one item
 * @param collectionsTouched distinct partition-key values (item collections) in the sample
 * @param pathsSeenOnce      attribute paths seen in exactly one sampled item
 * @param unseenPathEstimate Good–Turing estimate of the chance that the next item shows a path
 *                           not yet seen: paths seen once over all path observations
 * @param stable             true when sampling stopped because new paths stopped appearing
 * @param requests           Scan requests sent to DynamoDB (0 for an export)
 * @param consumedCapacity   read capacity units DynamoDB reported for them (0 for an export)
 */
public record SampleCoverage(int totalSegments, int segmentsRead, int nonEmptySegments,
                             long collectionsTouched, long pathsSeenOnce, double unseenPathEstimate,
                             boolean stable, long requests, double consumedCapacity) {

    /** Coverage of a sample whose cost is not known or not recorded. */
    public SampleCoverage(int totalSegments, int segmentsRead, int nonEmptySegments, long collectionsTouched,
                          long pathsSeenOnce, double unseenPathEstimate, boolean stable) {
        this(totalSegments, segmentsRead, nonEmptySegments, collectionsTouched, pathsSeenOnce, unseenPathEstimate,
                stable, 0, 0.0);
    }

    /** Coverage of a source that is not divided into segments. */
    public static SampleCoverage unsegmented(long collections, long pathsSeenOnce, double unseen, boolean stable) {
        return new SampleCoverage(0, 0, 0, collections, pathsSeenOnce, unseen, stable);
    }

    /** The same coverage with the path figures replaced. */
    public SampleCoverage withPaths(long seenOnce, double unseen) {
        return new SampleCoverage(totalSegments, segmentsRead, nonEmptySegments, collectionsTouched, seenOnce, unseen,
                stable, requests, consumedCapacity);
    }
}
