package dev.veil.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How urgently a finding needs a steward, lowest first. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    /** Lower-case label used in reports and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    public static Optional<Severity> fromLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label();
    }
}
