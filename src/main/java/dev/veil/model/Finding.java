package dev.veil.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing a drift audit wants a steward to look at.
 *
 * @param table    the table concerned
 * @param path     the attribute concerned; empty for table-wide findings such as {@code no-policy}
 * @param kind     what was found
 * @param severity how urgent it is
 * @param message  what was found, in a steward's words
 * @param action   what to do about it
 * @param entity   the kind of item of a single-table design the finding is about; empty for a
 *                 finding about the table as a whole (or a table of one kind)
 */
public record Finding(String table, Optional<AttributePath> path, FindingKind kind, Severity severity,
                      String message, String action, Optional<String> entity) {

    /** A finding about the table as a whole, or a table of one kind. */
    public Finding(String table, Optional<AttributePath> path, FindingKind kind, Severity severity, String message,
                   String action) {
        this(table, path, kind, severity, message, action, Optional.empty());
    }

    public Finding {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entity, "entity");
    }
}
