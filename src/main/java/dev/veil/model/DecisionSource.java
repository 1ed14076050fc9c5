package dev.veil.model;

import java.util.Arrays;
import java.util.Optional;

/** How a reviewer arrived at a decision. */
public enum DecisionSource {
    /** Tagged by hand. */
    MANUAL("manual"),
    /** Accepted from Veil's suggestion, in bulk or one by one. */
    ACCEPTED_SUGGESTION("accepted-suggestion");

    private final String label;

    DecisionSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<DecisionSource> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
