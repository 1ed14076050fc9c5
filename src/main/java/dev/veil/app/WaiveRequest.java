package dev.veil.app;

import java.util.Objects;
import java.util.Optional;

/**
 * What a steward asks to waive, as typed: each part is checked by {@link Waiving#waive}.
 *
 * @param table    the table of the finding
 * @param path     the attribute path of the finding
 * @param kind     the finding's kind label, e.g. {@code inconsistent-class}
 * @param reason   why the finding is acceptable for now
 * @param until    the last day the waiver holds, {@code YYYY-MM-DD}
 * @param entity   the entity of the finding, in a single-table design
 * @param reviewer who waives it
 */
public record WaiveRequest(String table, String path, String kind, String reason, String until,
                           Optional<String> entity, String reviewer) {
    public WaiveRequest {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(reviewer, "reviewer");
    }
}
