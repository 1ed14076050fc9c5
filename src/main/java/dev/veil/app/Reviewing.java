package dev.veil.app;

import dev.veil.inference.suggest.SuggestionEngine;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.AuditEntry;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.DecisionSource;
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

    /** Every path sampled or decided, sorted by path. */
    public List<ReviewRow> rows(String table) {
        return Failures.translate(() -> {
            Workspace ws = veil.workspace();
            Optional<TableProfile> profile = ws.latestProfile(table);
            SuggestionEngine engine = SuggestionEngine.standard();
            Map<AttributePath, Suggestion> suggestions = profile.isPresent() ? engine.suggest(profile.get()) : Map.of();
            Map<AttributePath, Decision> decisions = ws.decisions(table).stream()
                    .collect(Collectors.toMap(Decision::path, Function.identity()));
            Map<AttributePath, Optional<AttributeProfile>> paths = new TreeMap<>();
            profile.ifPresent(p -> p.attributes().forEach(a -> paths.put(a.path(), Optional.of(a))));
            decisions.keySet().forEach(p -> paths.putIfAbsent(p, Optional.empty()));
            Set<AttributePath> knownAtLastDecision = pathsKnownAtLastDecision(ws, table, decisions.values());
            List<ReviewRow> rows = new ArrayList<>();
            paths.forEach((path, attr) -> {
                Optional<Suggestion> suggestion = Optional.ofNullable(suggestions.get(path))
                        .or(() -> attr.isEmpty() ? engine.suggest(path, Optional.empty())
                                : Optional.empty());
                Optional<Decision> decision = Optional.ofNullable(decisions.get(path));
                boolean isNew = decision.isEmpty() && !decisions.isEmpty() && !knownAtLastDecision.contains(path);
                rows.add(new ReviewRow(path, attr, suggestion, decision, isNew));
            });
            return rows;
        });
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

    /** Records {@code classification} for every path, as one all-or-nothing change. */
    public List<AuditEntry> tag(String table, List<AttributePath> paths, Classification classification,
                                String reviewer, String note) {
        Instant now = Instant.now();
        List<Decision> batch = paths.stream()
                .map(p -> new Decision(table, p, classification, reviewer, now, note, DecisionSource.MANUAL))
                .toList();
        return Failures.translate(() -> veil.workspace().record(batch));
    }

    /**
     * Gives each path its earlier decision's class and note again, as new manual decisions by
     * {@code reviewer} (the audit log keeps both the change and its undoing), all or nothing.
     */
    public List<AuditEntry> restore(String table, List<Decision> earlier, String reviewer) {
        Instant now = Instant.now();
        List<Decision> batch = earlier.stream()
                .map(d -> new Decision(table, d.path(), d.classification(), reviewer, now,
                        d.note().isBlank() ? "undo" : "undo: " + d.note(), DecisionSource.MANUAL))
                .toList();
        return Failures.translate(() -> veil.workspace().record(batch));
    }

    /**
     * Accepts every current suggestion at or above {@code minConfidence} for paths nobody has
     * decided yet, as one all-or-nothing change recorded as accepted suggestions.
     */
    public List<AuditEntry> acceptSuggestions(String table, double minConfidence, String reviewer) {
        if (minConfidence < 0 || minConfidence > 1) {
            throw VeilException.badInput("--min-confidence must lie between 0 and 1, was " + minConfidence);
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
