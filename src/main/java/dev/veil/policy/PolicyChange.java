package dev.veil.policy;

import dev.veil.model.AttributePath;
import dev.veil.model.Review;

import java.util.Objects;
import java.util.Optional;

/**
 * One difference between two versions of a policy.
 *
 * @param path     the rule's path; for {@link Kind#OWNER_CHANGED} the new owner attribute (the
 *                 old one when the owner was removed)
 * @param kind     what changed
 * @param from     the old value as text (a class label, comma-separated type codes, an owner
 *                 name); empty when there was none
 * @param to       the new value as text; empty when there is none
 * @param widening whether some requester may now see something they could not see before
 * @param review   the decision behind the new rule, when it has one
 * @param entity   the entity of a single-table design the change is in; empty for a table of one kind
 */
public record PolicyChange(AttributePath path, Kind kind, Optional<String> from, Optional<String> to,
                           boolean widening, Optional<Review> review, String entity) {

    /** A change in a table of one kind. */
    public PolicyChange(AttributePath path, Kind kind, Optional<String> from, Optional<String> to,
                        boolean widening, Optional<Review> review) {
        this(path, kind, from, to, widening, review, "");
    }

    /** A copy that belongs to {@code entityName}. */
    public PolicyChange inEntity(String entityName) {
        return new PolicyChange(path, kind, from, to, widening, review, entityName);
    }


    /** What kind of difference. */
    public enum Kind {
        /** A rule that the older version did not have. */
        ADDED("added"),
        /** A rule that the newer version no longer has: the path is now unknown, so secret. */
        REMOVED("removed"),
        /** A different class (for an items rule: a class of its own, or none, following its list). */
        CLASS_CHANGED("class-changed"),
        /** Different observed types. */
        TYPES_CHANGED("types-changed"),
        /** A different owner attribute, or an owner set or removed. */
        OWNER_CHANGED("owner-changed"),
        /** The same class, decided again with another reviewer, note or source. */
        REVIEW_CHANGED("review-changed"),
        /** An entity recognises its items by another test (its path is the match attribute). */
        MATCH_CHANGED("match-changed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The label used in JSON output: {@code added}, {@code class-changed}… */
        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public PolicyChange {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(entity, "entity");
    }
}
