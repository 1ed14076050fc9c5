package dev.veil.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A reviewer's decision of who owns the items of one entity of a table (empty entity: the table
 * as a whole).
 *
 * @param table     the table
 * @param entity    the entity, empty for the table as a whole
 * @param owner     the owner attribute and its template
 * @param reviewer  who decided
 * @param decidedAt when
 */
public record OwnerDecision(String table, String entity, OwnerRule owner, String reviewer, Instant decidedAt) {
    public OwnerDecision {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
