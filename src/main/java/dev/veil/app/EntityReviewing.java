package dev.veil.app;

import dev.veil.inference.suggest.SuggestionEngine;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.AuditEntry;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.DecisionSource;
import dev.veil.model.EntityPolicy;
import dev.veil.model.EntityMatch;
import dev.veil.model.EntityProfile;
import dev.veil.model.OwnerDecision;
import dev.veil.model.OwnerRule;
import dev.veil.model.Policy;
import dev.veil.model.Retraction;
import dev.veil.model.Suggestion;
import dev.veil.model.TableProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Review, tagging and ownership of one entity of a single-table design: the same rules as
 * {@link Reviewing}, over the entity's own profile, suggestions and decisions. An entity is known
 * when the latest sample found it or the latest published version names it.
 */
public final class EntityReviewing {

    private final Veil veil;

    EntityReviewing(Veil veil) {
        this.veil = veil;
    }

    /**
     * The entities of {@code table}, sorted: found by the latest sample, made by a steward's
     * correction, or named by the latest policy (unless a correction renamed or merged it away).
     */
    public List<String> names(String table) {
        return Failures.translate(() -> {
            EntityCorrections corrections = veil.entityCorrections(table);
            Set<String> names = new TreeSet<>();
            veil.policyStore().latest(table).ifPresent(p -> names.addAll(p.entities().keySet()));
            names.removeAll(corrections.retired());
            names.addAll(corrections.made().keySet());
            veil.latestProfile(table).ifPresent(p -> p.entities().forEach(e -> names.add(e.name())));
            return List.copyOf(names);
        });
    }

    /** How an item of the entity is recognised: as sampled, else as a correction made it, else as published. */
    Optional<EntityMatch> match(String table, String entity) {
        return Failures.translate(() -> veil.latestProfile(table).flatMap(p -> p.entity(entity))
                .map(EntityProfile::match)
                .or(() -> Optional.ofNullable(veil.entityCorrections(table).made().get(entity)))
                .or(() -> EntityCorrections.published(veil.policyStore().latest(table), entity)));
    }

