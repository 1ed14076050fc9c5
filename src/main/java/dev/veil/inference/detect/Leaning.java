package dev.veil.inference.detect;

import dev.veil.model.Classification;
import java.util.Optional;

/**
 * Which class a detector's hits argue for. Credentials, hashes, keys and tokens lean to
 * {@link #SECRET}; personal data leans to {@link #OWNER_ONLY}; hits of {@link #EXAMPLE} mark
 * published example values (documentation keys, {@code test@example.com}) and only lower
 * confidence.
 */
public enum Leaning {
    SECRET(Optional.of(Classification.SECRET)),
    OWNER_ONLY(Optional.of(Classification.OWNER_ONLY)),
    EXAMPLE(Optional.empty());

    private final Optional<Classification> classification;

    Leaning(Optional<Classification> classification) {
        this.classification = classification;
    }

    /** The class the hits argue for; empty for {@link #EXAMPLE}. */
    public Optional<Classification> classification() {
        return classification;
    }
}
