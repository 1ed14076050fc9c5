package dev.veil.app;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.AuditEntry;
import dev.veil.model.Decision;
import dev.veil.model.DecisionSource;
import dev.veil.model.DynamoType;
import dev.veil.model.EntityCorrection;
import dev.veil.model.EntityMatch;
import dev.veil.model.EntityProfile;
import dev.veil.model.OwnerDecision;
import dev.veil.model.OwnerRule;
import dev.veil.model.TableProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A steward's corrections of the entities Veil found in a single-table design: rename, merge,
 * split off a new entity with its own match, pick the marker that tells kinds apart, or drop the
 * corrections. Each is checked whole before anything is stored, then recorded in the workspace's
 * append-only log (who, when, what, why). Decisions and owners follow a renamed or merged entity:
 * they are recorded again under its new name, as audited entries.
 */
public final class EntityEditing {

    private final Veil veil;

    EntityEditing(Veil veil) {
        this.veil = veil;
    }

    /** One entity as {@link #list} shows it. */
    public record Row(String name, Optional<EntityMatch> match, long itemsSampled, double share,
                      Optional<String> correction, boolean sampled) {
        public Row {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(match, "match");
            Objects.requireNonNull(correction, "correction");
        }
    }

    /**
     * The entities of a table's latest sample (as corrected) and those the corrections make that the
     * sample does not hold yet, with the corrections in force and the picked marker.
     */
    public record Listing(String table, long itemsSampled, List<Row> entities, Optional<String> marker,
                          List<EntityCorrection> corrections) {
        public Listing {
            Objects.requireNonNull(table, "table");
            entities = List.copyOf(entities);
            Objects.requireNonNull(marker, "marker");
            corrections = List.copyOf(corrections);
        }
    }

    /** What a correction did: the entry recorded, the decisions carried over and when it takes effect. */
    public record Outcome(EntityCorrection correction, List<AuditEntry> decisionsCarried, String effect) {
        public Outcome {
            Objects.requireNonNull(correction, "correction");
            decisionsCarried = List.copyOf(decisionsCarried);
            Objects.requireNonNull(effect, "effect");
        }
    }

    /** The entities of {@code table} and the corrections in force. */
    public Listing list(String table) {
        veil.knownTables().require(table);
        EntityCorrections corrections = veil.entityCorrections(table);
        Optional<TableProfile> profile = veil.latestProfile(table);
        long items = profile.map(TableProfile::itemsSampled).orElse(0L);
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (EntityProfile e : profile.map(TableProfile::entities).orElse(List.of())) {
            seen.add(e.name());
            rows.add(new Row(e.name(), Optional.of(e.match()), e.itemsSampled(),
                    items == 0 ? 0 : (double) e.itemsSampled() / items,
                    corrections.madeBy(e.name()).map(EntityCorrection::describe), true));
        }
        corrections.made().forEach((name, match) -> {
            if (seen.add(name)) {
                rows.add(new Row(name, Optional.of(match), 0, 0, corrections.madeBy(name)
                        .map(c -> c.describe() + "; applies from the next sample"), false));
            }
        });
        return new Listing(table, items, rows, corrections.marker(), corrections.active());
    }

    /** Renames entity {@code from} to {@code to}; its decisions and owner follow it. */
    public Outcome rename(String table, String from, String to, String reviewer, String note) {
        EntityReviewing entities = veil.entities();
        entities.require(table, from);
        requireNewName(table, to, List.of(from));
        EntityMatch match = entities.match(table, from).orElseThrow(() -> bad("entity \"" + from
                + "\" of " + table + " has no match to carry over; sample the table again"));
        Map<AttributePath, Decision> decisions = entities.decisions(table, from);
        Optional<OwnerRule> owner = entities.currentOwner(table, from);
        EntityCorrection recorded = record(new EntityCorrection(0, table, EntityCorrection.Kind.RENAME, to,
                List.of(from), Optional.of(match), Optional.empty(), reviewer, Instant.now(), note));
        List<AuditEntry> carried = carry(table, to, decisions, owner, reviewer, "renamed from \"" + from + "\"");
        return new Outcome(recorded, carried, "applies to the stored sample and every later one");
    }

