package dev.veil.dynamo;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Shares what is left of the item budget among the segments that may still hold items, for
 * one round of reads. Equal shares, with any remainder (or, when the budget is smaller than
 * the number of segments, the whole budget) going to the segments read least so far, spread
 * evenly over the key space rather than bunched at its start.
 */
final class BudgetPlan {

    private BudgetPlan() {
    }

    /**
     * Items to ask of each open segment this round.
     *
     * @param remaining items the sample may still read, at least 0
     * @param itemsRead items read so far from each open segment, in key-space order
     * @return an allocation per open segment (same order), summing to {@code min(remaining, ...)};
     * never more than {@code remaining} in total
     */
    static int[] allocate(long remaining, long[] itemsRead) {
        int open = itemsRead.length;
        int[] shares = new int[open];
        if (open == 0 || remaining <= 0) {
            return shares;
        }
        long base = remaining / open;
        int extra = (int) (remaining % open);
        Arrays.fill(shares, (int) Math.min(Integer.MAX_VALUE, base));
        for (int index : leastRead(itemsRead, extra)) {
            shares[index]++;
        }
        return shares;
    }

    /**
     * Items to ask of each item collection so that the collections read least catch up: the
     * budget fills them up to one common depth (water-filling), the remainder going one item
     * each to collections at that depth, spread evenly. Collections already deeper get nothing.
     *
     * @param remaining items the sample may still read, at least 0
     * @param itemsRead items read so far from each open collection
     * @return an allocation per collection (same order) summing to {@code remaining}
     */
    static int[] levelUp(long remaining, long[] itemsRead) {
        int open = itemsRead.length;
        int[] shares = new int[open];
        if (open == 0 || remaining <= 0) {
            return shares;
        }
        long low = Arrays.stream(itemsRead).min().orElse(0);
        long high = Arrays.stream(itemsRead).max().orElse(0) + remaining;
        // The greatest depth the budget can bring every shallower collection to.
        while (low < high) {
            long mid = low + (high - low + 1) / 2;
            if (fill(itemsRead, mid) <= remaining) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        long[] after = new long[open];
        for (int i = 0; i < open; i++) {
            shares[i] = (int) Math.min(Integer.MAX_VALUE, Math.max(0, low - itemsRead[i]));
            after[i] = itemsRead[i] + shares[i];
        }
        int extra = (int) (remaining - fill(itemsRead, low));
        for (int index : leastRead(after, extra)) {
            shares[index]++;
        }
        return shares;
    }

    private static long fill(long[] itemsRead, long depth) {
        long total = 0;
        for (long read : itemsRead) {
            total += Math.max(0, depth - read);
        }
        return total;
    }

    /** {@code count} segment positions, those read least first, evenly spaced among equals. */
    private static int[] leastRead(long[] itemsRead, int count) {
        Integer[] order = IntStream.range(0, itemsRead.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingLong((Integer i) -> itemsRead[i]).thenComparingInt(i -> i));
        int[] picked = new int[count];
        int taken = 0;
        int start = 0;
        while (taken < count) {
            int end = start;
            while (end < order.length && itemsRead[order[end]] == itemsRead[order[start]]) {
                end++;
            }
            int group = end - start;
            int want = Math.min(group, count - taken);
            for (int i = 0; i < want; i++) {
                // Stride through the group so a small remainder lands all over the key space.
                picked[taken++] = order[start + (int) ((long) i * group / want)];
            }
            start = end;
        }
        return picked;
    }
}
