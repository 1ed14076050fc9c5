package dev.veil.inference.suggest;

import dev.veil.inference.detect.LeaningDetector;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.Suggestion;
import dev.veil.model.TableProfile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Suggests public, owner-only or secret for attribute paths from their names
 * ({@link NameEvidence}) and their sampled values ({@link ValueEvidence}).
 *
 * <p>Evidence for each class is combined as independent signals (1 − Π(1 − weight)). The
 * most restrictive class whose score reaches {@link #THRESHOLD} wins; any restrictive evidence
 * at all keeps a path from being suggested public (fail closed). A nested attribute inherits
 * the class of its most restrictive ancestor when that is narrower than its own, or as narrow
 * and more certain ({@code address.country} is owner-only because {@code address} is). Published example values
 * lower the confidence. A path without any evidence gets no suggestion.
 */
public final class SuggestionEngine {

    /** Score a class needs to be suggested. */
    public static final double THRESHOLD = 0.3;
    private static final double EXAMPLE_PENALTY = 0.6;
    private static final double MAX_CONFIDENCE = 0.99;
    private static final int MAX_REASONS = 6;

    private final Map<String, LeaningDetector> detectors;

    /** An engine reading detector hits through {@code detectors}. */
    public SuggestionEngine(List<LeaningDetector> detectors) {
        Map<String, LeaningDetector> byId = new HashMap<>();
        for (LeaningDetector d : detectors) {
            byId.put(d.id(), d);
        }
        this.detectors = Map.copyOf(byId);
    }

    /** An engine over the shipped detectors. */
    public static SuggestionEngine standard() {
        return new SuggestionEngine(ValueDetectors.catalog());
    }

    /**
     * A suggestion for every profiled path that has evidence, sorted by path; paths without
     * evidence are absent ("none"). The table name is context for generic names
     * ({@code name} in {@code customers}).
     */
    public SortedMap<AttributePath, Suggestion> suggest(TableProfile profile) {
        Map<AttributePath, AttributeProfile> byPath = new HashMap<>();
        profile.attributes().forEach(a -> byPath.put(a.path(), a));
        List<String> table = List.of(profile.table());
        Map<AttributePath, Optional<Suggestion>> own = new HashMap<>();
        Function<AttributePath, Optional<Suggestion>> ownOf =
                p -> own.computeIfAbsent(p, q -> own(q, Optional.ofNullable(byPath.get(q)), table));
        SortedMap<AttributePath, Suggestion> out = new TreeMap<>();
        for (AttributeProfile a : profile.attributes()) {
            withAncestors(a.path(), ownOf).ifPresent(s -> out.put(a.path(), s));
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** A suggestion for one path, e.g. one tagged ahead of sampling with no profile. */
    public Optional<Suggestion> suggest(AttributePath path, Optional<AttributeProfile> profile) {
        return suggest("", path, profile);
    }

    /** A suggestion for one path of {@code table}; ancestors are judged by their names. */
    public Optional<Suggestion> suggest(String table, AttributePath path, Optional<AttributeProfile> profile) {
        List<String> context = table.isEmpty() ? List.of() : List.of(table);
        return withAncestors(path, p -> p.equals(path) ? own(path, profile, context) : own(p, Optional.empty(), context));
    }

    private Optional<Suggestion> withAncestors(AttributePath path, Function<AttributePath, Optional<Suggestion>> ownOf) {
        Optional<Suggestion> self = ownOf.apply(path);
        Optional<AttributePath> from = Optional.empty();
        Optional<Suggestion> inherited = Optional.empty();
        for (AttributePath ancestor : path.ancestors()) {
            Optional<Suggestion> a = ownOf.apply(ancestor);
            if (a.isPresent() && narrower(a.get(), inherited.or(() -> self))) {
                inherited = a;
                from = Optional.of(ancestor);
            }
        }
        if (inherited.isEmpty()) {
            return self;
        }
        Suggestion a = inherited.get();
        List<String> reasons = new ArrayList<>();
        reasons.add("inherits " + a.classification().label() + " from `" + from.get() + "`: " + a.reasons().get(0));
        self.ifPresent(s -> reasons.addAll(s.reasons()));
        return Optional.of(new Suggestion(a.classification(), a.confidence(), limit(reasons)));
    }

    /** Narrower than the current one, or as narrow and surer: {@code address.city} leans on {@code address}. */
    private static boolean narrower(Suggestion candidate, Optional<Suggestion> current) {
        if (current.isEmpty()) {
            return true;
        }
        Classification now = current.get().classification();
        return now.isWiderThan(candidate.classification())
                || (now == candidate.classification() && candidate.confidence() > current.get().confidence());
    }

    /** The suggestion from the path's own name and values, without ancestors. */
    Optional<Suggestion> own(AttributePath path, Optional<AttributeProfile> profile, List<String> table) {
        List<Evidence> name = NameEvidence.of(path, profile.flatMap(SuggestionEngine::mainType), table);
        Optional<String> identifier = name.stream().filter(Evidence::explainsRandomness).findFirst().map(Evidence::reason);
        ValueEvidence values = profile.map(p -> ValueEvidence.of(p, detectors, identifier)).orElse(ValueEvidence.none());
        List<Evidence> all = new ArrayList<>(name);
        all.addAll(values.evidence());
        return decide(all).map(d -> withNotes(d, all, values));
    }

    /** Reasons for the class first, then what lowered or did not count, then evidence for other classes. */
    private static Suggestion withNotes(Decision d, List<Evidence> all, ValueEvidence values) {
        Comparator<Evidence> strongestFirst = Comparator.comparingDouble(Evidence::weight).reversed();
        List<String> reasons = new ArrayList<>();
        all.stream().filter(e -> e.classification() == d.classification()).sorted(strongestFirst)
                .forEach(e -> reasons.add(e.reason()));
        reasons.addAll(values.notes());
        all.stream().filter(e -> e.classification() != d.classification()).sorted(strongestFirst)
                .forEach(e -> reasons.add("also: " + e.reason() + ", which leans " + e.classification().label()));
        double confidence = d.confidence() * (1 - EXAMPLE_PENALTY * values.exampleRatio());
        return new Suggestion(d.classification(), round(Math.min(MAX_CONFIDENCE, confidence)), limit(reasons));
    }

    /** The class and its score, if any evidence is strong enough. */
    static Optional<Decision> decide(List<Evidence> evidence) {
        Map<Classification, Double> score = new EnumMap<>(Classification.class);
        for (Evidence e : evidence) {
            score.merge(e.classification(), e.weight(), (a, b) -> 1 - (1 - a) * (1 - b));
        }
        double secret = score.getOrDefault(Classification.SECRET, 0.0);
        double owner = score.getOrDefault(Classification.OWNER_ONLY, 0.0);
        double open = score.getOrDefault(Classification.PUBLIC, 0.0);
        if (secret >= THRESHOLD) {
            return Optional.of(new Decision(Classification.SECRET, secret));
        }
        if (owner >= THRESHOLD) {
            return Optional.of(new Decision(Classification.OWNER_ONLY, owner));
        }
        // only weak restrictive evidence: fail closed, at the low confidence it deserves
        if (secret > 0 || owner > 0) {
            return Optional.of(secret >= owner ? new Decision(Classification.SECRET, secret)
                    : new Decision(Classification.OWNER_ONLY, owner));
        }
        return open >= THRESHOLD ? Optional.of(new Decision(Classification.PUBLIC, open)) : Optional.empty();
    }

    /** A class with its combined score. */
    record Decision(Classification classification, double confidence) {
    }

    /** The most frequent type other than NULL: a mostly-null boolean is still a boolean. */
    private static Optional<DynamoType> mainType(AttributeProfile p) {
        return p.types().entrySet().stream().filter(e -> e.getKey() != DynamoType.NULL)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    private static List<String> limit(List<String> reasons) {
        return reasons.stream().distinct().limit(MAX_REASONS).toList();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
