package dev.veil.policy;

import dev.veil.model.AttributePath;
import dev.veil.model.DecisionSource;
import dev.veil.model.Review;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.Optional;
import java.util.function.Function;

/**
 * Words for policy changes, for the terminal ({@link #text}) and for Markdown (the changelog):
 * {@code email: public → owner-only, by alice: 'personal data'}.
 */
public final class PolicyDiffText {
    private PolicyDiffText() {
    }

    /**
     * A plain-text report: a summary line, then one line per change, widening ones marked
     * {@code widening}.
     */
    public static String text(String table, int fromVersion, int toVersion, List<PolicyChange> changes) {
        StringBuilder sb = new StringBuilder(summary(table, fromVersion, toVersion, changes)).append('\n');
        for (PolicyChange c : changes) {
            sb.append(c.widening() ? "  widening  " : "            ").append(describe(c)).append('\n');
        }
        return sb.toString();
    }

    /** {@code users: v1 → v3, 3 changes, 1 widens exposure}. */
    public static String summary(String table, int fromVersion, int toVersion, List<PolicyChange> changes) {
        long widening = changes.stream().filter(PolicyChange::widening).count();
        String head = table + ": v" + fromVersion + " → v" + toVersion + ", ";
        if (changes.isEmpty()) {
            return head + "no changes";
        }
        return head + changes.size() + (changes.size() == 1 ? " change" : " changes")
                + (widening == 0 ? ", none widens exposure" : ", " + widening + (widening == 1 ? " widens" : " widen") + " exposure");
    }

    /** One change in plain text. */
    public static String describe(PolicyChange c) {
        return describe(c, AttributePath::toString, PolicyDiffText::plain);
    }

    /**
     * One change, with {@code path} formatting attribute paths and {@code text} making free
     * text (reviewers, notes) safe for the output.
     */
    static String describe(PolicyChange c, Function<AttributePath, String> path, UnaryOperator<String> text) {
        String p = path.apply(c.path());
        String from = c.from().orElse("");
        String to = c.to().orElse("");
        String body = switch (c.kind()) {
            case ADDED -> p + ": added as " + (to.isEmpty() ? "a rule for every element, following its list's class" : to);
            case REMOVED -> p + ": rule removed (was " + (from.isEmpty() ? "following its list's class" : from) + ")";
            case CLASS_CHANGED -> p + ": " + classOrFollow(from) + " → " + classOrFollow(to);
            case TYPES_CHANGED -> p + ": observed types " + from + " → " + to;
            case OWNER_CHANGED -> "owner: " + owner(c.from(), path) + " → " + owner(c.to(), path);
            case REVIEW_CHANGED -> p + ": still " + classOrFollow(to) + ", decided again";
            case MATCH_CHANGED -> "match: " + text.apply(from) + " → " + text.apply(to);
        };
        String entity = c.entity().isEmpty() ? "" : "entity " + text.apply(c.entity()) + ": ";
        return entity + body + c.review().map(r -> reviewSuffix(r, text)).orElse("");
    }

    private static String owner(Optional<String> name, Function<AttributePath, String> path) {
        if (name.isEmpty()) {
            return "none";
        }
        try {
            return path.apply(AttributePath.parse(name.get()));
        } catch (IllegalArgumentException e) {
            return name.get(); // an entity's owner rule, "attribute = template"
        }
    }

    private static String classOrFollow(String label) {
        return label.isEmpty() ? "following its list" : label;
    }

    private static String reviewSuffix(Review r, UnaryOperator<String> text) {
        String by = ", by " + text.apply(r.reviewer());
        if (r.source() == DecisionSource.ACCEPTED_SUGGESTION) {
            by += " (accepted suggestion)";
        }
        return r.note().isBlank() ? by : by + ": '" + text.apply(r.note()) + "'";
    }

    /** Free text on one line: line breaks and other control characters become spaces. */
    static String plain(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString().strip();
    }
}
