package dev.veil.model;

import java.util.List;
import java.util.Objects;

/** A global or local secondary index and the attributes it projects. */
public record IndexInfo(String name, Kind kind, KeySchema keySchema, Projection projection,
                        List<String> nonKeyAttributes) {

    /** Global or local secondary index. */
    public enum Kind {
        GLOBAL("GSI"), LOCAL("LSI");

        private final String shortName;

        Kind(String shortName) {
            this.shortName = shortName;
        }

        public String shortName() {
            return shortName;
        }
    }

    /** Which attributes an index copies from the table. */
    public enum Projection { ALL, KEYS_ONLY, INCLUDE }

    public IndexInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(keySchema, "keySchema");
        Objects.requireNonNull(projection, "projection");
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }

    /**
     * True when the index carries top-level attribute {@code attribute} of the table, given the
     * table's own key (which every index projects).
     */
    public boolean projects(String attribute, KeySchema tableKey) {
        return switch (projection) {
            case ALL -> true;
            case KEYS_ONLY -> keySchema.isKey(attribute) || tableKey.isKey(attribute);
            case INCLUDE -> keySchema.isKey(attribute) || tableKey.isKey(attribute)
                    || nonKeyAttributes.contains(attribute);
        };
    }
}
