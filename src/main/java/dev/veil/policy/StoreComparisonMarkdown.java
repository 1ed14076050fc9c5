package dev.veil.policy;

import java.util.List;

/**
 * A {@link StoreComparison} as Markdown for a pull-request comment: a verdict line, a table of
 * the tables that changed, then per table the widening changes first and any rewritten or
 * removed version. Names and notes are escaped, so a hostile attribute name cannot inject markup.
 */
public final class StoreComparisonMarkdown {
    private StoreComparisonMarkdown() {
    }

    /** The comment text, ending in a newline. */
    public static String write(StoreComparison c) {
        StringBuilder sb = new StringBuilder("## Veil policy check: ");
        long failing = c.tables().stream().filter(StoreComparison.Table::fails).count();
        sb.append(failing == 0 ? "passed" : "failed, " + failing + (failing == 1 ? " table needs" : " tables need")
                + " a reviewer").append("\n\n");
        List<StoreComparison.Table> touched = c.tables().stream()
                .filter(t -> t.status() != StoreComparison.Status.UNCHANGED || t.fails()).toList();
        if (touched.isEmpty()) {
            sb.append("No policy changed against the base (").append(count(c.tables().size(), "table"))
                    .append(" compared).\n");
            return sb.toString();
        }
        sb.append("| table | base | this branch | changes | widening | history |\n|---|---|---|---|---|---|\n");
        for (StoreComparison.Table t : touched) {
            sb.append("| ").append(Changelog.code(t.table()))
                    .append(" | ").append(t.baseVersion().map(v -> "v" + v).orElse("none"))
                    .append(" | ").append(t.version().map(v -> "v" + v).orElse("none"))
                    .append(" | ").append(t.status() == StoreComparison.Status.CHANGED ? t.changes().size() : t.status().label())
                    .append(" | ").append(t.widening().isEmpty() ? "0" : "**" + t.widening().size() + "**")
                    .append(" | ").append(history(t)).append(" |\n");
        }
        for (StoreComparison.Table t : touched) {
            section(sb, t);
        }
        return sb.toString();
    }

    private static String history(StoreComparison.Table t) {
        if (t.rewritten().isEmpty() && t.removed().isEmpty()) {
            return "kept";
        }
        StringBuilder sb = new StringBuilder("**");
        if (!t.rewritten().isEmpty()) {
            sb.append("rewritten ").append(versions(t.rewritten()));
        }
        if (!t.removed().isEmpty()) {
            sb.append(t.rewritten().isEmpty() ? "" : ", ").append("removed ").append(versions(t.removed()));
        }
        return sb.append("**").toString();
    }

    private static void section(StringBuilder sb, StoreComparison.Table t) {
        sb.append("\n### ").append(Changelog.code(t.table())).append(": ")
                .append(t.baseVersion().map(v -> "v" + v).orElse("no policy")).append(" → ")
                .append(t.version().map(v -> "v" + v).orElse("no policy")).append("\n");
        if (!t.rewritten().isEmpty() || !t.removed().isEmpty()) {
            sb.append("\nPublished versions are never rewritten or removed; restore ")
                    .append(versions(concat(t.rewritten(), t.removed())))
                    .append(" from the base branch and publish a new version instead.\n");
        }
        if (t.status() == StoreComparison.Status.NEW) {
            sb.append("\nThe base branch has no policy of this table: review the new policy as a whole.\n");
        }
        List<PolicyChange> widening = t.widening();
        if (!widening.isEmpty()) {
            sb.append("\n**Widens exposure**\n\n");
            widening.forEach(ch -> item(sb, ch));
        }
        List<PolicyChange> other = t.changes().stream().filter(ch -> !ch.widening()).toList();
        if (!other.isEmpty()) {
            sb.append("\n**Other changes**\n\n");
            other.forEach(ch -> item(sb, ch));
        }
    }

    private static void item(StringBuilder sb, PolicyChange c) {
        sb.append("- ").append(PolicyDiffText.describe(c, p -> Changelog.code(p.toString()), Changelog::escape)).append('\n');
    }

    private static List<Integer> concat(List<Integer> a, List<Integer> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).sorted().toList();
    }

    private static String versions(List<Integer> vs) {
        return String.join(", ", vs.stream().map(v -> "v" + v).toList());
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
