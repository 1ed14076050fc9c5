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
 * @param decision         the current decision, if any
 * @param newSinceDecision undecided and first seen in a sampling run after the table's last decision
 */
public record ReviewRow(AttributePath path, Optional<AttributeProfile> profile, Optional<Suggestion> suggestion,
                        Optional<Decision> decision, boolean newSinceDecision) {
    public ReviewRow {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(suggestion, "suggestion");
        Objects.requireNonNull(decision, "decision");
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
