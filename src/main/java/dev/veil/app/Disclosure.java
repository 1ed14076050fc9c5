package dev.veil.app;

import dev.veil.inference.detect.Leaning;
import dev.veil.inference.detect.LeaningDetector;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.EntityProfile;
import dev.veil.model.Suggestion;
import dev.veil.model.TableProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one rule for what of a profile may leave the accumulator: into the workspace, onto either
 * face, into any report. A number range holds two raw values, so it is kept only for an attribute
 * nothing marks as restricted (no secret or owner-only decision, suggestion or detector hit on
 * it or an ancestor). Masked examples are shapes, but even the shape of a secret says something
 * (a bcrypt prefix, a key length), so they are dropped for an attribute that is, is suggested, or
 * looks secret (any hit of a credential detector, however few).
 */
public final class Disclosure {

    private Disclosure() {
    }

    /** What is known of one path that bears on disclosure. */
    public record Facts(Optional<Classification> decided, Optional<Suggestion> suggested,
                        Optional<AttributeProfile> profile) {
    }

    /** True when examples of the attribute are withheld: it is, is suggested, or looks secret. */
    public static boolean withholdsExamples(Facts f) {
        return f.decided().filter(c -> c == Classification.SECRET).isPresent()
                || f.suggested().filter(s -> s.classification() == Classification.SECRET).isPresent()
                || f.profile().map(p -> hitsOf(p, Leaning.SECRET)).orElse(false);
    }

    /** True when raw extremes (a number range) are withheld: anything marks the attribute restricted. */
    public static boolean withholdsRawValues(Facts f) {
        return withholdsExamples(f)
                || f.decided().filter(c -> c != Classification.PUBLIC).isPresent()
                || f.suggested().filter(s -> s.classification() != Classification.PUBLIC).isPresent()
                || f.profile().map(p -> hitsOf(p, Leaning.OWNER_ONLY)).orElse(false);
    }

    /** The profile with whatever the rule withholds removed. */
    public static AttributeProfile apply(AttributeProfile a, Facts f) {
        boolean examples = withholdsExamples(f);
        boolean raw = examples || withholdsRawValues(f);
        if (!raw || (a.numberRange().isEmpty() && (!examples || a.maskedExamples().isEmpty()))) {
            return a;
        }
        return new AttributeProfile(a.path(), a.types(), a.itemsPresent(), a.presence(), a.stringLength(),
                a.binaryLength(), Optional.empty(), a.distinctEstimate(),
                examples ? List.of() : a.maskedExamples(), a.valuesScanned(), a.detectorHits());
    }

    /**
     * The table profile with the rule applied to every path, reading decisions and suggestions of
     * the path and of its ancestors ({@code credentials.pin} is as secret as {@code credentials}).
     */
    public static TableProfile apply(TableProfile profile, Map<AttributePath, Suggestion> suggestions,
                                     Function<AttributePath, Optional<Classification>> decisions) {
        return apply(profile, suggestions, decisions, Map.of());
    }

    /**
     * The table profile with the rule applied to every path of the table and of each entity; an
     * entity's path is judged by its own suggestions and by both the table's and its own.
     */
    public static TableProfile apply(TableProfile profile, Map<AttributePath, Suggestion> suggestions,
                                     Function<AttributePath, Optional<Classification>> decisions,
                                     Map<String, Map<AttributePath, Suggestion>> entitySuggestions) {
        List<AttributeProfile> out = new ArrayList<>(profile.attributes().size());
        for (AttributeProfile a : profile.attributes()) {
            out.add(apply(a, facts(a, suggestions, decisions)));
        }
        List<EntityProfile> entities = new ArrayList<>();
        for (EntityProfile e : profile.entities()) {
            Map<AttributePath, Suggestion> own = entitySuggestions.getOrDefault(e.name(), Map.of());
            List<AttributeProfile> kept = new ArrayList<>(e.attributes().size());
            for (AttributeProfile a : e.attributes()) {
                AttributeProfile once = apply(a, facts(a, own, decisions));
                kept.add(apply(once, facts(a, suggestions, decisions)));
            }
            entities.add(e.withAttributes(kept));
        }
        return new TableProfile(profile.table(), profile.source(), profile.sampledAt(), profile.itemsSampled(),
                profile.keySchema(), out, profile.coverage(), profile.indexes(), entities);
    }

    /** The facts of {@code a}, the narrowest of its own and its ancestors' decisions and suggestions. */
    static Facts facts(AttributeProfile a, Map<AttributePath, Suggestion> suggestions,
                       Function<AttributePath, Optional<Classification>> decisions) {
        Optional<Classification> decided = decisions.apply(a.path());
        Optional<Suggestion> suggested = Optional.ofNullable(suggestions.get(a.path()));
        for (AttributePath ancestor : a.path().ancestors()) {
            decided = narrowest(decided, decisions.apply(ancestor));
            Optional<Suggestion> s = Optional.ofNullable(suggestions.get(ancestor));
            if (s.isPresent() && (suggested.isEmpty()
                    || suggested.get().classification().isWiderThan(s.get().classification()))) {
                suggested = s;
            }
        }
        return new Facts(decided, suggested, Optional.of(a));
    }

    private static Optional<Classification> narrowest(Optional<Classification> a, Optional<Classification> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && a.get().isWiderThan(b.get()) ? b : a;
    }

    private static boolean hitsOf(AttributeProfile p, Leaning leaning) {
        for (Map.Entry<String, Long> hit : p.detectorHits().entrySet()) {
            Optional<LeaningDetector> d = ValueDetectors.byId(hit.getKey());
            if (hit.getValue() > 0 && d.isPresent() && d.get().leaning() == leaning) {
                return true;
            }
        }
        return false;
    }
}
