package dev.veil.inference.suggest;

import dev.veil.model.Classification;
import java.util.Objects;

/**
 * One piece of evidence for a class: where it came from in words a reviewer can check, and
 * how strongly it argues, 0..1.
 *
 * @param classification     the class it argues for
 * @param weight             how strongly, 0..1
 * @param reason             human-readable ("name token `password` (credential)")
 * @param explainsRandomness true for identifier names, which account for values that merely
 *                           look random or hex
 */
public record Evidence(Classification classification, double weight, String reason, boolean explainsRandomness) {
    public Evidence {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(reason, "reason");
        if (weight < 0 || weight > 1 || Double.isNaN(weight)) {
            throw new IllegalArgumentException("weight must lie in 0..1, was " + weight);
        }
    }

    public Evidence(Classification classification, double weight, String reason) {
        this(classification, weight, reason, false);
    }
}
