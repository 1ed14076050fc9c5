package dev.veil.model;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of drift finding, with the labels reports use. */
public enum FindingKind {
    /** Observed, but not in the published policy. */
    NEW_ATTRIBUTE("new-attribute"),
    /** Observed types differ from the policy's. */
    TYPE_CHANGE("type-change"),
    /** In the policy, but not seen in a sample large enough to expect it. */
    MISSING_ATTRIBUTE("missing-attribute"),
    /** Decisions missing or not yet published. */
    UNREVIEWED("unreviewed"),
    /** A table with no published policy at all. */
    NO_POLICY("no-policy"),
    /** The same attribute classified differently in different tables. */
    INCONSISTENT_CLASS("inconsistent-class"),
    /** A secondary index projects a secret attribute. */
    INDEX_EXPOSURE("index-exposure"),
    /** A secret attribute is part of a table or index key. */
    KEY_EXPOSURE("key-exposure"),
    /** Attributes appeared or vanished between sampling runs. */
    HISTORY("history"),
    /** A waiver whose date has passed: the finding it acknowledged counts again. */
    EXPIRED_WAIVER("expired-waiver"),
    /** A waiver that matches no finding any more, so it can be removed. */
    UNUSED_WAIVER("unused-waiver"),
    /** Sampled items of a kind that no entity of the published policy recognises: every sanitizer drops them. */
    NEW_ENTITY("new-entity"),
    /** An entity of the published policy that a sample large enough to expect it did not show. */
    MISSING_ENTITY("missing-entity");

    private final String label;

    FindingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<FindingKind> fromLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
