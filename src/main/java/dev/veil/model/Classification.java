package dev.veil.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How exposed an attribute may be. Ordered from widest to narrowest exposure, so that
 * {@link #isWiderThan} and {@link #mostRestrictive} can compare classes.
 */
public enum Classification {
    /** Anyone who may read the item may see the attribute. */
    PUBLIC("public"),
    /** Only the item's owner (the requester whose id equals the owner attribute) may see it. */
    OWNER_ONLY("owner-only"),
    /** Nobody outside the service may see it. */
    SECRET("secret");

    private final String label;

    Classification(String label) {
        this.label = label;
    }

    /** The label used in policy files, JSON and on the command line. */
    public String label() {
        return label;
    }

    /** True when this class exposes the attribute to more requesters than {@code other}. */
    public boolean isWiderThan(Classification other) {
        return ordinal() < other.ordinal();
    }

    /** The narrower of two classes. */
    public static Classification mostRestrictive(Classification a, Classification b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** Parses a label ("public", "owner-only", "secret"). */
    public static Optional<Classification> fromLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
    }

    /** The labels, comma-separated, for messages. */
    public static String labels() {
        return Arrays.stream(values()).map(Classification::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
