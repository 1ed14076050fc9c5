package dev.veil.inference.entity;

import dev.veil.model.DynamoValue;
import dev.veil.model.EntityMatch;
import dev.veil.model.KeySchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What of one item can tell its kind: the string values of the marker attributes it holds and
 * the leading literals of its key values. Items with equal labels are profiled together, so the
 * number of labels, not of items, bounds what entity inference keeps.
 *
 * @param markers      marker attribute name to its value, for the markers the item holds as strings
 * @param partitionKey the leading literal of the partition key value, if any
 * @param sortKey      the leading literal of the sort key value, if any
 * @param declared     the entity a steward or a published policy declared whose match holds for the
 *                     item, if any: such an item is of that kind, whatever else its label says
 */
record ItemLabel(Map<String, String> markers, Optional<KeyLiteral> partitionKey, Optional<KeyLiteral> sortKey,
                 Optional<String> declared) {

    /** Marker values longer than this are data, not a kind's name. */
    static final int MAX_MARKER_LENGTH = 128;

    ItemLabel {
        markers = Map.copyOf(markers);
    }

    /** A label without a declared entity. */
    ItemLabel(Map<String, String> markers, Optional<KeyLiteral> partitionKey, Optional<KeyLiteral> sortKey) {
        this(markers, partitionKey, sortKey, Optional.empty());
    }

    static ItemLabel of(Map<String, DynamoValue> item, Optional<KeySchema> keys, List<String> markerNames) {
        return of(item, keys, markerNames, Map.of());
    }

    /** The label of {@code item}, naming the first of the {@code declared} entities whose match holds for it. */
    static ItemLabel of(Map<String, DynamoValue> item, Optional<KeySchema> keys, List<String> markerNames,
                        Map<String, EntityMatch> declared) {
        Optional<String> kind = declared.entrySet().stream().filter(e -> e.getValue().holds(item))
                .map(Map.Entry::getKey).findFirst();
        Map<String, String> markers = new TreeMap<>();
        for (String m : markerNames) {
            if (item.get(m) instanceof DynamoValue.S s && !s.value().isEmpty()
                    && s.value().length() <= MAX_MARKER_LENGTH) {
                markers.put(m, s.value());
            }
        }
        Optional<KeyLiteral> pk = keys.flatMap(k -> literal(item, k.partitionKey().name()));
        Optional<KeyLiteral> sk = keys.flatMap(KeySchema::sortKey).flatMap(k -> literal(item, k.name()));
        return new ItemLabel(markers, pk, sk, kind);
    }

    private static Optional<KeyLiteral> literal(Map<String, DynamoValue> item, String attribute) {
        return item.get(attribute) instanceof DynamoValue.S s ? KeyLiteral.of(s.value()) : Optional.empty();
    }

    /**
     * True when every item with this label passes {@code match}. Exact for the matches inference
     * builds: a marker's whole value, or a key literal with its delimiter.
     */
    boolean holds(EntityMatch match, Optional<KeySchema> keys) {
        String marker = markers.get(match.attribute());
        if (marker != null && match.holdsFor(marker)) {
            return true;
        }
        Optional<KeyLiteral> key = Optional.empty();
        if (keys.isPresent() && keys.get().partitionKey().name().equals(match.attribute())) {
            key = partitionKey;
        } else if (keys.flatMap(KeySchema::sortKey).filter(k -> k.name().equals(match.attribute())).isPresent()) {
            key = sortKey;
        }
        return key.filter(l -> l.whole() ? match.holdsFor(l.value())
                : match.test() == EntityMatch.Test.BEGINS_WITH && l.value().startsWith(match.value())).isPresent();
    }
}
