package dev.veil.dynamo;

/**
 * How far a sample has got.
 *
 * @param itemsRead         items handed to the sink so far
 * @param budget            the most items the sample will read
 * @param segmentsRead      segments read from at least once
 * @param nonEmptySegments  segments that returned at least one item
 * @param totalSegments     segments the key space is divided into
 * @param consumedCapacity  read capacity units consumed so far
 */
public record SampleProgress(long itemsRead, long budget, int segmentsRead, int nonEmptySegments,
                             int totalSegments, double consumedCapacity) {

    /** Items read as a fraction of the budget, 0..1. */
    public double fraction() {
        return budget == 0 ? 1.0 : Math.min(1.0, (double) itemsRead / budget);
    }
}
