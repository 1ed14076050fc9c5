package dev.veil.app;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Decision;
import dev.veil.model.Suggestion;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute path as a reviewer sees it: what the latest sample saw, what Veil suggests, and
 * what was decided.
 *
 * @param path             the attribute
 * @param profile          the latest sample's profile of it; empty when tagged ahead of any sample
 *                         or no longer seen
 * @param suggestion       Veil's current suggestion, re-evaluated on the latest profile
 * @param decision         the current decision, if any: the workspace's, else the latest published one
 * @param newSinceDecision undecided and first seen in a sampling run after the table's last decision
 * @param policyVersion    the published version the decision comes from; empty when this workspace
 *                         decided the path (or nobody did)
 */
public record ReviewRow(AttributePath path, Optional<AttributeProfile> profile, Optional<Suggestion> suggestion,
                        Optional<Decision> decision, boolean newSinceDecision, Optional<Integer> policyVersion) {
    public ReviewRow {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(suggestion, "suggestion");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(policyVersion, "policyVersion");
        if (policyVersion.isPresent() && decision.isEmpty()) {
            throw new IllegalArgumentException("a row of `" + path + "` names policy version " + policyVersion.get()
                    + " but holds no decision");
        }
    }

    /** A row whose decision, if any, this workspace holds. */
    public ReviewRow(AttributePath path, Optional<AttributeProfile> profile, Optional<Suggestion> suggestion,
                     Optional<Decision> decision, boolean newSinceDecision) {
        this(path, profile, suggestion, decision, newSinceDecision, Optional.empty());
    }

    /** The decision is the published one: this workspace has not decided the path. */
    public boolean fromPolicy() {
        return policyVersion.isPresent();
    }

    /** Where the decision comes from: "policy", or how the workspace's reviewer decided. */
    public Optional<String> decisionSource() {
        return decision.map(d -> fromPolicy() ? "policy" : d.source().label());
    }

    /** The profile as {@link Disclosure} lets a face show it (again: a row may come from anywhere). */
    public Optional<AttributeProfile> disclosedProfile() {
        return profile.map(p -> Disclosure.apply(p, new Disclosure.Facts(decision.map(Decision::classification),
                suggestion, profile)));
    }

    /** True when {@link Disclosure} withholds even masked examples of this path. */
    public boolean examplesWithheld() {
        return Disclosure.withholdsExamples(new Disclosure.Facts(decision.map(Decision::classification), suggestion,
                profile));
    }

    /** No reviewer has decided this path. */
    public boolean unreviewed() {
        return decision.isEmpty();
    }

    /** Decided, and the current suggestion names another class. */
    public boolean disagrees() {
        return decision.isPresent() && suggestion.isPresent()
                && decision.get().classification() != suggestion.get().classification();
    }

    /** "unreviewed", "new", "disagrees" or "reviewed", for listings. */
    public String status() {
        if (unreviewed()) {
            return newSinceDecision ? "new" : "unreviewed";
        }
        return disagrees() ? "disagrees" : "reviewed";
    }
}
