package dev.veil.drift;

import dev.veil.model.Severity;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The {@code --fail-on} threshold: the lowest severity that makes {@code veil drift} exit 1. */
public enum FailOn {
    LOW(Severity.LOW), MEDIUM(Severity.MEDIUM), HIGH(Severity.HIGH), NEVER(null);

    /** The threshold when {@code --fail-on} is not given. */
    public static final FailOn DEFAULT = HIGH;

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** The lowest failing severity; empty for {@link #NEVER}. */
    public Optional<Severity> threshold() {
        return Optional.ofNullable(threshold);
    }

    /** True when {@code report} holds a finding at or above this threshold. */
    public boolean failsOn(DriftReport report) {
        return threshold != null && report.hasFindingsAtOrAbove(threshold);
    }

    /** The label used on the command line ("low", "medium", "high", "never"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label; empty for anything else. */
    public static Optional<FailOn> fromLabel(String label) {
        return Arrays.stream(values()).filter(f -> f.label().equals(label)).findFirst();
    }

    /** The labels, separated by {@code |}, for usage messages. */
    public static String labels() {
        return String.join("|", Arrays.stream(values()).map(FailOn::label).toList());
    }

    @Override
    public String toString() {
        return label();
    }
}
