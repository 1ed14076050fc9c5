package dev.veil.app;

import dev.veil.inference.entity.DeclaredKinds;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.DynamoType;
import dev.veil.model.EntityCorrection;
import dev.veil.model.EntityMatch;
import dev.veil.model.EntityPolicy;
import dev.veil.model.EntityProfile;
import dev.veil.model.Policy;
import dev.veil.model.TableProfile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The corrections of one table's entities in force (those after its latest reset), and what they
 * do: to a stored profile (renames and merges, so decisions and reviews follow the steward's
 * names), to the next sample (the entities they declare, with a picked marker), and to the names
 * a table's entities go by (a renamed or merged-away name is retired).
 */
final class EntityCorrections {

    private static final int MAX_EXAMPLES = 5;

    private final List<EntityCorrection> active;

    private EntityCorrections(List<EntityCorrection> active) {
        this.active = List.copyOf(active);
    }

    /** The corrections in force among {@code log} (one table's, oldest first): those after its latest reset. */
    static EntityCorrections of(List<EntityCorrection> log) {
        int start = 0;
        for (int i = 0; i < log.size(); i++) {
            if (log.get(i).kind() == EntityCorrection.Kind.RESET) {
                start = i + 1;
            }
        }
        return new EntityCorrections(log.subList(start, log.size()));
    }

    List<EntityCorrection> active() {
        return active;
    }

    boolean isEmpty() {
        return active.isEmpty();
    }

    /** The marker attribute the latest marker correction picked. */
    Optional<String> marker() {
        Optional<String> out = Optional.empty();
        for (EntityCorrection c : active) {
            if (c.kind() == EntityCorrection.Kind.MARKER) {
                out = c.marker();
            }
        }
        return out;
    }

    /** Names renamed or merged away (and not made again by a later correction). */
    Set<String> retired() {
        Set<String> out = new LinkedHashSet<>();
        for (EntityCorrection c : active) {
            switch (c.kind()) {
                case RENAME, MERGE -> out.addAll(c.sources());
                default -> { }
            }
            out.remove(c.entity());
        }
        return out;
    }

    /** Each entity a correction makes (renamed, merged or added) with its match, in the order made. */
    Map<String, EntityMatch> made() {
        return renamedMergedAndAdded(new LinkedHashMap<>());
    }

    // The corrections in order over {@code entities}: a rename or merge retires its sources, and
    // every correction with a match makes (or remakes) its entity.
    private Map<String, EntityMatch> renamedMergedAndAdded(Map<String, EntityMatch> entities) {
        for (EntityCorrection c : active) {
            switch (c.kind()) {
                case RENAME, MERGE -> c.sources().forEach(entities::remove);
                default -> { }
            }
            if (c.kind() != EntityCorrection.Kind.MARKER && c.match().isPresent()) {
                entities.put(c.entity(), c.match().get());
            }
        }
        return entities;
    }

    /** The latest correction that made {@code name}, if any. */
    Optional<EntityCorrection> madeBy(String name) {
        Optional<EntityCorrection> out = Optional.empty();
        for (EntityCorrection c : active) {
            if (c.kind() != EntityCorrection.Kind.MARKER && c.entity().equals(name)) {
                out = Optional.of(c);
            }
        }
        return out;
    }

    /**
     * What the next sample classifies by: the latest policy's entities when it is {@code veil-policy/2},
     * renamed, merged and added to by the corrections; with a picked marker, only the entities told
     * by that marker, and the marker itself.
     */
    DeclaredKinds declared(Optional<Policy> latest) {
        Map<String, EntityMatch> published = new LinkedHashMap<>();
        latest.filter(Policy::hasEntities).ifPresent(p -> p.entities().forEach((n, e) -> published.put(n, e.match())));
        Map<String, EntityMatch> out = renamedMergedAndAdded(published);
        Optional<String> marker = marker();
        marker.ifPresent(m -> out.values().removeIf(match -> !match.attribute().equals(m)));
        return new DeclaredKinds(out, marker);
    }

