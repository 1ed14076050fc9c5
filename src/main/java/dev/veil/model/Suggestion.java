package dev.veil.model;

import java.util.List;
import java.util.Objects;

/**
 * What Veil proposes for an attribute, how sure it is (0..1), and the evidence a reviewer
 * can check ("name token `password`", "97% of 412 values look like bcrypt hashes").
 */
public record Suggestion(Classification classification, double confidence, List<String> reasons) {
    public Suggestion {
        Objects.requireNonNull(classification, "classification");
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must lie in 0..1, was " + confidence);
        }
        reasons = List.copyOf(reasons);
    }
}
