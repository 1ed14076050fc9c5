package dev.veil.policy;

import dev.veil.model.Policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A policy store compared with its base (the same store on a pull request's target branch): per
 * table, what the latest version changes against the base's latest, and which base versions were
 * rewritten or removed. Published versions are immutable, so a rewritten or removed one fails the
 * comparison like a widening change does.
 *
 * @param tables every table of either store, by name
 */
public record StoreComparison(List<Table> tables) {

    /** How a table's policies differ between the base and the store. */
    public enum Status {
        /** The same versions in both. */
        UNCHANGED("unchanged"),
        /** New versions on top of the base's. */
        CHANGED("changed"),
        /** Policies of a table the base has none of. */
        NEW("new"),
        /** The base has policies of the table, the store none. */
        REMOVED("removed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One table compared.
     *
     * @param table       the table
     * @param status      how it differs
     * @param baseVersion the base's latest version; empty when the base has none
     * @param version     the store's latest version; empty when the store has none
     * @param changes     from the base's latest version to the store's (empty unless CHANGED)
     * @param rewritten   base versions whose file the store holds with other content
     * @param removed     base versions the store no longer holds
     */
    public record Table(String table, Status status, Optional<Integer> baseVersion, Optional<Integer> version,
                       List<PolicyChange> changes, List<Integer> rewritten, List<Integer> removed) {
        public Table {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(baseVersion, "baseVersion");
            Objects.requireNonNull(version, "version");
            changes = List.copyOf(changes);
            rewritten = List.copyOf(rewritten);
            removed = List.copyOf(removed);
        }

        /** The changes that widen exposure. */
        public List<PolicyChange> widening() {
            return changes.stream().filter(PolicyChange::widening).toList();
        }

        /** True when this table fails the check: it widens exposure or rewrites history. */
        public boolean fails() {
            return !widening().isEmpty() || !rewritten.isEmpty() || !removed.isEmpty();
        }
    }

    public StoreComparison {
        tables = List.copyOf(tables);
    }

    /** True when any table fails the check. */
    public boolean fails() {
        return tables.stream().anyMatch(Table::fails);
    }

    /**
     * Compares {@code store} with {@code base}; both must be valid stores.
     *
     * @throws PolicyValidationException when either store's versions are invalid
     */
    public static StoreComparison of(PolicyStore store, PolicyStore base) {
        TreeSet<String> names = new TreeSet<>(store.tables());
        names.addAll(base.tables());
        List<Table> out = new ArrayList<>();
        for (String name : names) {
            out.add(table(name, byVersion(store.history(name)), byVersion(base.history(name))));
        }
        return new StoreComparison(out);
    }

    private static TreeMap<Integer, Policy> byVersion(List<Policy> history) {
        TreeMap<Integer, Policy> out = new TreeMap<>();
        history.forEach(p -> out.put(p.version(), p));
        return out;
    }

    private static Table table(String name, TreeMap<Integer, Policy> head, TreeMap<Integer, Policy> base) {
        Optional<Policy> headLatest = latest(head);
        Optional<Policy> baseLatest = latest(base);
        List<Integer> rewritten = new ArrayList<>();
        List<Integer> removed = new ArrayList<>();
        base.forEach((v, p) -> {
            Policy h = head.get(v);
            if (h == null) {
                removed.add(v);
            } else if (!h.digest().equals(p.digest())) {
                rewritten.add(v);
            }
        });
        Optional<Integer> baseVersion = baseLatest.map(Policy::version);
        Optional<Integer> version = headLatest.map(Policy::version);
        if (baseLatest.isEmpty()) {
            return new Table(name, Status.NEW, baseVersion, version, List.of(), rewritten, removed);
        }
        if (headLatest.isEmpty()) {
            return new Table(name, Status.REMOVED, baseVersion, version, List.of(), rewritten, removed);
        }
        boolean same = baseVersion.equals(version) && rewritten.isEmpty();
        List<PolicyChange> changes = same ? List.of() : PolicyDiff.between(baseLatest.get(), headLatest.get());
        return new Table(name, same ? Status.UNCHANGED : Status.CHANGED, baseVersion, version, changes, rewritten,
                removed);
    }

    private static Optional<Policy> latest(TreeMap<Integer, Policy> versions) {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }
}
