package dev.veil.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A reviewer's classification of one attribute path of one table, or of one entity of a
 * single-table design. {@code note} is empty when none was given; {@code entity} is empty for a
 * decision about the table as a whole.
 */
public record Decision(String table, AttributePath path, Classification classification, String reviewer,
                       Instant decidedAt, String note, DecisionSource source, String entity) {

    /** A decision about the table as a whole. */
    public Decision(String table, AttributePath path, Classification classification, String reviewer,
                    Instant decidedAt, String note, DecisionSource source) {
        this(table, path, classification, reviewer, decidedAt, note, source, "");
    }

    /** A copy that belongs to {@code entityName} (empty: the table as a whole). */
    public Decision inEntity(String entityName) {
        return new Decision(table, path, classification, reviewer, decidedAt, note, source, entityName);
    }

    public Decision {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(entity, "entity");
    }
}
