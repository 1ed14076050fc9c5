package dev.veil.app;

import dev.veil.inference.ProfileAccumulator;
import dev.veil.inference.StabilityTracker;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.inference.entity.EntityAccumulator;
import dev.veil.model.DynamoValue;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One accumulator per scan segment, merged when sampling ends, so that sampler threads never wait
 * for each other. The sampler calls for one segment from one thread at a time and every call
 * happens-before it returns (its {@code ItemSink} contract), so each accumulator is used by one
 * thread at a time without a lock. Merging is exact and order-free: the profile is the one a
 * single accumulator would have built from the same items.
 *
 * <p>With kinds of item to tell apart, each segment keeps an {@link EntityAccumulator} alone: every
 * item lands in exactly one of its labels, so the table's profile is the merge of them all
 * ({@link EntityAccumulator#table()}) and the detectors run over each value once, not once for the
 * table and again for its kind. The segments' entity accumulators merge in segment order, which
 * keeps the 256-label cap as one accumulator fed the segments one after another would.
 *
 * <p>With {@code untilStable}, stability is judged from the sum of the segments' path counts: a
 * path new to one segment (or, with kinds, to one kind) counts as new even when another has it, so
 * the sample may be called stable later than a single accumulator would, never sooner.
 */
final class SegmentProfiles {

    private final Map<Integer, ProfileAccumulator> bySegment = new ConcurrentHashMap<>();
    private final Map<Integer, EntityAccumulator> kindsBySegment = new ConcurrentHashMap<>();
    private final Optional<Supplier<EntityAccumulator>> kinds;
    private final boolean untilStable;
    private final StabilityTracker stability = new StabilityTracker();
    private long items;
    private long paths;

    SegmentProfiles(boolean untilStable) {
        this(untilStable, Optional.empty());
    }

    /** Per-segment profiles that also tell kinds of item apart with the accumulators {@code kinds} makes. */
    SegmentProfiles(boolean untilStable, Optional<Supplier<EntityAccumulator>> kinds) {
        this.untilStable = untilStable;
        this.kinds = kinds;
    }

    /**
     * Profiles one item of {@code segment}.
     *
     * @return true when sampling should stop because the profile is stable (only with untilStable)
     */
    boolean add(int segment, Map<String, DynamoValue> item) {
        int added;
        if (kinds.isPresent()) {
            added = kindsBySegment.computeIfAbsent(segment, s -> kinds.get().get()).add(item);
        } else {
            ProfileAccumulator own = bySegment.computeIfAbsent(segment,
                    s -> new ProfileAccumulator(ValueDetectors.standard()));
            int before = own.pathCount();
            own.add(item);
            added = own.pathCount() - before;
        }
        if (!untilStable) {
            return false;
        }
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
        if (kinds.isPresent()) {
            return mergedKinds().orElseThrow().table();
        }
        ProfileAccumulator total = new ProfileAccumulator(ValueDetectors.standard());
        new TreeMap<>(bySegment).values().forEach(total::merge);
        return total;
    }

    /** Every segment's kinds of item in one accumulator, in segment order; empty without kinds. */
    Optional<EntityAccumulator> mergedKinds() {
        return kinds.map(make -> {
            EntityAccumulator total = make.get();
            new TreeMap<>(kindsBySegment).values().forEach(total::merge);
            return total;
        });
    }
}
