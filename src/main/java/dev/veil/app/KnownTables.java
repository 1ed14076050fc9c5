package dev.veil.app;

import dev.veil.dynamo.DynamoAccessException;
import dev.veil.dynamo.TableCatalog;
import dev.veil.policy.PolicyStore;
import dev.veil.workspace.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The one rule for a table a command names: it must exist in DynamoDB, have a sample in the
 * workspace, or have a published policy. Otherwise the command is refused as bad input (exit 2) with
 * the closest names Veil knows, before anything is written. Local knowledge is checked first, so a
 * table with a sample or a policy never needs DynamoDB.
 */
final class KnownTables {

    private static final int SUGGESTIONS = 3;

    private final Veil veil;

    KnownTables(Veil veil) {
        this.veil = veil;
    }

    /** Returns normally when {@code table} is known; throws a bad-input {@link VeilException} otherwise. */
    void require(String table) {
        if (knownLocally(table)) {
            return;
        }
        try {
            new TableCatalog(veil.dynamo()).describe(table);
        } catch (DynamoAccessException e) {
            if (e.kind() == DynamoAccessException.Kind.NOT_FOUND) {
                throw VeilException.badInput(unknown(table));
            }
            Failures.run(() -> {
                throw e;
            });
        }
    }

    /** The message for a table that is nowhere: not in DynamoDB, not sampled, no policy. */
    String unknown(String table) {
        List<String> close = closest(table);
        return "no table '" + table + "': it does not exist at " + veil.settings().endpoint().map(Object::toString)
                .orElse("AWS" + veil.settings().region().map(r -> " (" + r + ")").orElse("")) + ", this workspace has no sample of it"
                + " and " + veil.settings().policies() + " holds no policy for it"
                + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
                + " List the tables with veil tables, or check the endpoint, region, workspace and policy store in use.";
    }

    private boolean knownLocally(String table) {
        return Failures.translate(() -> {
            PolicyStore store = veil.policyStore();
            if (!store.versions(table).isEmpty()) {
                return true;
            }
            Workspace ws = veil.workspace();
            return !ws.runs(table).isEmpty() || !ws.decisions(table).isEmpty();
        });
    }

    /** Up to three known names closest to {@code table}, by edit distance, ignoring case. */
    List<String> closest(String table) {
        TreeSet<String> names = new TreeSet<>();
        try {
            names.addAll(veil.policyStore().tables());
            names.addAll(veil.workspace().profiledTables());
            names.addAll(veil.workspace().reviewedTables());
        } catch (RuntimeException e) {
            // Suggestions are a courtesy: an unreadable store or workspace reports itself elsewhere.
        }
        try {
            names.addAll(new TableCatalog(veil.dynamo()).tableNames());
        } catch (RuntimeException e) {
            // Likewise for DynamoDB: the names Veil holds locally still help.
        }
        String wanted = table.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, wanted.length() / 3);
        return new ArrayList<>(names.stream()
                .filter(n -> distance(wanted, n.toLowerCase(Locale.ROOT)) <= limit
                        || n.toLowerCase(Locale.ROOT).contains(wanted) || wanted.contains(n.toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparingInt((String n) -> distance(wanted, n.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(SUGGESTIONS).toList());
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
