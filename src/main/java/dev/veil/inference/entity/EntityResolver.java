package dev.veil.inference.entity;

import dev.veil.inference.ProfileAccumulator;
import dev.veil.inference.detect.ValueDetector;
import dev.veil.model.AttributeProfile;
import dev.veil.model.EntityMatch;
import dev.veil.model.EntityProfile;
import dev.veil.model.KeySchema;
import dev.veil.model.SampleCoverage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns labelled profiles into entities. Rules, in order:
 * <ol>
 *   <li>an item holding a marker is of the kind its most trusted marker names;</li>
 *   <li>an item without one is of the kind its sort key's leading literal names, else its
 *       partition key's;</li>
 *   <li>kinds from one key attribute are trusted only when their attribute sets differ: if any two
 *       share {@value #SAME_KIND_OVERLAP} or more of their attributes (Jaccard, keys and markers
 *       left out), the literals are part of the data (tenants, regions), not kinds, and that key
 *       yields no kind;</li>
 *   <li>where two kinds' matches both hold for some sampled item, the key-literal kind (or the
 *       less trusted marker) gives way, so that every sampled item matches at most one kind;</li>
 *   <li>fewer than two kinds is a table of one kind: no entities.</li>
 * </ol>
 * Declared kinds ({@link DeclaredKinds}) come before all of these: an item whose declared match
 * holds is of that kind, and a declared kind, or one of a picked marker, is kept even alone.
 */
final class EntityResolver {

    /** Attribute-set overlap (Jaccard) from which two key literals are taken for one kind. */
    static final double SAME_KIND_OVERLAP = 0.8;
    /** The trust of a declared kind: above every marker. */
    private static final int DECLARED = -1;

    private final Optional<KeySchema> keys;
    private final List<String> markers;
    private final Map<ItemLabel, ProfileAccumulator> byLabel;
    private final List<ValueDetector> detectors;
    private final DeclaredKinds declared;

    EntityResolver(Optional<KeySchema> keys, List<String> markers, Map<ItemLabel, ProfileAccumulator> byLabel,
                   List<ValueDetector> detectors) {
        this(keys, markers, byLabel, detectors, DeclaredKinds.NONE);
    }

    EntityResolver(Optional<KeySchema> keys, List<String> markers, Map<ItemLabel, ProfileAccumulator> byLabel,
                   List<ValueDetector> detectors, DeclaredKinds declared) {
        this.keys = keys;
        this.markers = markers;
        this.byLabel = byLabel;
        this.detectors = detectors;
        this.declared = declared;
    }

    /** A kind being formed: its match, whether it came from a marker, and the labels it holds. */
    private record Candidate(String name, EntityMatch match, int trust, List<ItemLabel> labels) {
    }

    /** The merged profile of some labels. */
    private record Snapshot(long items, List<AttributeProfile> attributes) {
    }

