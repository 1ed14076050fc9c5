package dev.veil.app;

import dev.veil.dynamo.ExportLocation;
import dev.veil.model.DynamoType;
import dev.veil.model.KeySchema;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What to sample and how.
 *
 * @param table       the table, or for an export the name the profile is stored under
 * @param items       at most this many items ({@link #ALL} for no limit)
 * @param untilStable stop early once new attribute paths stop appearing
 * @param maxRcu      read-capacity units per second not to exceed
 * @param fromExport  an Export-to-S3 export (folder or S3 prefix) to read instead of the table
 * @param markers     attributes naming an item's kind, trusted before the standard markers
 * @param keys        an export's key attribute names, partition key first, as the user gave them
 *                    (empty: asked of the live table, else of the workspace)
 */
public record SampleOptions(String table, int items, boolean untilStable, OptionalDouble maxRcu,
                            Optional<ExportLocation> fromExport, List<String> markers, List<String> keys) {

    /** Items sampled when the user does not say. */
    public static final int DEFAULT_ITEMS = 1000;

    /** No item limit: an export is read whole. */
    public static final int ALL = Integer.MAX_VALUE;

    public SampleOptions {
        Objects.requireNonNull(table, "table");
        if (items < 1) {
            throw VeilException.badInput(Input.ITEMS, "the number of items to sample must be at least 1, was " + items);
        }
        Objects.requireNonNull(maxRcu, "maxRcu");
        if (maxRcu.isPresent() && !(maxRcu.getAsDouble() > 0)) {
            throw VeilException.badInput(Input.MAX_READ_RATE, "the read rate cap must be a positive number of read "
                    + "capacity units per second, was " + maxRcu.getAsDouble());
        }
        Objects.requireNonNull(fromExport, "fromExport");
        markers = List.copyOf(markers);
        for (String m : markers) {
            if (m.isEmpty()) {
                throw VeilException.badInput(Input.MARKERS, "a marker attribute needs a name: the attribute "
                        + "that names each item's kind, such as kind or entity_type");
            }
        }
        keys = List.copyOf(keys);
        if (keys.size() > 2 || keys.stream().anyMatch(String::isEmpty)) {
            throw VeilException.badInput(Input.KEYS, "the key attribute names are the partition key's and at most "
                    + "one sort key's, each non-empty; got " + keys.size() + ": "
                    + String.join(", ", keys.stream().map(k -> "\"" + k + "\"").toList()));
        }
    }

    /** Options naming no key attribute of their own. */
    public SampleOptions(String table, int items, boolean untilStable, OptionalDouble maxRcu,
                         Optional<ExportLocation> fromExport, List<String> markers) {
        this(table, items, untilStable, maxRcu, fromExport, markers, List.of());
    }

    /** Options naming no marker of their own. */
    public SampleOptions(String table, int items, boolean untilStable, OptionalDouble maxRcu,
                         Optional<ExportLocation> fromExport) {
        this(table, items, untilStable, maxRcu, fromExport, List.of());
    }

    /** A copy trusting {@code named} as markers before the standard ones. */
    public SampleOptions withMarkers(List<String> named) {
        return new SampleOptions(table, items, untilStable, maxRcu, fromExport, named, keys);
    }

    /** A copy naming an export's key attributes, partition key first, instead of asking for them. */
    public SampleOptions withKeys(List<String> named) {
        return new SampleOptions(table, items, untilStable, maxRcu, fromExport, markers, named);
    }

    /**
     * The key schema the user named: names only (an export's key literal is read as a string's),
     * empty when none was named.
     */
    public Optional<KeySchema> givenKeys() {
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KeySchema(new KeySchema.KeyAttribute(keys.get(0), DynamoType.S),
                keys.stream().skip(1).findFirst().map(k -> new KeySchema.KeyAttribute(k, DynamoType.S))));
    }

    /**
     * Read the export at {@code location} (a folder or {@code s3://BUCKET/PREFIX}, S3 reached at
     * {@code AWS_ENDPOINT_URL_S3} when {@code env} sets it) into a profile named {@code table}.
     */
    public static SampleOptions ofExport(String table, int items, boolean untilStable, String location,
                                         Map<String, String> env) {
        try {
            return new SampleOptions(table, items, untilStable, OptionalDouble.empty(),
                    Optional.of(ExportLocation.parse(location, env)));
        } catch (IllegalArgumentException e) {
            throw VeilException.badInput(e.getMessage());
        }
    }

    /** Sample {@code items} items of {@code table} with no other settings. */
    public static SampleOptions of(String table, int items) {
        return new SampleOptions(table, items, false, OptionalDouble.empty(), Optional.empty());
    }
}
