package dev.veil.drift;

import dev.veil.model.AttributePath;
import dev.veil.model.Finding;
import dev.veil.model.FindingKind;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A finding a team has acknowledged until a date: reported apart as waived and not counted for
 * {@code --fail-on} while {@code until} has not passed (the waiver holds through that whole day, UTC).
 *
 * @param table  the table of the finding
 * @param path   the attribute of the finding
 * @param kind   the kind of the finding
 * @param entity the entity of the finding in a single-table design; empty for a table of one kind
 * @param reason why the finding is acceptable for now, for the reviewer of the pull request
 * @param by     who waived it
 * @param until  the last day the waiver holds
 */
public record Waiver(String table, AttributePath path, FindingKind kind, Optional<String> entity, String reason,
                     String by, LocalDate until) {

    /** The order of {@code waivers.json}: table, path, kind, entity. */
    public static final Comparator<Waiver> ORDER = Comparator.comparing(Waiver::table)
            .thenComparing(Waiver::path).thenComparing(Waiver::kind)
            .thenComparing(w -> w.entity().orElse(""));

    public Waiver {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(until, "until");
    }

    /** True when this waiver is about {@code f} (expired or not). */
    public boolean matches(Finding f) {
        return entity.equals(f.entity()) && f.table().equals(table) && f.kind() == kind && f.path().equals(Optional.of(path));
    }

    /** True when the waiver no longer holds on {@code today}. */
    public boolean expiredOn(LocalDate today) {
        return today.isAfter(until);
    }

    /** True when {@code other} waives the same finding (same table, path, kind and entity). */
    public boolean sameFindingAs(Waiver other) {
        return ORDER.compare(this, other) == 0;
    }
}
