package dev.veil.inference.entity;

import dev.veil.inference.ProfileAccumulator;
import dev.veil.inference.detect.ValueDetector;
import dev.veil.model.DynamoValue;
import dev.veil.model.EntityProfile;
import dev.veil.model.KeySchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Profiles items grouped by their {@link ItemLabel} (marker values and key literals), so that the
 * kinds of item can be told apart once sampling ends ({@link #entities()}). Keeps at most
 * {@value #MAX_LABELS} labels: a table whose "markers" or key literals take more values than
 * that holds data there, not kinds, and items with further labels are profiled as unlabelled.
 * Merges like {@link ProfileAccumulator}: give each segment its own. Not thread-safe.
 */
public final class EntityAccumulator {

    /** More distinct labels than this are not kinds of item. */
    public static final int MAX_LABELS = 256;

    private final List<ValueDetector> detectors;
    private final Optional<KeySchema> keys;
    private final List<String> markers;
    private final DeclaredKinds declared;
    private final Map<ItemLabel, ProfileAccumulator> byLabel = new LinkedHashMap<>();
    private boolean overflowed;

    /**
     * @param detectors the value detectors each kind's profile runs
     * @param keys      the table's key schema (empty for an export: markers only)
     * @param markers   marker attributes, most trusted first (see {@link Markers#with})
     */
    public EntityAccumulator(List<ValueDetector> detectors, Optional<KeySchema> keys, List<String> markers) {
        this(detectors, keys, markers, DeclaredKinds.NONE);
    }

    /**
     * An accumulator that classifies items by {@code declared} kinds first (a picked marker goes
     * before {@code markers}), and guesses only for the items those leave.
     */
    public EntityAccumulator(List<ValueDetector> detectors, Optional<KeySchema> keys, List<String> markers,
                             DeclaredKinds declared) {
        this.detectors = List.copyOf(detectors);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.declared = Objects.requireNonNull(declared, "declared");
        List<String> all = new java.util.ArrayList<>();
        declared.marker().ifPresent(all::add);
        markers.stream().filter(m -> !all.contains(m)).forEach(all::add);
        this.markers = List.copyOf(all);
    }

    /**
     * Profiles one item under its label.
     *
     * @return how many paths were new to the item's label (at least as many as were new to all items
     *         so far), for telling when a sample is stable
     */
    public int add(Map<String, DynamoValue> item) {
        ItemLabel label = ItemLabel.of(item, keys, markers, declared.entities());
        ProfileAccumulator a = byLabel.get(label);
        if (a == null) {
            if (byLabel.size() >= MAX_LABELS) {
                overflowed = true;
                label = unlabelled();
                a = byLabel.computeIfAbsent(label, l -> new ProfileAccumulator(detectors));
            } else {
                a = new ProfileAccumulator(detectors);
                byLabel.put(label, a);
            }
        }
        int before = a.pathCount();
        a.add(item);
        return a.pathCount() - before;
    }

    /**
     * Adds what {@code other} profiled (built with the same detectors, keys and markers). The cap
     * holds across the merge as it holds for one accumulator: {@code other}'s labels join in the order
     * it first saw them while there is room, and the items of the rest count as unlabelled. The result
     * is what one accumulator fed this one's items and then {@code other}'s would hold.
     */
    public void merge(EntityAccumulator other) {
        overflowed |= other.overflowed;
        ItemLabel unlabelled = unlabelled();
        other.byLabel.forEach((label, acc) -> {
            ProfileAccumulator mine = byLabel.get(label);
            if (mine == null) {
                if (byLabel.size() >= MAX_LABELS) {
                    overflowed = true;
                    mine = byLabel.computeIfAbsent(unlabelled, l -> new ProfileAccumulator(detectors));
                } else {
                    mine = new ProfileAccumulator(detectors);
                    byLabel.put(label, mine);
                }
            }
            mine.merge(acc);
        });
    }

    /** How many labels are kept (at most {@value #MAX_LABELS}, plus the unlabelled one past the cap). */
    public int labels() {
        return byLabel.size();
    }

    /**
     * Every item profiled, whatever its label, in one accumulator: the table's own profile, so that a
     * sampler keeping an entity accumulator need not run the detectors over each item a second time.
     */
    public ProfileAccumulator table() {
        ProfileAccumulator all = new ProfileAccumulator(detectors);
        byLabel.values().forEach(all::merge);
        return all;
    }

    private static ItemLabel unlabelled() {
        return new ItemLabel(Map.of(), Optional.empty(), Optional.empty());
    }

    /**
     * The kinds of item found, each with its own profile; empty for a table of one kind. Call
     * once, when sampling is over.
     */
    public List<EntityProfile> entities() {
        return new EntityResolver(keys, markers, byLabel, detectors, declared).resolve();
    }

    /**
     * This accumulator's state as bytes, to ship between processes (the Spark job's tasks): its key
     * names and markers, and each label with its accumulator's bytes, in the order first seen.
     */
    public byte[] toBytes() {
        return EntityAccumulatorCodec.write(keys.map(KeySchema::names).orElse(List.of()), markers, overflowed,
                byLabel);
    }

    /**
     * An accumulator holding what {@link #toBytes} wrote, built as {@link #EntityAccumulator} would be.
     *
     * @throws IllegalArgumentException when the bytes are corrupt, or were written by an accumulator
     *                                  with other detectors, key names or markers
     */
    public static EntityAccumulator fromBytes(byte[] bytes, List<ValueDetector> detectors, Optional<KeySchema> keys,
                                              List<String> markers) {
        EntityAccumulator a = new EntityAccumulator(detectors, keys, markers);
        EntityAccumulatorCodec.Read read = EntityAccumulatorCodec.read(bytes);
        List<String> keyNames = keys.map(KeySchema::names).orElse(List.of());
        if (!read.keyNames().equals(keyNames) || !read.markers().equals(a.markers)) {
            throw new IllegalArgumentException("the entity accumulator was built with the key names "
                    + read.keyNames() + " and markers " + read.markers() + ", not " + keyNames + " and "
                    + a.markers + "; build every part with the same options");
        }
        a.overflowed = read.overflowed();
        read.byLabel().forEach((label, accumulator) -> a.byLabel.put(label,
                ProfileAccumulator.fromBytes(accumulator, detectors)));
        return a;
    }

    /** True when more than {@value #MAX_LABELS} labels were seen. */
    public boolean overflowed() {
        return overflowed;
    }
}
