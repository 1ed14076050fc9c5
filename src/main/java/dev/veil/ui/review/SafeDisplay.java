package dev.veil.ui.review;

import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.Suggestion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What of a profile the console may show. Masked examples are shapes, not values, but a number
 * range holds two raw values; for an attribute that is secret, or that Veil suggests is secret,
 * neither examples nor range are shown.
 */
public final class SafeDisplay {

    private SafeDisplay() {
    }

    /** True when the decision or the suggestion says secret. */
    public static boolean looksSecret(Optional<Classification> decided, Optional<Suggestion> suggested) {
        return decided.filter(c -> c == Classification.SECRET).isPresent()
                || suggested.filter(s -> s.classification() == Classification.SECRET).isPresent();
    }

    /** The masked examples, or none for a secret-looking attribute. */
    public static List<String> examples(AttributeProfile profile, boolean looksSecret) {
        return looksSecret ? List.of() : profile.maskedExamples();
    }

    /** "from 1 to 99", or empty for a secret-looking attribute or one without numbers. */
    public static Optional<String> numberRange(AttributeProfile profile, boolean looksSecret) {
        if (looksSecret) {
            return Optional.empty();
        }
        return profile.numberRange().map(r -> "from " + plain(r.min()) + " to " + plain(r.max()));
    }

    /** "3–64 characters", for any attribute: a length says nothing of the value. */
    public static Optional<String> stringLengths(AttributeProfile profile) {
        return profile.stringLength().map(r -> r.min() == r.max() ? r.min() + " characters"
                : r.min() + "–" + r.max() + " characters");
    }

    private static String plain(BigDecimal d) {
        return d.toPlainString();
    }
}
