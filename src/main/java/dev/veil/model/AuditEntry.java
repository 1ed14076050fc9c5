package dev.veil.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the append-only audit log: a decision changed from {@code previous} (empty when
 * the path had none) to {@code current} (empty when the entry took the path back to unreviewed,
 * a {@link Retraction}); {@code entity} names the entity of a single-table design the decision
 * belongs to, empty for the table as a whole.
 */
public record AuditEntry(long sequence, String table, AttributePath path, Optional<Classification> previous,
                         Optional<Classification> current, String reviewer, Instant at, String note,
                         DecisionSource source, String entity) {

    /** An entry about the table as a whole. */
    public AuditEntry(long sequence, String table, AttributePath path, Optional<Classification> previous,
                      Optional<Classification> current, String reviewer, Instant at, String note,
                      DecisionSource source) {
        this(sequence, table, path, previous, current, reviewer, at, note, source, "");
    }

    public AuditEntry {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(entity, "entity");
    }

    /** True when this entry took its path back to unreviewed. */
    public boolean retracted() {
        return current.isEmpty();
    }

    /** A class's label, or "unreviewed" for none: how faces show either side of an entry. */
    public static String label(Optional<Classification> c) {
        return c.map(Classification::label).orElse("unreviewed");
    }
}
