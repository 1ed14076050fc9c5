package dev.veil.inference.detect;

import java.util.Objects;

/** Holds the fixed facts of a detector so subclasses only write {@link #matches}. */
abstract class BaseDetector implements LeaningDetector {
    private final String id;
    private final String description;
    private final Leaning leaning;
    private final double strength;

    BaseDetector(String id, String description, Leaning leaning, double strength) {
        this.id = Objects.requireNonNull(id, "id");
        this.description = Objects.requireNonNull(description, "description");
        this.leaning = Objects.requireNonNull(leaning, "leaning");
        if (strength < 0 || strength > 1) {
            throw new IllegalArgumentException("strength must lie in 0..1, was " + strength);
        }
        this.strength = strength;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Leaning leaning() {
        return leaning;
    }

    @Override
    public final double strength() {
        return strength;
    }

    @Override
    public String toString() {
        return id;
    }
}
