package dev.veil.app;

import dev.veil.inference.suggest.SuggestionEngine;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.AuditEntry;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.DecisionSource;
import dev.veil.model.Policy;
import dev.veil.model.Retraction;
import dev.veil.model.Suggestion;
import dev.veil.model.TableProfile;
import dev.veil.workspace.SampleRun;
import dev.veil.workspace.Workspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reviewers' side of Veil: the review listing, tagging one or many paths, accepting suggestions in
 * bulk, and the audit log. Every change goes through the workspace in one transaction with its
 * audit entries.
 */
public final class Reviewing {

    private final Veil veil;

    Reviewing(Veil veil) {
        this.veil = veil;
    }

    /** The reviewer name used when none is given: the operating-system user. */
    public static String defaultReviewer() {
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }

    /**
     * Every path sampled or decided, sorted by path. Where this workspace holds no decision, the
     * latest published version's decision stands (the policy store is the source of truth).
     */
    public List<ReviewRow> rows(String table) {
        veil.knownTables().require(table);
        return rowsOf(table);
    }

    /** {@link #rows} of a table known to exist. */
    List<ReviewRow> rowsOf(String table) {
        return Failures.translate(() -> {
            Workspace ws = veil.workspace();
            Optional<TableProfile> profile = ws.latestProfile(table);
            SuggestionEngine engine = SuggestionEngine.standard();
            Map<AttributePath, Suggestion> suggestions = profile.isPresent() ? engine.suggest(profile.get()) : Map.of();
            Baseline baseline = baseline(table);
            Map<AttributePath, Decision> decisions = baseline.decisions();
            Map<AttributePath, Optional<AttributeProfile>> paths = new TreeMap<>();
            Function<AttributePath, Optional<Classification>> decided =
                    p -> Optional.ofNullable(decisions.get(p)).map(Decision::classification);
            profile.map(p -> Disclosure.apply(p, suggestions, decided))
                    .ifPresent(p -> p.attributes().forEach(a -> paths.put(a.path(), Optional.of(a))));
            decisions.keySet().forEach(p -> paths.putIfAbsent(p, Optional.empty()));
            Set<AttributePath> knownAtLastDecision = pathsKnownAtLastDecision(ws, table, decisions.values());
            List<ReviewRow> rows = new ArrayList<>();
            paths.forEach((path, attr) -> {
                Optional<Suggestion> suggestion = Optional.ofNullable(suggestions.get(path))
                        .or(() -> attr.isEmpty() ? engine.suggest(path, Optional.empty())
                                : Optional.empty());
                Optional<Decision> decision = Optional.ofNullable(decisions.get(path));
                boolean isNew = decision.isEmpty() && !decisions.isEmpty() && !knownAtLastDecision.contains(path);
                rows.add(new ReviewRow(path, attr, suggestion, decision, isNew, baseline.policyVersion(path)));
            });
            return rows;
        });
    }

    /** The workspace's decisions over the latest published version's. */
    Baseline baseline(String table) {
        return Failures.translate(() -> Baseline.of(table, veil.policyStore().latest(table),
                veil.workspace().decisions(table)));
    }

    /** Paths any sampling run up to the latest decision had seen. */
    private static Set<AttributePath> pathsKnownAtLastDecision(Workspace ws, String table,
                                                               java.util.Collection<Decision> decisions) {
        Optional<Instant> last = decisions.stream().map(Decision::decidedAt).max(Instant::compareTo);
        Set<AttributePath> known = new HashSet<>();
        if (last.isEmpty()) {
            return known;
        }
        for (SampleRun run : ws.runs(table)) {
            if (!run.sampledAt().isAfter(last.get())) {
                ws.profile(run.id()).attributes().forEach(a -> known.add(a.path()));
            }
        }
        return known;
    }

    /**
     * Records {@code classification} for every path, as one all-or-nothing change. Refuses
     * ({@link UnknownPathException}) a path that no stored sample, no published version and no
     * earlier decision of the table holds, unless {@code allowNewPath}: a typo must not become a
     * rule.
     */
    public List<AuditEntry> tag(String table, List<AttributePath> paths, Classification classification,
                                String reviewer, String note, boolean allowNewPath) {
        veil.knownTables().require(table);
        if (!allowNewPath) {
            Set<AttributePath> known = knownPaths(table);
            paths.stream().filter(p -> !known.contains(p)).findFirst().ifPresent(p -> {
                throw unknownPath(table, p, known);
            });
        }
        Instant now = Instant.now();
        List<Decision> batch = paths.stream()
                .map(p -> new Decision(table, p, classification, reviewer, now, note, DecisionSource.MANUAL))
                .toList();
        return Failures.translate(() -> veil.workspace().record(batch));
    }

    /** {@link #tag(String, List, Classification, String, String, boolean)} of known paths only. */
    public List<AuditEntry> tag(String table, List<AttributePath> paths, Classification classification,
                                String reviewer, String note) {
        return tag(table, paths, classification, reviewer, note, false);
    }