    /** {@code profile} with its entities renamed and merged as the corrections say, in their order. */
    TableProfile apply(TableProfile profile) {
        if (active.isEmpty() || profile.entities().isEmpty()) {
            return profile;
        }
        List<EntityProfile> entities = new ArrayList<>(profile.entities());
        for (EntityCorrection c : active) {
            if (c.kind() == EntityCorrection.Kind.RENAME) {
                entities.replaceAll(e -> e.name().equals(c.sources().get(0)) && c.match().isPresent()
                        ? new EntityProfile(c.entity(), e.match(), e.itemsSampled(), e.attributes()) : e);
            } else if (c.kind() == EntityCorrection.Kind.MERGE && c.match().isPresent()) {
                List<EntityProfile> parts = entities.stream().filter(e -> c.sources().contains(e.name())).toList();
                if (!parts.isEmpty()) {
                    entities.removeAll(parts);
                    entities.add(merge(c.entity(), c.match().get(), parts));
                }
            }
        }
        return profile.withEntities(entities);
    }

    /** One entity made of {@code parts}: items added up, each path's counts added, presence over all items. */
    static EntityProfile merge(String name, EntityMatch match, List<EntityProfile> parts) {
        long items = parts.stream().mapToLong(EntityProfile::itemsSampled).sum();
        Map<AttributePath, AttributeProfile> byPath = new TreeMap<>();
        for (EntityProfile part : parts) {
            for (AttributeProfile a : part.attributes()) {
                byPath.merge(a.path(), a, EntityCorrections::add);
            }
        }
        List<AttributeProfile> attributes = byPath.values().stream().map(a -> withPresence(a, items)).toList();
        return new EntityProfile(name, match, items, attributes);
    }

    private static AttributeProfile add(AttributeProfile a, AttributeProfile b) {
        Map<DynamoType, Long> types = new EnumMap<>(DynamoType.class);
        types.putAll(a.types());
        b.types().forEach((t, n) -> types.merge(t, n, Long::sum));
        Map<String, Long> hits = new TreeMap<>(a.detectorHits());
        b.detectorHits().forEach((d, n) -> hits.merge(d, n, Long::sum));
        Set<String> examples = new LinkedHashSet<>(a.maskedExamples());
        examples.addAll(b.maskedExamples());
        return new AttributeProfile(a.path(), types, a.itemsPresent() + b.itemsPresent(), 0,
                either(a.stringLength(), b.stringLength(), AttributeProfile.LengthRange::merge),
                either(a.binaryLength(), b.binaryLength(), AttributeProfile.LengthRange::merge),
                either(a.numberRange(), b.numberRange(), AttributeProfile.NumberRange::merge),
                a.distinctEstimate() + b.distinctEstimate(),
                examples.stream().limit(Math.max(MAX_EXAMPLES, a.maskedExamples().size())).toList(),
                a.valuesScanned() + b.valuesScanned(), new TreeMap<>(hits));
    }

    private static AttributeProfile withPresence(AttributeProfile a, long items) {
        return new AttributeProfile(a.path(), a.types(), a.itemsPresent(),
                items == 0 ? 0 : (double) a.itemsPresent() / items, a.stringLength(), a.binaryLength(),
                a.numberRange(), a.distinctEstimate(), a.maskedExamples(), a.valuesScanned(), a.detectorHits());
    }

    private static <T> Optional<T> either(Optional<T> a, Optional<T> b, java.util.function.BinaryOperator<T> merge) {
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(merge.apply(a.get(), b.get()));
        }
        return a.or(() -> b);
    }

    /** The match of a published entity, for callers that have the policy at hand. */
    static Optional<EntityMatch> published(Optional<Policy> latest, String name) {
        return latest.flatMap(p -> Optional.ofNullable(p.entities().get(name))).map(EntityPolicy::match);
    }
}