    /**
     * Merges {@code sources} into one entity {@code into} (one of them or a new name): its match is
     * the longest prefix their matches share on their one attribute; decisions are united, and
     * conflicting classes or owners are refused, all of them listed.
     */
    public Outcome merge(String table, List<String> sources, String into, String reviewer, String note) {
        EntityReviewing entities = veil.entities();
        List<String> parts = List.copyOf(new LinkedHashSet<>(sources));
        if (parts.size() < 2) {
            throw bad("a merge needs at least two different entities of " + table + ", was "
                    + quoted(parts) + "; to give one entity another name, rename it");
        }
        parts.forEach(p -> entities.require(table, p));
        requireNewName(table, into, parts);
        EntityMatch match = commonMatch(table, parts);
        requireNoOverlap(table, into, match, parts);
        Map<AttributePath, Decision> united = new LinkedHashMap<>();
        List<String> conflicts = new ArrayList<>();
        for (String part : parts) {
            entities.decisions(table, part).forEach((path, d) -> {
                Decision before = united.putIfAbsent(path, d);
                if (before != null && before.classification() != d.classification()) {
                    conflicts.add("`" + path + "` is " + before.classification().label() + " in \"" + before.entity()
                            + "\" but " + d.classification().label() + " in \"" + part + "\"");
                }
            });
        }
        Set<OwnerRule> owners = new LinkedHashSet<>();
        parts.forEach(p -> entities.currentOwner(table, p).ifPresent(owners::add));
        if (owners.size() > 1) {
            conflicts.add("the owners differ: " + owners.stream().map(o -> o.attribute() + " = \"" + o.template()
                    + "\"").collect(Collectors.joining(" and ")));
        }
        if (!conflicts.isEmpty()) {
            throw bad("cannot merge " + quoted(parts) + " of " + table + " into \"" + into
                    + "\": their decisions conflict: " + String.join("; ", conflicts) + ". Decide those paths alike "
                    + "in each entity first, then merge. Nothing was stored.");
        }
        EntityCorrection recorded = record(new EntityCorrection(0, table, EntityCorrection.Kind.MERGE, into, parts,
                Optional.of(match), Optional.empty(), reviewer, Instant.now(), note));
        List<AuditEntry> carried = carry(table, into, united, owners.stream().findFirst(), reviewer,
                "merged from " + quoted(parts));
        return new Outcome(recorded, carried, "applies to the stored sample and every later one");
    }

    /**
     * Picks {@code attribute} as the marker that tells the table's kinds apart. It applies to the
     * stored sample when that sample's entities are already told apart by it; otherwise from the
     * next sample on, which classifies items by its values first.
     */
    public Outcome marker(String table, String attribute, String reviewer, String note) {
        veil.knownTables().require(table);
        TableProfile profile = veil.latestProfile(table).orElseThrow(() -> bad(table
                + " has no stored sample yet; sample it first, then pick the marker among its attributes"));
        AttributePath path = AttributePath.parse(attribute);
        Optional<AttributeProfile> seen = path.isTopLevel() ? profile.attribute(path) : Optional.empty();
        if (seen.isEmpty()) {
            List<AttributePath> close = ClosePaths.to(path, profile.attributes().stream()
                    .map(AttributeProfile::path).filter(AttributePath::isTopLevel).toList());
            throw bad("the latest sample of " + table + " holds no top-level attribute `" + path
                    + "`" + (close.isEmpty() ? "; name a top-level string attribute its items hold"
                    : "; did you mean " + close.stream().map(c -> "`" + c + "`").collect(Collectors.joining(" or "))
                    + "?") + " Nothing was stored.");
        }
        if (seen.get().types().getOrDefault(DynamoType.S, 0L) == 0) {
            throw bad("`" + path + "` of " + table + " holds no string values in the latest "
                    + "sample, so it cannot name a kind of item; name a top-level string attribute. Nothing was stored.");
        }
        boolean stored = !profile.entities().isEmpty() && profile.entities().stream()
                .allMatch(e -> e.match().attribute().equals(path.topLevelName())
                        && e.match().test() == EntityMatch.Test.EQUALS);
        EntityCorrection recorded = record(new EntityCorrection(0, table, EntityCorrection.Kind.MARKER, "",
                List.of(), Optional.empty(), Optional.of(path.topLevelName()), reviewer, Instant.now(), note));
        return new Outcome(recorded, List.of(), stored
                ? "applies to the stored sample: its entities are already told apart by `" + path + "`"
                : "applies from the next sample of " + table + ": the stored one keeps its entities, and the next "
                + "classifies every item by `" + path + "` first");
    }

    /**
     * Splits off entity {@code name}, recognised by {@code match}; refused when its match overlaps
     * another entity's on the same attribute. Its items are classified from the next sample on.
     */
    public Outcome add(String table, String name, EntityMatch match, String reviewer, String note) {
        veil.knownTables().require(table);
        requireNewName(table, name, List.of());
        requireNoOverlap(table, name, match, List.of());
        EntityCorrection recorded = record(new EntityCorrection(0, table, EntityCorrection.Kind.ADD, name, List.of(),
                Optional.of(match), Optional.empty(), reviewer, Instant.now(), note));
        return new Outcome(recorded, List.of(), "applies from the next sample of " + table + ", which gives \""
                + name + "\" every item where " + match + "; until then it can be reviewed and published "
                + "with no sampled items");
    }

    /** Drops every correction in force; decisions recorded meanwhile stay. */
    public Optional<Outcome> reset(String table, String reviewer, String note) {
        veil.knownTables().require(table);
        if (veil.entityCorrections(table).isEmpty()) {
            return Optional.empty();
        }
        EntityCorrection recorded = record(new EntityCorrection(0, table, EntityCorrection.Kind.RESET, "", List.of(),
                Optional.empty(), Optional.empty(), reviewer, Instant.now(), note));
        return Optional.of(new Outcome(recorded, List.of(), "the stored sample shows its entities as Veil found "
                + "them again, except where it was sampled under the corrections (sample again for Veil's own "
                + "guess); decisions recorded under corrected names stay in the audit log"));
    }

