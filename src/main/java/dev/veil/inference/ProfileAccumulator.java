package dev.veil.inference;

import dev.veil.inference.detect.DetectorSet;
import dev.veil.inference.detect.ValueDetector;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.DynamoValue;
import dev.veil.model.KeySchema;
import dev.veil.model.SampleCoverage;
import dev.veil.model.TableProfile;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds a {@link TableProfile} from items streamed through it, one item at a time, keeping per
 * attribute path only counts, ranges, a distinct-count sketch, detector hits and masked examples
 * (see {@link ValueMasker}); no raw value outlives {@link #add}.
 *
 * <p>Paths cover top-level attributes, map keys ({@code address.city}) and list elements
 * ({@code orders[].total}), down to DynamoDB's {@value #MAX_DEPTH} levels; anything deeper is
 * skipped and counted in {@link #valuesBeyondDepthLimit()}. Per path:
 * <ul>
 *   <li>types: how many values of each DynamoDB type (each list element counts once);</li>
 *   <li>presence: in how many items the path holds a value (once per item, however many list
 *       elements carry it);</li>
 *   <li>string lengths in code points, binary lengths in bytes, and the exact number range, set
 *       elements included; numbers are compared and kept at full precision, trailing zeros
 *       stripped so that {@code 1000} and {@code 1E+3} are the same number;</li>
 *   <li>an approximate count of distinct scalar values (strings, numbers, binaries, booleans,
 *       null and set elements);</li>
 *   <li>detector hits: every {@link ValueDetector} runs over the text of each string and number,
 *       set elements included; {@code valuesScanned} counts those texts;</li>
 *   <li>up to three masked examples, chosen by hash so that they do not depend on item order.</li>
 * </ul>
 *
 * <p>Accumulators merge exactly: {@code a.merge(b)} leaves {@code a} as if it had been given
 * {@code b}'s items as well, in any order. Give each scan segment its own accumulator and merge
 * them at the end. Not thread-safe.
 */
public final class ProfileAccumulator {

    /** DynamoDB's nesting limit: the deepest path has this many segments. */
    public static final int MAX_DEPTH = 32;

    private final List<ValueDetector> detectors;
    private final List<String> detectorIds;
    private final DetectorSet screened;
    private final Map<String, PathNode> roots = new HashMap<>();
    private long itemCount;
    private int pathCount;
    private long valuesBeyondDepthLimit;

    /** An empty accumulator that runs {@code detectors} over every string and number. */
    public ProfileAccumulator(List<ValueDetector> detectors) {
        this.detectors = List.copyOf(detectors);
        this.detectorIds = this.detectors.stream().map(ValueDetector::id).toList();
        this.screened = DetectorSet.of(this.detectors);
        Set<String> seen = new HashSet<>();
        for (String id : detectorIds) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException("two value detectors share the id '" + id
                        + "'; give each detector a unique id");
            }
        }
    }

    /** Profiles one item. */
    public void add(Map<String, DynamoValue> item) {
        Objects.requireNonNull(item, "item");
        itemCount++;
        for (Map.Entry<String, DynamoValue> e : item.entrySet()) {
            PathNode node = roots.get(e.getKey());
            if (node == null) {
                node = newNode(AttributePath.of(e.getKey()));
                roots.put(e.getKey(), node);
            }
            visit(node, e.getValue(), 1);
        }
    }

    // Recursion is bounded by MAX_DEPTH, whatever the input's nesting.
    private void visit(PathNode node, DynamoValue value, int depth) {
        if (value == null) {
            throw new IllegalArgumentException("item " + itemCount + " holds a Java null at " + node.path
                    + "; a DynamoDB null is DynamoValue.Null");
        }
        if (node.lastItem != itemCount) {
            node.lastItem = itemCount;
            node.stats.countItem();
        }
        node.stats.observe(value, screened);
        if (value instanceof DynamoValue.M m) {
            visitMap(node, m.value(), depth);
        } else if (value instanceof DynamoValue.L l) {
            visitList(node, l.value(), depth);
        }
    }

    private void visitMap(PathNode node, Map<String, DynamoValue> map, int depth) {
        if (map.isEmpty() || beyondLimit(depth, map.size())) {
            return;
        }
        for (Map.Entry<String, DynamoValue> e : map.entrySet()) {
            PathNode child = node.child(e.getKey());
            if (child == null) {
                child = newNode(node.path.child(e.getKey()));
                node.putChild(e.getKey(), child);
            }
            visit(child, e.getValue(), depth + 1);
        }
    }

    private void visitList(PathNode node, List<DynamoValue> list, int depth) {
        if (list.isEmpty() || beyondLimit(depth, list.size())) {
            return;
        }
        PathNode child = node.elements();
        if (child == null) {
            child = newNode(node.path.elements());
            node.putElements(child);
        }
        for (DynamoValue v : list) {
            visit(child, v, depth + 1);
        }
    }

    private boolean beyondLimit(int depth, int contents) {
        if (depth < MAX_DEPTH) {
            return false;
        }
        valuesBeyondDepthLimit += contents;
        return true;
    }

    private PathNode newNode(AttributePath path) {
        pathCount++;
        return new PathNode(path, new PathStats(detectors.size()));
    }

    /**
     * Folds {@code other}'s observations into this accumulator; {@code other} is left unchanged
     * and shares nothing with this one afterwards.
     *
     * @throws IllegalArgumentException if {@code other} is this accumulator or runs other detectors
     */
    public void merge(ProfileAccumulator other) {
        if (other == this) {
            throw new IllegalArgumentException("cannot merge a profile accumulator into itself");
        }
        if (!other.detectorIds.equals(detectorIds)) {
            throw new IllegalArgumentException("cannot merge profiles built with different value detectors: "
                    + detectorIds + " and " + other.detectorIds + "; build every segment with the same list");
        }
        itemCount += other.itemCount;
        valuesBeyondDepthLimit += other.valuesBeyondDepthLimit;
        for (Map.Entry<String, PathNode> e : other.roots.entrySet()) {
            PathNode target = roots.get(e.getKey());
            if (target == null) {
                target = newNode(e.getValue().path);
                roots.put(e.getKey(), target);
            }
            mergeNode(target, e.getValue());
        }
    }

    // Recursion is bounded by MAX_DEPTH: the trie is never deeper.
    private void mergeNode(PathNode target, PathNode source) {
        target.stats.merge(source.stats);
        for (Map.Entry<String, PathNode> e : source.children().entrySet()) {
            PathNode child = target.child(e.getKey());
            if (child == null) {
                child = newNode(e.getValue().path);
                target.putChild(e.getKey(), child);
            }
            mergeNode(child, e.getValue());
        }
        PathNode sourceElements = source.elements();
        if (sourceElements != null) {
            PathNode child = target.elements();
            if (child == null) {
                child = newNode(sourceElements.path);
                target.putElements(child);
            }
            mergeNode(child, sourceElements);
        }
    }

    /**
     * This accumulator's state as bytes (counts, sketches and masks only, never a raw value), so
     * that one built elsewhere, such as in a Spark task, can be shipped and merged.
     */
    public byte[] toBytes() {
        return AccumulatorCodec.write(itemCount, valuesBeyondDepthLimit, detectorIds, roots);
    }

    /**
     * An accumulator holding what {@link #toBytes} wrote, running {@code detectors}.
     *
     * @throws IllegalArgumentException when the bytes are corrupt or were built with other detectors
     */
    public static ProfileAccumulator fromBytes(byte[] bytes, List<ValueDetector> detectors) {
        ProfileAccumulator a = new ProfileAccumulator(detectors);
        AccumulatorCodec.read(bytes, a.detectors.size(), new AccumulatorCodec.Target() {
            @Override
            public void header(long items, long beyond, List<String> ids) {
                if (!ids.equals(a.detectorIds)) {
                    throw new IllegalArgumentException("the accumulator was built with the value detectors " + ids
                            + ", not " + a.detectorIds + "; build every part with the same Veil version");
                }
                a.itemCount = items;
                a.valuesBeyondDepthLimit = beyond;
            }

            @Override
            public PathNode newNode(AttributePath path, PathStats stats) {
                a.pathCount++;
                return new PathNode(path, stats);
            }

            @Override
            public void putRoot(String name, PathNode node) {
                a.roots.put(name, node);
            }
        });
        return a;
    }

    /** Items profiled so far, merged ones included. */
    public long itemCount() {
        return itemCount;
    }

    /** Distinct attribute paths seen so far. */
    public int pathCount() {
        return pathCount;
    }

    /**
     * Values that sat inside a map or list already at depth {@value #MAX_DEPTH} and were skipped
     * with everything below them.
     */
    public long valuesBeyondDepthLimit() {
        return valuesBeyondDepthLimit;
    }

    /** Paths that appeared in exactly one item. */
    public long pathsSeenOnce() {
        long[] once = {0};
        forEachNode(n -> {
            if (n.stats.itemsPresent() == 1) {
                once[0]++;
            }
        });
        return once[0];
    }

    /**
     * Good–Turing estimate of the chance that the next item shows a path not seen so far: paths
     * seen in exactly one item over all (path, item) observations; 1.0 before anything was seen.
     */
    public double unseenPathEstimate() {
        long[] once = {0};
        long[] observations = {0};
        forEachNode(n -> {
            long present = n.stats.itemsPresent();
            observations[0] += present;
            if (present == 1) {
                once[0]++;
            }
        });
        return observations[0] == 0 ? 1.0 : (double) once[0] / observations[0];
    }

    /**
     * The profile of everything seen so far. {@code coverage} supplies the sampler's figures
     * (segments, item collections, stability); its {@code pathsSeenOnce} and
     * {@code unseenPathEstimate} are replaced by this accumulator's.
     */
    public TableProfile toProfile(String table, String source, Instant sampledAt,
                                  Optional<KeySchema> keySchema, SampleCoverage coverage) {
        List<AttributeProfile> attributes = new ArrayList<>(pathCount);
        forEachNode(n -> attributes.add(n.stats.toProfile(n.path, itemCount, detectorIds)));
        SampleCoverage filled = coverage.withPaths(pathsSeenOnce(), unseenPathEstimate());
        return new TableProfile(table, source, sampledAt, itemCount, keySchema, attributes, filled, List.of());
    }

    private void forEachNode(Consumer<PathNode> action) {
        Deque<PathNode> todo = new ArrayDeque<>(roots.values());
        while (!todo.isEmpty()) {
            PathNode n = todo.pop();
            action.accept(n);
            todo.addAll(n.below());
        }
    }
}
