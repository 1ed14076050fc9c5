package dev.veil.app;

import dev.veil.model.AttributePath;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The known paths closest to a mistyped one, for "did you mean". Compares the printed paths with
 * the list steps ({@code []}) and letter case set aside, so that {@code orders.total} finds
 * {@code orders[].total} and {@code Email} finds {@code email}; then by edit distance, allowing
 * about one edit in three characters. A path whose last name matches exactly is close too
 * ({@code total} finds {@code orders[].total}).
 */
final class ClosePaths {
    private static final int LIMIT = 3;

    private ClosePaths() {
    }

    /** At most three known paths close to {@code wanted}, closest first. */
    static List<AttributePath> to(AttributePath wanted, Collection<AttributePath> known) {
        String w = loose(wanted);
        int allowed = Math.max(2, w.length() / 3);
        return known.stream()
                .map(k -> new Scored(k, score(wanted, w, k)))
                .filter(s -> s.score() <= allowed)
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::path))
                .limit(LIMIT)
                .map(Scored::path)
                .toList();
    }

    private record Scored(AttributePath path, int score) {
    }

    private static int score(AttributePath wanted, String looseWanted, AttributePath known) {
        int distance = distance(looseWanted, loose(known));
        String leaf = lastName(known);
        boolean sameLeaf = !(known.isTopLevel() && wanted.isTopLevel()) && !leaf.isEmpty() && leaf.equals(lastName(wanted));
        return sameLeaf ? Math.min(distance, 1) : distance;
    }

    private static String lastName(AttributePath p) {
        return p.endsWithElements() ? "" : p.lastName().toLowerCase(Locale.ROOT);
    }

    private static String loose(AttributePath p) {
        return p.toString().replace("[]", "").toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int subst = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(subst, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
