package dev.veil.inference.suggest;

import dev.veil.model.Classification;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One way an attribute name shows what the attribute holds: whole-token phrases
 * ({@code password}, {@code api key}, {@code mot de passe}), the class they argue for, how
 * strongly, and how the phrase must sit in the name to count.
 *
 * @param phrases        token sequences, folded ({@link NameTokens#fold}); any one matches
 * @param classification the class the phrase argues for
 * @param weight         how strongly, 0..1
 * @param form           where in a name the phrase counts
 * @param kind           what the phrase names, for reasons ("credential", "personal data")
 * @param context        when non-empty, the phrase counts only next to one of these tokens:
 *                       before it in the same name, else in an ancestor's name, else in the
 *                       table name ({@code billing.number} is a card number)
 * @param identifier     true when the phrase marks an identifier, which explains values that
 *                       merely look random
 */
record NameRule(List<List<String>> phrases, Classification classification, double weight, Form form,
                       String kind, Set<String> context, boolean identifier) {

    /** Where a phrase must sit in a name to count. */
    enum Form {
        /**
         * The attribute holds such a value. Counts at the end of the name or followed only by
         * words that keep the meaning ({@code password_hash}); not when a word follows that
         * makes it metadata ({@code password_reset_required}, {@code email_verified}), and
         * never for booleans.
         */
        VALUE,
        /**
         * The attribute states such a fact ({@code is_admin}, {@code pregnant},
         * {@code hiv_status}, {@code role_id}). Counts anywhere in the name and for any type,
         * but yields to a restrictive value head ({@code admin_email} is an e-mail address).
         */
        FACT,
        /** Counts only as the first word, or after is/has ({@code internal_notes}, {@code is_internal}). */
        PREFIX
    }

    public NameRule {
        phrases = phrases.stream().map(List::copyOf).toList();
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(kind, "kind");
        context = Set.copyOf(context);
        if (weight <= 0 || weight > 1) {
            throw new IllegalArgumentException("weight must lie in (0, 1], was " + weight);
        }
    }

    /** A rule from space-separated phrases, folded here. */
    static NameRule of(Classification c, double weight, Form form, String kind, String... phrases) {
        List<List<String>> folded = Arrays.stream(phrases)
                .map(p -> Arrays.stream(p.split(" ")).map(NameTokens::fold).toList())
                .toList();
        return new NameRule(folded, c, weight, form, kind, Set.of(), false);
    }

    /** This rule, counting only next to one of {@code tokens}. */
    NameRule near(Set<String> tokens) {
        return new NameRule(phrases, classification, weight, form, kind, tokens, identifier);
    }

    /** This rule, marking identifiers. */
    NameRule asIdentifier() {
        return new NameRule(phrases, classification, weight, form, kind, context, true);
    }
}
