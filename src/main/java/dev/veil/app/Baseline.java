package dev.veil.app;

import dev.veil.model.AttributePath;
import dev.veil.model.Decision;
import dev.veil.model.DecisionSource;
import dev.veil.model.Policy;
import dev.veil.model.Publication;
import dev.veil.model.Review;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A table's current decisions as review and publishing see them: the workspace's own decisions,
 * and for every path the workspace has not decided, the decision the latest published version
 * records. The policy store is the source of truth; a workspace holds one steward's drafts.
 *
 * @param latest    the latest published version, if any
 * @param decisions the current decision of every decided path, by path
 * @param fromPolicy paths whose current decision is the published one, not the workspace's
 */
record Baseline(Optional<Policy> latest, Map<AttributePath, Decision> decisions,
                Map<AttributePath, Integer> fromPolicy) {

    /** Who decided a rule that a policy file holds without a review (hand-written or very old files). */
    static final String UNKNOWN_REVIEWER = "unknown";

    Baseline {
        decisions = Map.copyOf(decisions);
        fromPolicy = Map.copyOf(fromPolicy);
    }

    /** The workspace's decisions over the published ones of {@code latest}. */
    static Baseline of(String table, Optional<Policy> latest, Collection<Decision> workspace) {
        Map<AttributePath, Decision> decisions = new TreeMap<>();
        Map<AttributePath, Integer> fromPolicy = new TreeMap<>();
        latest.ifPresent(policy -> PolicyEntry.of(policy).forEach(entry -> entry.classification().ifPresent(c -> {
            Review review = entry.review().orElseGet(() -> unknownReview(policy));
            decisions.put(entry.path(), new Decision(table, entry.path(), c, review.reviewer(), review.at(),
                    review.note(), review.source()));
            fromPolicy.put(entry.path(), policy.version());
        })));
        for (Decision d : workspace) {
            decisions.put(d.path(), d);
            fromPolicy.remove(d.path());
        }
        return new Baseline(latest, decisions, fromPolicy);
    }

    private static Review unknownReview(Policy policy) {
        Instant at = policy.published().map(Publication::at).orElse(Instant.EPOCH);
        return new Review(UNKNOWN_REVIEWER, at, "", DecisionSource.MANUAL);
    }

    /** The published version a path's current decision comes from; empty when the workspace decided it. */
    Optional<Integer> policyVersion(AttributePath path) {
        return Optional.ofNullable(fromPolicy.get(path));
    }

    /** True when no decision is known at all, neither drafted nor published. */
    boolean isEmpty() {
        return decisions.isEmpty();
    }
}
