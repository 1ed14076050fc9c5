package dev.veil.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A reviewer taking a path's decision back: the path is unreviewed again (or, where a published
 * policy version classifies it, back to the published class). Recorded in the audit log like a
 * decision, so that undoing a path's first decision leaves a trace too. {@code entity} is empty for
 * the table as a whole, else the entity of a single-table design whose decision is taken back.
 */
public record Retraction(String table, AttributePath path, String reviewer, Instant at, String note, String entity) {
    /** A retraction for the table as a whole. */
    public Retraction(String table, AttributePath path, String reviewer, Instant at, String note) {
        this(table, path, reviewer, at, note, "");
    }

    public Retraction {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(entity, "entity");
    }
}
