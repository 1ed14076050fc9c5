package dev.veil.inference.detect;

/**
 * A value detector that also says what its hits mean for classification. The suggestion
 * engine reads {@link #leaning()} and {@link #strength()} to turn a profile's hit ratio
 * into evidence.
 */
public interface LeaningDetector extends ValueDetector {

    /** The class this detector's hits argue for. */
    Leaning leaning();

    /**
     * How decisive a column full of hits is, 0..1: a bcrypt hash is unmistakable (0.95), a
     * date that could be a birth date is not (0.45).
     */
    double strength();

    /**
     * True when the detector recognises only a shape (random-looking, hex, base64) that
     * identifiers share, so an identifier-like name ({@code user_id}) explains the hits away.
     */
    default boolean shapeOnly() {
        return false;
    }

    /**
     * True when a single hit identifies the kind of value (a provider's token prefix with the right
     * alphabet and length, a PEM private-key header, a bcrypt hash): its hits count whatever the
     * column's cardinality or share. Generic shapes (random-looking, digests) need evidence.
     */
    default boolean distinctive() {
        return false;
    }

    /**
     * Share of a column's values that must match before the hits count (distinctive detectors
     * excepted): a column where a few values look like phone numbers is not a phone column.
     */
    default double minRatio() {
        return 0.2;
    }
}
