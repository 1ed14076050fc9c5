package dev.veil.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A steward's correction of the entities Veil found in a single-table design, one line of an
 * append-only log: a rename, a merge, a picked discriminator (marker), a split (a new entity with
 * its own match) or a reset that drops every earlier correction of the table.
 *
 * @param sequence  the log's order (0 before it is recorded)
 * @param table     the table
 * @param kind      what the correction does
 * @param entity    the entity it names or makes (empty for a marker or a reset)
 * @param sources   the entities it renames or merges (empty otherwise)
 * @param match     the entity's match after the correction, when it has one
 * @param marker    the marker attribute picked, for a marker correction
 * @param reviewer  who decided
 * @param at        when
 * @param note      why
 */
public record EntityCorrection(long sequence, String table, Kind kind, String entity, List<String> sources,
                               Optional<EntityMatch> match, Optional<String> marker, String reviewer, Instant at,
                               String note) {

    /** The corrections a steward can make. */
    public enum Kind {
        RENAME("rename"), MERGE("merge"), MARKER("marker"), ADD("add"), RESET("reset");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The stored and printed name. */
        public String label() {
            return label;
        }

        /** The kind labelled {@code label}. */
        public static Kind of(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no entity correction \"" + label + "\"");
        }
    }

    public EntityCorrection {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entity, "entity");
        sources = List.copyOf(sources);
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(note, "note");
    }

    /** A copy carrying the sequence number the log gave it. */
    public EntityCorrection withSequence(long seq) {
        return new EntityCorrection(seq, table, kind, entity, sources, match, marker, reviewer, at, note);
    }

    /** What the correction did, in words for a log line. */
    public String describe() {
        return switch (kind) {
            case RENAME -> "renamed \"" + sources.get(0) + "\" to \"" + entity + "\"";
            case MERGE -> "merged " + String.join(", ", sources.stream().map(s -> "\"" + s + "\"").toList())
                    + " into \"" + entity + "\"" + match.map(m -> " (" + m + ")").orElse("");
            case MARKER -> "picked marker " + marker.orElse("?") + " to tell kinds apart";
            case ADD -> "added \"" + entity + "\"" + match.map(m -> " (" + m + ")").orElse("");
            case RESET -> "dropped every earlier correction";
        };
    }
}
