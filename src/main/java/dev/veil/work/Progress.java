package dev.veil.work;

/**
 * How far slow work has got: {@code done} of {@code total} units (total 0 when unknown)
 * and a short line for a status bar ("1,200 of 2,000 items from 37 item collections").
 */
public record Progress(long done, long total, String message) {

    /** Fraction done, or -1 when the total is unknown (an indeterminate bar). */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