    /** Every path any stored sample, any published version or any decision of {@code table} holds. */
    public Set<AttributePath> knownPaths(String table) {
        return Failures.translate(() -> {
            Workspace ws = veil.workspace();
            Set<AttributePath> known = new HashSet<>();
            for (SampleRun run : ws.runs(table)) {
                ws.profile(run.id()).attributes().forEach(a -> known.add(a.path()));
            }
            for (Policy p : veil.policyStore().history(table)) {
                PolicyEntry.of(p).forEach(e -> known.add(e.path()));
            }
            ws.decisions(table).forEach(d -> known.add(d.path()));
            return known;
        });
    }

    private static UnknownPathException unknownPath(String table, AttributePath path, Set<AttributePath> known) {
        if (known.isEmpty()) {
            return new UnknownPathException("nothing is known about the attributes of " + table + ": no stored sample, "
                    + "no published policy and no decision holds `" + path + "`; sample the table first (veil sample "
                    + table + "), or check the table's name", path, List.of());
        }
        List<AttributePath> close = ClosePaths.to(path, known);
        String hint = close.isEmpty() ? "check the spelling; veil review " + table + " lists every known path"
                : "did you mean " + close.stream().map(c -> "`" + c + "`").collect(Collectors.joining(" or ")) + "?";
        return new UnknownPathException(table + " has no attribute `" + path + "` in any stored sample or published "
                + "version; " + hint, path, close);
    }

    /**
     * Takes a change back, all or nothing, as new manual entries by {@code reviewer} (the audit
     * log keeps both the change and its undoing): each path of {@code earlier} gets its earlier
     * class and note again, and each path of {@code firstDecided}, which had no decision of this
     * workspace before the change, goes back to unreviewed (or to its published class).
     */
    public List<AuditEntry> undo(String table, List<Decision> earlier, List<AttributePath> firstDecided,
                                 String reviewer) {
        Instant now = Instant.now();
        List<Decision> batch = earlier.stream()
                .map(d -> new Decision(table, d.path(), d.classification(), reviewer, now,
                        d.note().isBlank() ? "undo" : "undo: " + d.note(), DecisionSource.MANUAL))
                .toList();
        List<Retraction> retractions = firstDecided.stream()
                .map(p -> new Retraction(table, p, reviewer, now, "undo")).toList();
        return Failures.translate(() -> veil.workspace().record(batch, retractions));
    }

    /**
     * Takes the workspace's decision of each path back, so each is unreviewed again, or stands at
     * its published class where a published version classifies it; one all-or-nothing change. A
     * path this workspace never decided is refused ({@link UnknownPathException}, with the
     * closest decided paths), since there is nothing to take back.
     */
    public List<AuditEntry> clear(String table, List<AttributePath> paths, String reviewer, String note) {
        veil.knownTables().require(table);
        Set<AttributePath> decided = Failures.translate(() -> veil.workspace().decisions(table).stream()
                .map(Decision::path).collect(Collectors.toSet()));
        paths.stream().filter(p -> !decided.contains(p)).findFirst().ifPresent(p -> {
            List<AttributePath> close = ClosePaths.to(p, decided);
            throw new UnknownPathException("this workspace holds no decision of " + table + " `" + p
                    + "` to take back" + (close.isEmpty() ? "; the review of " + table + " lists every decided path"
                    : "; did you mean " + close.stream().map(c -> "`" + c + "`").collect(Collectors.joining(" or "))
                    + "?"), p, close);
        });
        Instant now = Instant.now();
        List<Retraction> retractions = paths.stream().map(p -> new Retraction(table, p, reviewer, now, note)).toList();
        return Failures.translate(() -> veil.workspace().record(List.of(), retractions));
    }

    /**
     * Accepts every current suggestion at or above {@code minConfidence} for paths nobody has
     * decided yet, as one all-or-nothing change recorded as accepted suggestions.
     */
    public List<AuditEntry> acceptSuggestions(String table, double minConfidence, String reviewer) {
        if (minConfidence < 0 || minConfidence > 1) {
            throw VeilException.badInput(Input.MIN_CONFIDENCE, "the minimum confidence must lie between 0 and 1, was "
                    + minConfidence);
        }
        Instant now = Instant.now();
        List<Decision> batch = rows(table).stream()
                .filter(ReviewRow::unreviewed)
                .filter(r -> r.suggestion().filter(s -> s.confidence() >= minConfidence).isPresent())
                .map(r -> new Decision(table, r.path(), r.suggestion().get().classification(), reviewer, now,
                        "accepted suggestion (" + Math.round(r.suggestion().get().confidence() * 100) + "%): "
                                + String.join("; ", r.suggestion().get().reasons()),
                        DecisionSource.ACCEPTED_SUGGESTION))
                .toList();
        return Failures.translate(() -> veil.workspace().record(batch));
    }

    /** The audit log, oldest first, for one table or all. */
    public List<AuditEntry> auditLog(Optional<String> table) {
        return Failures.translate(() -> veil.workspace().auditLog(table));
    }

    /** True when the workspace holds a sampling run of {@code table}. */
    public boolean hasBeenSampled(String table) {
        return Failures.translate(() -> !veil.workspace().runs(table).isEmpty());
    }
}
