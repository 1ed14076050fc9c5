package dev.veil.inference.suggest;

/**
 * One word of a name: as written (lower-cased), folded for matching, and reduced to a
 * singular so that {@code roles} matches {@code role}.
 */
record Token(String raw, String folded, String lemma) {

    static Token of(String raw, String folded) {
        return new Token(raw, folded, singular(folded));
    }

    /** True when a rule word names this token. */
    boolean is(String ruleWord) {
        return folded.equals(ruleWord) || lemma.equals(ruleWord);
    }

    boolean isNumber() {
        return !folded.isEmpty() && folded.chars().allMatch(Character::isDigit);
    }

    /** A rough English singular; only used for matching, so a wrong guess costs nothing. */
    static String singular(String w) {
        int n = w.length();
        if (n > 4 && w.endsWith("ies")) {
            return w.substring(0, n - 3) + "y";
        }
        if (n > 5 && w.endsWith("sses")) {
            return w.substring(0, n - 2);
        }
        if (n > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
