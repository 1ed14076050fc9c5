package dev.veil.drift;

import static dev.veil.drift.Wording.code;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.DynamoType;
import dev.veil.model.FindingKind;
import dev.veil.model.PolicyRule;
import dev.veil.model.Severity;
import dev.veil.model.Suggestion;
import dev.veil.model.TableProfile;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the audited sample with the published policy: attributes the policy does not name
 * ({@code new-attribute}), types it did not record ({@code type-change}) and rules whose attribute the
 * sample should have shown but did not ({@code missing-attribute}). Runs only when both exist.
 */
final class PolicyDriftCheck {

    private PolicyDriftCheck() {
    }

    static List<ReportedFinding> run(TableEvidence t) {
        List<ReportedFinding> out = new ArrayList<>();
        if (t.policy().isEmpty() || t.latest().isEmpty()) {
            return out;
        }
        for (AttributeProfile a : t.observed().values()) {
            PolicyCoverage cov = t.coverage(a.path());
            if (cov.firstUnknownStep(a.path()) && !a.path().endsWithElements()) {
                out.add(newAttribute(t, a, cov));
            } else if (cov.status() == PolicyCoverage.Status.NAMED) {
                typeChange(t, a, cov).ifPresent(out::add);
            }
        }
        t.policyRules().forEach((path, rule) -> missing(t, path).ifPresent(out::add));
        return out;
    }

    // new-attribute: HIGH when Veil suggests secret or owner-only, LOW inside a secret parent
    // (dropped with it), MEDIUM otherwise. Sanitizers drop it either way: the risk is that
    // nobody has decided, and that a hurried "publish" could widen it.
    private static ReportedFinding newAttribute(TableEvidence t, AttributeProfile a, PolicyCoverage cov) {
        AttributePath path = a.path();
        Optional<Suggestion> suggestion = t.suggestion(path);
        Optional<Decision> pending = t.decision(path);
        boolean insideSecret = cov.effectiveClass().filter(c -> c == Classification.SECRET).isPresent();
        Severity severity = insideSecret ? Severity.LOW
                : suggestion.filter(s -> s.classification() != Classification.PUBLIC).isPresent()
                ? Severity.HIGH : Severity.MEDIUM;
        StringBuilder msg = new StringBuilder()
                .append(code(path)).append(" appeared in ").append(Wording.percent(a.presence())).append(" of ")
                .append(t.itemsSampled()).append(t.sampledItems()).append(", but ").append(t.policyName())
                .append(" does not name it. ");
        if (insideSecret) {
            AttributePath parent = path.parent().orElseThrow();
            msg.append("It sits inside ").append(code(parent))
                    .append(", which is secret, so sanitizers drop it with its parent.");
        } else {
            msg.append("Sanitizers drop attributes the policy does not name, so it is hidden, but unreviewed.");
        }
        suggestion.ifPresent(s -> msg.append(" Veil suggests ").append(s.classification().label())
                .append(" (confidence ").append(String.format(Locale.ROOT, "%.2f", s.confidence()))
                .append(s.reasons().isEmpty() ? "" : ": " + s.reasons().get(0)).append(")."));
        pending.ifPresent(d -> msg.append(" It was tagged ").append(d.classification().label()).append(" by ")
                .append(d.reviewer()).append(" on ").append(Wording.when(d.decidedAt()))
                .append(", not yet published."));
        String action = pending.isPresent()
                ? "publish the decision: " + Wording.publishCommand(t.table())
                : "review it: " + Wording.tagCommand(t.table(), t.entity(), path,
                        suggestion.map(s -> s.classification().label()).orElse(Wording.anyClass()))
                        + ", then " + Wording.publishCommand(t.table());
        Findings f = Findings.at(t, path, FindingKind.NEW_ATTRIBUTE).severity(severity)
                .message(msg.toString()).action(action)
                .detail("presence", a.presence()).detail("itemsPresent", a.itemsPresent())
                .detail("itemsSampled", t.itemsSampled()).detail("types", codes(observedTypes(a)));
        suggestion.ifPresent(s -> f.detail("suggestedClass", s.classification().label())
                .detail("suggestionConfidence", s.confidence()));
        pending.ifPresent(d -> f.detail("pendingClass", d.classification().label()));
        return f.build();
    }

