package dev.veil.model;

import java.time.Instant;
import java.util.Objects;

/** Who decided a policy rule, when, why, and how (by hand or by accepting a suggestion). */
public record Review(String reviewer, Instant at, String note, DecisionSource source) {
    public Review {
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(source, "source");
    }

    /** The review part of a decision. */
    public static Review of(Decision d) {
        return new Review(d.reviewer(), d.decidedAt(), d.note(), d.source());
    }
}
