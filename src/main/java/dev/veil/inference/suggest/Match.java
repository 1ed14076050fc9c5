package dev.veil.inference.suggest;

import java.util.Optional;

/**
 * One rule phrase found in a name.
 *
 * @param rule        the rule
 * @param start       first token of the phrase
 * @param end         one past its last token
 * @param role        how the phrase sits in the name
 * @param words       the phrase as written, for reasons
 * @param contextWord the context token a contextual rule found
 * @param precededByIsOrHas true when the phrase follows a leading is/has
 */
record Match(NameRule rule, int start, int end, Role role, String words, Optional<String> contextWord,
             boolean precededByIsOrHas) {

    /** How a phrase sits in a name. */
    enum Role {
        /** At the end, or followed only by words that keep its meaning: the attribute is one. */
        HEAD,
        /** Followed by a metadata word: the attribute is about one. */
        META,
        /** Followed by other words: it qualifies something else. */
        MODIFIER
    }

    int length() {
        return end - start;
    }

    boolean covers(Match o) {
        return start <= o.start && end >= o.end && length() > o.length();
    }
}