    /** Every correction ever recorded, of one table or of all, oldest first (resets included). */
    public List<EntityCorrection> log(Optional<String> table) {
        return Failures.translate(() -> veil.workspace().corrections(table));
    }

    private EntityCorrection record(EntityCorrection c) {
        return Failures.translate(() -> veil.workspace().recordCorrection(c));
    }

    /** Records {@code decisions} and {@code owner} again under {@code entity}, skipping what it already has. */
    private List<AuditEntry> carry(String table, String entity, Map<AttributePath, Decision> decisions,
                                   Optional<OwnerRule> owner, String reviewer, String why) {
        Map<AttributePath, Decision> already = veil.entities().decisions(table, entity);
        Instant now = Instant.now();
        List<Decision> batch = decisions.values().stream()
                .filter(d -> !Optional.ofNullable(already.get(d.path())).map(Decision::classification)
                        .equals(Optional.of(d.classification())))
                .map(d -> new Decision(table, d.path(), d.classification(), reviewer, now,
                        d.note().isBlank() ? why : why + ": " + d.note(), DecisionSource.MANUAL, entity))
                .toList();
        List<AuditEntry> out = Failures.translate(() -> veil.workspace().record(batch));
        Optional<OwnerRule> current = veil.entities().currentOwner(table, entity);
        if (owner.isPresent() && !current.equals(owner)) {
            Failures.run(() -> veil.workspace().recordOwner(new OwnerDecision(table, entity, owner.get(), reviewer,
                    now)));
        }
        return out;
    }

    private void requireNewName(String table, String name, List<String> replacing) {
        if (name.isBlank()) {
            throw bad("an entity name cannot be empty; give a name such as ORDER");
        }
        List<String> names = veil.entities().names(table);
        if (names.contains(name) && !replacing.contains(name)) {
            throw bad(table + " already has an entity \"" + name + "\"; choose a name no other "
                    + "entity has (its entities are " + quoted(names) + "), or merge them. Nothing was stored.");
        }
    }

    /** The one match that holds for each part's items: the longest prefix their values share, on their one attribute. */
    private EntityMatch commonMatch(String table, List<String> parts) {
        List<EntityMatch> matches = new ArrayList<>();
        for (String p : parts) {
            matches.add(veil.entities().match(table, p).orElseThrow(() -> bad("entity \"" + p
                    + "\" of " + table + " has no match to merge; sample the table again")));
        }
        String attribute = matches.get(0).attribute();
        String prefix = matches.get(0).value();
        for (EntityMatch m : matches) {
            if (!m.attribute().equals(attribute)) {
                throw bad("cannot merge " + quoted(parts) + " of " + table + ": they are told apart "
                        + "by different attributes (" + matches.stream().map(EntityMatch::toString)
                        .collect(Collectors.joining(", ")) + "), and an entity has one match. Pick the marker that "
                        + "tells them apart, sample again, then merge. Nothing was stored.");
            }
            int n = 0;
            while (n < prefix.length() && n < m.value().length() && prefix.charAt(n) == m.value().charAt(n)) {
                n++;
            }
            prefix = prefix.substring(0, n);
        }
        if (prefix.isEmpty()) {
            throw bad("cannot merge " + quoted(parts) + " of " + table + ": their matches ("
                    + matches.stream().map(EntityMatch::toString).collect(Collectors.joining(", "))
                    + ") share no leading text, so no one match holds for all of their items. Nothing was stored.");
        }
        boolean same = matches.stream().allMatch(m -> m.equals(matches.get(0)));
        return same ? matches.get(0) : EntityMatch.beginningWith(attribute, prefix);
    }

    /** Refuses {@code match} when it overlaps another entity's match on the same attribute, as policies do. */
    private void requireNoOverlap(String table, String name, EntityMatch match, List<String> replacing) {
        for (String other : veil.entities().names(table)) {
            if (replacing.contains(other) || other.equals(name)) {
                continue;
            }
            Optional<EntityMatch> theirs = veil.entities().match(table, other);
            if (theirs.isPresent() && theirs.get().attribute().equals(match.attribute())
                    && theirs.get().overlaps(match)) {
                throw bad("the match of entity \"" + name + "\" (" + match + ") overlaps the "
                        + "match of entity \"" + other + "\" (" + theirs.get() + "): an item could match both, and "
                        + "every sanitizer would drop it; give it a value or prefix no other entity's match on `"
                        + match.attribute() + "` can also pass. Nothing was stored.");
            }
        }
    }

    /** Bad input about a correction; each face adds where the entities are listed. */
    private static VeilException bad(String message) {
        return VeilException.badInput(Input.ENTITIES, message);
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
    }
}
