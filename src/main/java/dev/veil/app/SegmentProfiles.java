package dev.veil.app;

import dev.veil.inference.ProfileAccumulator;
import dev.veil.inference.StabilityTracker;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.model.DynamoValue;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One profile accumulator per scan segment, merged when sampling ends, so that sampler threads
 * never wait for each other. The sampler calls for one segment from one thread at a time and
 * every call happens-before it returns (its {@code ItemSink} contract), so each accumulator is
 * used by one thread at a time without a lock. Merging is exact and order-free: the profile is
 * the one a single accumulator would have built from the same items.
 *
 * <p>With {@code untilStable}, stability is judged from the sum of the segments' path counts: a
 * path new to one segment counts as new even when another segment has it, so the sample may be
 * called stable later than a single accumulator would, never sooner.
 */
final class SegmentProfiles {

    private final Map<Integer, ProfileAccumulator> bySegment = new ConcurrentHashMap<>();
    private final boolean untilStable;
    private final StabilityTracker stability = new StabilityTracker();
    private long items;
    private long paths;

    SegmentProfiles(boolean untilStable) {
        this.untilStable = untilStable;
    }

    /**
     * Profiles one item of {@code segment}.
     *
     * @return true when sampling should stop because the profile is stable (only with untilStable)
     */
    boolean add(int segment, Map<String, DynamoValue> item) {
        ProfileAccumulator own = bySegment.computeIfAbsent(segment,
                s -> new ProfileAccumulator(ValueDetectors.standard()));
        int before = own.pathCount();
        own.add(item);
        if (!untilStable) {
            return false;
        }
        int added = own.pathCount() - before;
        synchronized (stability) {
            items++;
            paths += added;
            stability.observe(items, paths);
            return stability.isStable();
        }
    }

    boolean isStable() {
        synchronized (stability) {
            return stability.isStable();
        }
    }

    /** Every segment's items in one accumulator; call once sampling has returned. */
    ProfileAccumulator merged() {
        ProfileAccumulator total = new ProfileAccumulator(ValueDetectors.standard());
        new TreeMap<>(bySegment).values().forEach(total::merge);
        return total;
    }
}