    List<EntityProfile> resolve() {
        Map<EntityMatch, Candidate> candidates = new LinkedHashMap<>();
        for (ItemLabel label : byLabel.keySet()) {
            candidateOf(label).ifPresent(c -> candidates.merge(c.match(), c, (a, b) -> {
                a.labels().addAll(b.labels());
                return a;
            }));
        }
        List<Candidate> kept = new ArrayList<>(candidates.values());
        dropSimilarKeyKinds(kept);
        dropOverlaps(kept);
        if (kept.size() < 2 && kept.stream().noneMatch(this::isDeclared)) {
            return List.of();
        }
        List<EntityProfile> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Candidate c : kept) {
            String name = c.name();
            for (int n = 2; !names.add(name); n++) {
                name = c.name() + "-" + n;
            }
            out.add(profile(name, c));
        }
        out.sort(Comparator.comparing(EntityProfile::name));
        return out;
    }

    private Optional<Candidate> candidateOf(ItemLabel label) {
        if (label.declared().isPresent()) {
            String name = label.declared().get();
            return Optional.of(new Candidate(name, declared.entities().get(name), DECLARED,
                    new ArrayList<>(List.of(label))));
        }
        for (int i = 0; i < markers.size(); i++) {
            String value = label.markers().get(markers.get(i));
            if (value != null) {
                return Optional.of(new Candidate(value, EntityMatch.equalTo(markers.get(i), value), i,
                        new ArrayList<>(List.of(label))));
            }
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        int keyTrust = markers.size();
        if (label.sortKey().isPresent()) {
            return Optional.of(keyCandidate(keys.get().sortKey().orElseThrow().name(), label.sortKey().get(),
                    keyTrust, label));
        }
        return label.partitionKey().map(l -> keyCandidate(keys.get().partitionKey().name(), l, keyTrust + 1, label));
    }

    private static Candidate keyCandidate(String attribute, KeyLiteral literal, int trust, ItemLabel label) {
        EntityMatch match = literal.whole() ? EntityMatch.equalTo(attribute, literal.value())
                : EntityMatch.beginningWith(attribute, literal.value());
        return new Candidate(literal.name(), match, trust, new ArrayList<>(List.of(label)));
    }

    private void dropSimilarKeyKinds(List<Candidate> kept) {
        Set<String> similarKeys = new HashSet<>();
        for (int i = 0; i < kept.size(); i++) {
            for (int j = i + 1; j < kept.size(); j++) {
                Candidate a = kept.get(i);
                Candidate b = kept.get(j);
                if (isKeyKind(a) && isKeyKind(b) && a.match().attribute().equals(b.match().attribute())
                        && overlap(attributeNames(a), attributeNames(b)) >= SAME_KIND_OVERLAP) {
                    similarKeys.add(a.match().attribute());
                }
            }
        }
        kept.removeIf(c -> isKeyKind(c) && similarKeys.contains(c.match().attribute()));
    }

    private void dropOverlaps(List<Candidate> kept) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (ItemLabel label : byLabel.keySet()) {
                List<Candidate> holding = kept.stream()
                        .filter(c -> c.labels().contains(label) || label.holds(c.match(), keys)).toList();
                if (holding.size() > 1) {
                    Candidate weakest = holding.stream().max((x, y) -> Integer.compare(x.trust(), y.trust()))
                            .orElseThrow();
                    kept.remove(weakest);
                    changed = true;
                    break;
                }
            }
        }
    }

    /** Declared by a steward or a policy, or of the marker a steward picked. */
    private boolean isDeclared(Candidate c) {
        return c.trust() == DECLARED || (declared.marker().isPresent() && c.trust() == 0);
    }

    private boolean isKeyKind(Candidate c) {
        return c.trust() >= markers.size();
    }

    private Set<String> attributeNames(Candidate c) {
        Set<String> names = new HashSet<>();
        for (ItemLabel label : c.labels()) {
            for (AttributeProfile a : profileOf(List.of(label)).attributes()) {
                if (a.path().isTopLevel()) {
                    names.add(a.path().toString());
                }
            }
        }
        keys.ifPresent(k -> names.removeAll(k.names()));
        names.removeAll(markers);
        return names;
    }

    private static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        Set<String> either = new HashSet<>(a);
        either.addAll(b);
        return (double) both.size() / either.size();
    }

    private EntityProfile profile(String name, Candidate c) {
        Snapshot p = profileOf(c.labels());
        return new EntityProfile(name, c.match(), p.items(), p.attributes());
    }

    private Snapshot profileOf(List<ItemLabel> labels) {
        ProfileAccumulator merged = new ProfileAccumulator(detectors);
        for (ItemLabel l : labels) {
            merged.merge(ProfileAccumulator.fromBytes(byLabel.get(l).toBytes(), detectors));
        }
        return new Snapshot(merged.itemCount(), merged.toProfile("", "", Instant.EPOCH,
                Optional.empty(), SampleCoverage.unsegmented(0, 0, 0, false)).attributes());
    }
}
