package dev.veil.model;

/**
 * How much of a table a sample saw, and how likely it is that attributes were missed.
 *
 * @param totalSegments      parallel-scan segments the key space was divided into (0 for an export)
 * @param segmentsRead       segments the sampler read from
 * @param nonEmptySegments   segments that held at least one item
 * @param collectionsTouched distinct partition-key values (item collections) in the sample
 * @param pathsSeenOnce      attribute paths seen in exactly one sampled item
 * @param unseenPathEstimate Good–Turing estimate of the chance that the next item shows a path
 *                           not yet seen: paths seen once over all path observations
 * @param stable             true when sampling stopped because new paths stopped appearing
 */
public record SampleCoverage(int totalSegments, int segmentsRead, int nonEmptySegments,
                             long collectionsTouched, long pathsSeenOnce, double unseenPathEstimate,
                             boolean stable) {

    /** Coverage of a source that is not divided into segments. */
    public static SampleCoverage unsegmented(long collections, long pathsSeenOnce, double unseen, boolean stable) {
        return new SampleCoverage(0, 0, 0, collections, pathsSeenOnce, unseen, stable);
    }
}