    /**
     * True when the table is governed per entity: its latest version is {@code veil-policy/2}, or
     * this workspace holds a decision or an owner of one of its entities. Until then a table whose
     * sample found entities is still reviewed and published as a whole, as before.
     */
    public boolean governedPerEntity(String table) {
        return Failures.translate(() -> {
            if (veil.policyStore().latest(table).map(Policy::hasEntities).orElse(false)
                    || !veil.workspace().owners(table).isEmpty()) {
                return true;
            }
            for (String name : names(table)) {
                if (!veil.workspace().decisions(table, name).isEmpty()) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Refuses (bad input, listing the known names) an entity {@code table} does not have. */
    public void require(String table, String entity) {
        veil.knownTables().require(table);
        List<String> names = names(table);
        if (!names.contains(entity)) {
            throw VeilException.badInput(names.isEmpty()
                    ? table + " has no entities: its latest sample found one kind of item and no published version "
                    + "names any; leave the entity out, or sample the table again if it now holds several kinds"
                    : table + " has no entity \"" + entity + "\"; its entities are " + names.stream()
                    .map(n -> "\"" + n + "\"").collect(Collectors.joining(", "))
                    + " (names are case-sensitive)");
        }
    }

    /** Every path of the entity sampled or decided, sorted by path, with its own suggestions. */
    public List<ReviewRow> rows(String table, String entity) {
        require(table, entity);
        return Failures.translate(() -> {
            Optional<EntityProfile> profile = entityProfile(table, entity);
            Optional<TableProfile> tableProfile = veil.latestProfile(table);
            Map<AttributePath, Suggestion> suggestions = profile.isPresent() && tableProfile.isPresent()
                    ? SuggestionEngine.standard().suggest(EntityViews.asTable(tableProfile.get(), profile.get()))
                    : Map.of();
            Map<AttributePath, Decision> decisions = decisions(table, entity);
            Function<AttributePath, Optional<Classification>> decided =
                    p -> Optional.ofNullable(decisions.get(p)).map(Decision::classification);
            Map<AttributePath, Optional<AttributeProfile>> paths = new TreeMap<>();
            profile.ifPresent(e -> e.attributes().forEach(a -> paths.put(a.path(),
                    Optional.of(Disclosure.apply(a, Disclosure.facts(a, suggestions, decided))))));
            decisions.keySet().forEach(p -> paths.putIfAbsent(p, Optional.empty()));
            List<ReviewRow> rows = new ArrayList<>();
            paths.forEach((path, attr) -> rows.add(new ReviewRow(path, attr,
                    Optional.ofNullable(suggestions.get(path)), Optional.ofNullable(decisions.get(path)), false)));
            return rows;
        });
    }

    /**
     * Records {@code classification} for every path of the entity, all or nothing; refuses a path
     * the entity's sample and decisions do not hold unless {@code allowNewPath}.
     */
    public List<AuditEntry> tag(String table, String entity, List<AttributePath> paths, Classification classification,
                                String reviewer, String note, boolean allowNewPath) {
        require(table, entity);
        if (!allowNewPath) {
            Set<AttributePath> known = knownPaths(table, entity);
            for (AttributePath p : paths) {
                if (!known.contains(p)) {
                    List<AttributePath> close = ClosePaths.to(p, known);
                    throw new UnknownPathException("entity \"" + entity + "\" of " + table + " has no attribute `" + p
                            + "` in its latest sample or its decisions; " + (close.isEmpty()
                            ? "check the spelling; the review of entity \"" + entity + "\" lists its paths"
                            : "did you mean " + close.stream().map(c -> "`" + c + "`")
                            .collect(Collectors.joining(" or ")) + "?"), p, close);
                }
            }
        }
        Instant now = Instant.now();
        List<Decision> batch = paths.stream().map(p -> new Decision(table, p, classification, reviewer, now, note,
                DecisionSource.MANUAL, entity)).toList();
        return Failures.translate(() -> veil.workspace().record(batch));
    }

    /** What a reviewer sees of an entity before its attributes: how it is told apart and how much the sample read. */
    public record Summary(String name, Optional<EntityMatch> match, long itemsSampled) {
        public Summary {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(match, "match");
        }
    }

    /**
     * Every entity of {@link #names}, with its match and the items the latest sample read of it
     * (none for an entity only the latest published version or a correction names).
     */
    public List<Summary> summaries(String table) {
        return Failures.translate(() -> {
            Optional<TableProfile> latest = veil.latestProfile(table);
            return names(table).stream().map(name -> latest.flatMap(p -> p.entity(name))
                    .map(e -> new Summary(name, Optional.of(e.match()), e.itemsSampled()))
                    .orElseGet(() -> new Summary(name, match(table, name), 0))).toList();
        });
    }

    /**
     * {@link Reviewing#undo} for one entity: each path of {@code earlier} gets its earlier class and
     * note again, each path of {@code firstDecided} goes back to unreviewed, as new audited entries.
     */
    public List<AuditEntry> undo(String table, String entity, List<Decision> earlier,
                                 List<AttributePath> firstDecided, String reviewer) {
        require(table, entity);
        Instant now = Instant.now();
        List<Decision> batch = earlier.stream()
                .map(d -> new Decision(table, d.path(), d.classification(), reviewer, now,
                        d.note().isBlank() ? "undo" : "undo: " + d.note(), DecisionSource.MANUAL, entity))
                .toList();
        List<Retraction> retractions = firstDecided.stream()
                .map(p -> new Retraction(table, p, reviewer, now, "undo", entity)).toList();
        return Failures.translate(() -> veil.workspace().record(batch, retractions));
    }

    /** Accepts the entity's suggestions at or above {@code minConfidence} for its undecided paths. */
    public List<AuditEntry> acceptSuggestions(String table, String entity, double minConfidence, String reviewer) {
        if (minConfidence < 0 || minConfidence > 1) {
            throw VeilException.badInput(Input.MIN_CONFIDENCE,
                    "the minimum confidence must lie between 0 and 1, was " + minConfidence);
        }
        Instant now = Instant.now();
        List<Decision> batch = rows(table, entity).stream()
                .filter(ReviewRow::unreviewed)
                .filter(r -> r.suggestion().filter(s -> s.confidence() >= minConfidence).isPresent())
                .map(r -> new Decision(table, r.path(), r.suggestion().get().classification(), reviewer, now,
                        "accepted suggestion (" + Math.round(r.suggestion().get().confidence() * 100) + "%): "
                                + String.join("; ", r.suggestion().get().reasons()),
                        DecisionSource.ACCEPTED_SUGGESTION, entity))
                .toList();
        return Failures.translate(() -> veil.workspace().record(batch));
    }

    /**
     * Records who owns the entity's items: the requester owns one iff {@code attribute}'s text
     * equals {@code template} with {@code {id}} replaced by the requester id.
     */
    public OwnerDecision owner(String table, String entity, String attribute, String template, String reviewer) {
        require(table, entity);
        if (!template.contains(OwnerRule.ID)) {
            throw VeilException.badInput("the owner template \"" + template + "\" lacks " + OwnerRule.ID
                    + "; write the owner attribute's value with " + OwnerRule.ID
                    + " where the requester id goes, such as \"USER#{id}\"");
        }
        AttributePath path = AttributePath.parse(attribute);
        if (!path.isTopLevel()) {
            throw VeilException.badInput("the owner attribute must be a top-level attribute, not `" + path + "`");
        }
        if (!knownPaths(table, entity).contains(path)) {
            throw VeilException.badInput("entity \"" + entity + "\" of " + table + " has no attribute `" + path
                    + "` in its latest sample or its decisions; name an attribute each of its items holds");
        }
        OwnerDecision d = new OwnerDecision(table, entity, new OwnerRule(path.topLevelName(), template), reviewer,
                Instant.now());
        Failures.translate(() -> {
            veil.workspace().recordOwner(d);
            return null;
        });
        return d;
    }

    /** The entity's owner: the workspace's latest decision, else the latest published one. */
    public Optional<OwnerRule> currentOwner(String table, String entity) {
        return Failures.translate(() -> veil.workspace().owners(table).stream()
                .filter(o -> o.entity().equals(entity)).map(OwnerDecision::owner).findFirst()
                .or(() -> veil.policyStore().latest(table)
                        .flatMap(p -> Optional.ofNullable(p.entities().get(entity)))
                        .flatMap(EntityPolicy::owner)));
    }

    /**
     * The entity's decisions: the workspace's over the latest published version's (the policy
     * store is the baseline of every review).
     */
    Map<AttributePath, Decision> decisions(String table, String entity) {
        Optional<Policy> latest = veil.policyStore().latest(table);
        Optional<Policy> published = latest.flatMap(p -> Optional.ofNullable(p.entities().get(entity))
                .map(e -> new Policy(table, p.version(), Optional.empty(), Optional.empty(),
                        new TreeMap<>(e.attributes()), Optional.empty(), p.published())));
        Map<AttributePath, Decision> out = new HashMap<>();
        Baseline.of(table, published, veil.workspace().decisions(table, entity)).decisions()
                .forEach((path, d) -> out.put(path, d.inEntity(entity)));
        return out;
    }

    private Optional<EntityProfile> entityProfile(String table, String entity) {
        return veil.latestProfile(table).flatMap(p -> p.entity(entity));
    }

    private Set<AttributePath> knownPaths(String table, String entity) {
        Set<AttributePath> known = new HashSet<>();
        entityProfile(table, entity).ifPresent(e -> e.attributes().forEach(a -> known.add(a.path())));
        known.addAll(decisions(table, entity).keySet());
        return known;
    }
}
