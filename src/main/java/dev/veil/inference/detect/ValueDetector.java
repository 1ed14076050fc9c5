package dev.veil.inference.detect;

/**
 * Recognises one kind of value (e-mail addresses, bcrypt hashes, AWS access key ids...). The
 * profile accumulator runs every detector over every scalar text value during sampling and keeps
 * only the hit counts, never the values. A new detector is a class implementing this interface
 * and a test.
 */
public interface ValueDetector {

    /** Stable identifier stored in profiles ("email", "bcrypt", "aws-access-key-id"). */
    String id();

    /** What the detector recognises, plural, for reasons shown to reviewers ("bcrypt hashes"). */
    String description();

    /**
     * True when {@code value} looks like this kind of value. Called for strings and for the text
     * of numbers; must be cheap and must not retain the value.
     */
    boolean matches(String value);

    /**
     * A cheap necessary condition of {@link #matches}: a value this filter does not admit is not
     * passed to {@link #matches} during sampling. The default admits everything.
     */
    default ShapeFilter shape() {
        return ShapeFilter.ANY;
    }
}
