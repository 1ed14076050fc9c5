package dev.veil.app;

/**
 * How far a slow use case has got: {@code done} of {@code total} units (total 0 when unknown)
 * and a short line for a status bar ("1,200 items from 14 of 64 segments").
 */
public record Progress(long done, long total, String message) {

    /** Fraction done, or -1 when the total is unknown (an indeterminate bar). */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
