package dev.veil.model;

import java.time.Instant;
import java.util.Objects;

/** A reviewer's classification of one attribute path of one table. {@code note} is empty when none was given. */
public record Decision(String table, AttributePath path, Classification classification, String reviewer,
                       Instant decidedAt, String note, DecisionSource source) {
    public Decision {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(source, "source");
    }
}