    // type-change: HIGH when the shape changes (scalar, map, list) on a non-secret attribute, since a
    // value without fields/items passes whole; MEDIUM for a scalar change or a secret shape change;
    // LOW for a scalar change of a secret attribute (dropped whatever its type).
    private static Optional<ReportedFinding> typeChange(TableEvidence t, AttributeProfile a, PolicyCoverage cov) {
        PolicyRule rule = cov.rule().orElseThrow();
        Set<DynamoType> recorded = withoutNull(rule.types());
        Set<DynamoType> seen = observedTypes(a);
        if (recorded.isEmpty() || recorded.containsAll(seen)) {
            return Optional.empty();
        }
        Set<DynamoType> added = EnumSet.copyOf(seen);
        added.removeAll(recorded);
        boolean secret = cov.effectiveClass().filter(c -> c == Classification.SECRET).isPresent();
        boolean shapeChange = added.stream().map(PolicyDriftCheck::shape).anyMatch(s -> !shapes(recorded).contains(s));
        Severity severity = shapeChange ? (secret ? Severity.MEDIUM : Severity.HIGH)
                : (secret ? Severity.LOW : Severity.MEDIUM);
        StringBuilder msg = new StringBuilder()
                .append(code(a.path())).append(" now holds ").append(describe(added)).append(" values, but ")
                .append(t.policyName()).append(" records ").append(describe(recorded)).append(" (seen in ")
                .append(t.itemsSampled()).append(t.sampledItems()).append(": ").append(Wording.typeCounts(a.types())).append(").");
        if (shapeChange && !secret && rule.fields().isEmpty() && rule.items().isEmpty()
                && added.stream().anyMatch(DynamoType::isContainer)) {
            msg.append(" Sanitizers pass a value without fields or items rules whole, so everything nested in it"
                    + " reaches whoever may see ").append(code(a.path())).append(", unreviewed.");
        } else if (shapeChange) {
            msg.append(" Its rules describe a different shape, so sanitizers may drop or pass the wrong parts.");
        }
        String action = "ask the service that writes " + code(t.table() + "." + a.path())
                + " whether " + Wording.types(added) + " is intended; if so, review it again ("
                + Wording.reviewCommand(t.table(), t.entity()) + ") and run " + Wording.publishCommand(t.table())
                + " to record the new types, otherwise fix the writer";
        return Optional.of(Findings.at(t, a.path(), FindingKind.TYPE_CHANGE).severity(severity)
                .message(msg.toString()).action(action)
                .detail("policyTypes", codes(recorded)).detail("observedTypes", counts(a.types()))
                .detail("shapeChange", shapeChange).build());
    }

