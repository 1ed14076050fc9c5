package dev.veil.drift;

import dev.veil.model.AttributePath;
import dev.veil.model.FindingKind;
import dev.veil.model.TableProfile;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Since when a finding has been seen: the first sampling run of the unbroken series, ending with the
 * audited sample, that shows the same thing. For a finding about an attribute the audited sample holds,
 * the runs that held it; for one it lacks ({@code missing-attribute}), the runs that lacked it; for a
 * table-wide finding, the oldest run the audit loaded. Only the runs the audit loads count (the app
 * passes a bounded history), so "since" is at most that far back.
 */
final class FirstSeen {

    private FirstSeen() {
    }

    static List<ReportedFinding> stamp(List<ReportedFinding> entries, List<TableEvidence> views) {
        Map<String, TableEvidence> byTable = new HashMap<>();
        views.forEach(v -> byTable.put(key(v.table(), v.entity()), v));
        // A finding of an entity the audit has no scope for (a new or missing one) dates from the table's runs.
        return entries.stream().map(e -> e.withSince(Optional.ofNullable(byTable.get(key(e.finding().table(),
                        e.finding().entity()))).or(() -> Optional.ofNullable(byTable.get(key(e.finding().table(),
                        Optional.empty())))).flatMap(v -> since(v, e)))).toList();
    }

    private static String key(String table, Optional<String> entity) {
        return table + "\u0000" + entity.orElse("");
    }

    private static Optional<Instant> since(TableEvidence v, ReportedFinding e) {
        if (e.finding().kind() == FindingKind.EXPIRED_WAIVER || e.finding().kind() == FindingKind.UNUSED_WAIVER) {
            return Optional.empty();
        }
        List<TableProfile> runs = v.runs();
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        Optional<AttributePath> path = e.finding().path();
        if (path.isEmpty()) {
            return Optional.of(runs.get(0).sampledAt());
        }
        java.util.function.Predicate<TableProfile> holds = run -> holds(run, path.get());
        if (e.finding().kind() == FindingKind.NEW_ENTITY || e.finding().kind() == FindingKind.MISSING_ENTITY) {
            // About a kind of item: the runs that found it (new) or did not (missing).
            String kind = e.finding().entity().orElse("");
            holds = run -> run.entity(kind).isPresent();
        }
        boolean present = holds.test(runs.get(runs.size() - 1));
        int first = runs.size() - 1;
        while (first > 0 && holds.test(runs.get(first - 1)) == present) {
            first--;
        }
        return Optional.of(runs.get(first).sampledAt());
    }

    private static boolean holds(TableProfile run, AttributePath path) {
        return run.attributes().stream().anyMatch(a -> a.path().equals(path));
    }
}
