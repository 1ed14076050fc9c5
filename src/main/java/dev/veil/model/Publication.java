package dev.veil.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Who published a policy version, when, and why: the {@code "published"} block of a policy file.
 * {@code note} is empty when none was given.
 */
public record Publication(String by, Instant at, String note) {
    public Publication {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(note, "note");
    }
}