    // missing-attribute: MEDIUM when the attribute was in at least half of the items of an earlier run
    // (a real schema change, often a rename), LOW otherwise. Key attributes are never missing.
    private static Optional<ReportedFinding> missing(TableEvidence t, AttributePath path) {
        if (path.endsWithElements() || (path.isTopLevel() && t.isKeyAttribute(path.topLevelName()))
                || t.observed(path).isPresent() || holder(path).filter(h -> t.observed(h).isEmpty()).isPresent()) {
            // Only the outermost missing path is reported: its children are missing with it.
            return Optional.empty();
        }
        long n = t.itemsSampled();
        Optional<Earlier> earlier = lastSeen(t, path);
        double p = earlier.map(e -> e.presence).orElse(Expectation.ASSUMED_PRESENCE);
        if (!Expectation.expected(p, n)) {
            return Optional.empty();
        }
        Severity severity = earlier.filter(e -> e.presence >= 0.5).isPresent() ? Severity.MEDIUM : Severity.LOW;
        String evidence = earlier.map(e -> "; on " + Wording.when(e.run.sampledAt()) + " it was in "
                        + Wording.percent(e.presence) + " of " + e.run.itemsSampled()
                        + " items, so a sample this size would have shown it with at least 99% likelihood.")
                .orElse("; an attribute in even 1% of items shows up in a sample this size with at least 99% likelihood.");
        String msg = code(path) + " is in " + t.policyName() + " but none of " + n + t.sampledItems() + " holds it" + evidence;
        String action = "if it was removed or renamed, look for its successor among the new attributes, update the review"
                + " (" + Wording.reviewCommand(t.table(), t.entity()) + ") and run " + Wording.publishCommand(t.table())
                + "; if it is only rare, audit a larger sample ("
                + Wording.command("drift", t.table(), "--items", Long.toString(Math.max(n * 4, 1000))) + ")";
        Findings f = Findings.at(t, path, FindingKind.MISSING_ATTRIBUTE).severity(severity)
                .message(msg).action(action).detail("itemsSampled", n).detail("expectedPresence", p)
                .detail("chanceOfSeeing", Expectation.chanceOfSeeing(p, n));
        earlier.ifPresent(e -> f.detail("lastSeen", e.run.sampledAt().toString()));
        return Optional.of(f.build());
    }

    /** The nearest ancestor that ends in a name (the list for {@code orders[].total}). */
    private static Optional<AttributePath> holder(AttributePath path) {
        Optional<AttributePath> up = path.parent();
        while (up.isPresent() && up.get().endsWithElements()) {
            up = up.get().parent();
        }
        return up;
    }

    private record Earlier(TableProfile run, double presence) {
    }

    private static Optional<Earlier> lastSeen(TableEvidence t, AttributePath path) {
        List<TableProfile> runs = t.earlierRuns();
        for (int i = runs.size() - 1; i >= 0; i--) {
            Optional<AttributeProfile> a = runs.get(i).attribute(path);
            if (a.isPresent() && a.get().presence() > 0) {
                return Optional.of(new Earlier(runs.get(i), a.get().presence()));
            }
        }
        return Optional.empty();
    }

    /** The types seen, leaving out NULL: a null value is an absent value, not a new type. */
    static Set<DynamoType> observedTypes(AttributeProfile a) {
        Set<DynamoType> out = EnumSet.noneOf(DynamoType.class);
        a.types().forEach((type, count) -> {
            if (count > 0 && type != DynamoType.NULL) {
                out.add(type);
            }
        });
        return out;
    }

    private static Set<DynamoType> withoutNull(List<DynamoType> types) {
        Set<DynamoType> out = EnumSet.noneOf(DynamoType.class);
        types.stream().filter(ty -> ty != DynamoType.NULL).forEach(out::add);
        return out;
    }

    /** Scalars and sets share a shape; maps and lists each have their own. */
    private static String shape(DynamoType type) {
        return switch (type) {
            case M -> "map";
            case L -> "list";
            default -> "scalar";
        };
    }

    private static Set<String> shapes(Set<DynamoType> types) {
        return Set.copyOf(types.stream().map(PolicyDriftCheck::shape).toList());
    }

    private static String describe(Set<DynamoType> types) {
        return String.join(" or ", types.stream().sorted().map(ty -> ty.code() + " (" + typeName(ty) + ")").toList());
    }

    static String typeName(DynamoType type) {
        return switch (type) {
            case S -> "string";
            case N -> "number";
            case B -> "binary";
            case BOOL -> "boolean";
            case NULL -> "null";
            case M -> "map";
            case L -> "list";
            case SS -> "string set";
            case NS -> "number set";
            case BS -> "binary set";
        };
    }

    private static List<String> codes(Set<DynamoType> types) {
        return types.stream().sorted().map(DynamoType::code).toList();
    }

    private static Map<String, Long> counts(Map<DynamoType, Long> types) {
        Map<String, Long> out = new LinkedHashMap<>();
        types.forEach((type, n) -> out.put(type.code(), n));
        return out;
    }
}
