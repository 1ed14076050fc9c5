package dev.veil.inference;

/**
 * Decides when sampling may stop because new attribute paths stopped appearing
 * ({@code --until-stable}). Feed it after each page or batch with the running item and path
 * counts; it is stable once the last {@code K} items brought no new path, where
 * {@code K = max(minWindow, ceil(fraction × items seen))}. The window grows with the sample so
 * that a long run must stay quiet for proportionally longer before it stops.
 *
 * <p>Counts arrive per page, so a page that brought a new path counts as if the path came with
 * its last item: the tracker never calls a sample stable too early. Not thread-safe: feed it
 * from one place (for parallel segments, with the sum of their item counts and the path count
 * of their merged profile).
 */
public final class StabilityTracker {

    /** Default smallest quiet window, in items. */
    public static final long DEFAULT_MIN_WINDOW = 200;

    /** Default share of the items seen that must have passed without a new path. */
    public static final double DEFAULT_FRACTION = 0.2;

    private final long minWindow;
    private final double fraction;
    private long items;
    private long paths;
    private long itemsAtLastNewPath;

    /** A tracker with the defaults: quiet for max(200, 20% of items seen). */
    public StabilityTracker() {
        this(DEFAULT_MIN_WINDOW, DEFAULT_FRACTION);
    }

    /**
     * @param minWindow smallest number of items without a new path, at least 1
     * @param fraction  share of all items seen that must also have passed without one, 0..1
     */
    public StabilityTracker(long minWindow, double fraction) {
        if (minWindow < 1) {
            throw new IllegalArgumentException("the stability window must be at least 1 item, was " + minWindow);
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the stability fraction must lie in 0..1, was " + fraction);
        }
        this.minWindow = minWindow;
        this.fraction = fraction;
    }

    /**
     * Records the running totals after a page.
     *
     * @throws IllegalArgumentException if either total went down
     */
    public void observe(long itemsSeen, long pathsSeen) {
        if (itemsSeen < items || pathsSeen < paths) {
            throw new IllegalArgumentException("running totals went down: items " + items + " -> " + itemsSeen
                    + ", paths " + paths + " -> " + pathsSeen + "; pass totals, not per-page counts");
        }
        if (pathsSeen > paths) {
            itemsAtLastNewPath = itemsSeen;
        }
        items = itemsSeen;
        paths = pathsSeen;
    }

    /** Records the running totals of {@code accumulator}. */
    public void observe(ProfileAccumulator accumulator) {
        observe(accumulator.itemCount(), accumulator.pathCount());
    }

    /** True once at least {@link #window()} items passed without a new path. */
    public boolean isStable() {
        return items > 0 && itemsSinceNewPath() >= window();
    }

    /** Items seen since the last page that brought a new path. */
    public long itemsSinceNewPath() {
        return items - itemsAtLastNewPath;
    }

    /** How many quiet items stability currently requires. */
    public long window() {
        return Math.max(minWindow, (long) Math.ceil(fraction * items));
    }
}
