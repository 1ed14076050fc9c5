package dev.veil.policy;

import dev.veil.model.AttributePath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A place in a policy document, as a JSON Pointer and as words a steward understands:
 * {@code /attributes/address/fields/city/class} reads "the class of `address.city`".
 */
record JsonPlace(List<String> tokens) {
    JsonPlace {
        tokens = List.copyOf(tokens);
    }

    static final JsonPlace ROOT = new JsonPlace(List.of());

    JsonPlace child(String token) {
        List<String> t = new ArrayList<>(tokens);
        t.add(token);
        return new JsonPlace(t);
    }

    String pointer() {
        StringBuilder sb = new StringBuilder();
        tokens.forEach(t -> sb.append('/').append(LocatedJson.escape(t)));
        return sb.toString();
    }

    /** The last key, or empty text at the root. */
    String lastKey() {
        return tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1);
    }

    /** Whether this place is a rule (an attribute, a field or an items rule). */
    boolean isRule() {
        return ruleDepth() == tokens.size() && tokens.size() >= 2;
    }

    /** Whether this place is the review object of a rule. */
    boolean isReview() {
        return tokens.size() >= 3 && ruleDepth() == tokens.size() - 1 && lastKey().equals(PolicyTree.REVIEW);
    }

    /** The attribute path of the innermost rule at or above this place, if it lies in {@code attributes}. */
    Optional<AttributePath> attributePath() {
        if (tokens.size() < 2 || !tokens.get(0).equals(PolicyTree.ATTRIBUTES)) {
            return Optional.empty();
        }
        AttributePath path = AttributePath.of(tokens.get(1));
        int i = 2;
        while (i < tokens.size()) {
            String key = tokens.get(i);
            if (key.equals(PolicyTree.FIELDS) && i + 1 < tokens.size()) {
                path = path.child(tokens.get(i + 1));
                i += 2;
            } else if (key.equals(PolicyTree.ITEMS)) {
                path = path.elements();
                i++;
            } else {
                break;
            }
        }
        return Optional.of(path);
    }

    /** How many leading tokens name the innermost rule, 0 when none. */
    private int ruleDepth() {
        if (tokens.size() < 2 || !tokens.get(0).equals(PolicyTree.ATTRIBUTES)) {
            return 0;
        }
        int i = 2;
        while (i < tokens.size()) {
            String key = tokens.get(i);
            if (key.equals(PolicyTree.FIELDS) && i + 1 < tokens.size()) {
                i += 2;
            } else if (key.equals(PolicyTree.ITEMS)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** Words for this place: "`address.city`", "the review of `email`", "`version`". */
    String describe() {
        if (tokens.isEmpty()) {
            return "the policy object";
        }
        Optional<AttributePath> path = attributePath();
        if (path.isEmpty()) {
            return "`" + String.join(".", tokens) + "`";
        }
        String rule = "`" + path.get() + "`";
        int depth = ruleDepth();
        if (depth == tokens.size()) {
            return "the rule for " + rule;
        }
        List<String> rest = tokens.subList(depth, tokens.size());
        if (rest.get(0).equals(PolicyTree.REVIEW) && rest.size() > 1) {
            return "`review." + rest.get(1) + "` of " + rule;
        }
        return "`" + rest.get(0) + "` of " + rule;
    }
}
