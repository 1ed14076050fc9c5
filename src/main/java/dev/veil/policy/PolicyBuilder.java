package dev.veil.policy;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.DynamoType;
import dev.veil.model.PathRule;
import dev.veil.model.PathSyntaxException;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.Review;
import dev.veil.model.TableProfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a table's current review decisions into the draft of its next policy version.
 *
 * <p>Each decided path becomes a rule: {@code address} + {@code address.city} give an
 * {@code address} rule with {@code fields {city}}; {@code orders[]} gives an {@code items} rule
 * with a class; {@code orders[].total} goes into {@code items.fields.total}, under an items rule
 * without a class when {@code orders[]} itself has no decision. A nested decision whose enclosing
 * attribute or field has no decision cannot take effect (a sanitizer drops the undecided parent
 * as unknown), so it is left out with a warning. Undecided paths are left out: they are secret.
 * Types come from the profile's type counts at each path, or from the previous version when
 * the latest sample did not see the path.
 */
public final class PolicyBuilder {

    /** The warning of a policy with owner-only attributes and no owner attribute to show them by. */
    public static final String OWNER_MISSING = "owner-only attributes are hidden from everyone: no owner attribute "
            + "is set; name the top-level attribute that holds the owner's id";

    /** The draft and what the steward should know about it (decisions left out, owner doubts). */
    public record BuildResult(Policy draft, List<String> warnings) {
        public BuildResult {
            Objects.requireNonNull(draft, "draft");
            warnings = List.copyOf(warnings);
        }
    }

    private PolicyBuilder() {
    }

    /**
     * Builds the draft of {@code table}'s next version.
     *
     * @param decisions the table's current decisions, at most one per path
     * @param profile   the latest sample, for observed types
     * @param owner     the owner attribute in path syntax ({@code user_id}, or {@code "a.b"} for a
     *                  name holding a dot); empty to carry over the previous version's owner
     * @param previous  the latest published version, if any: its owner, its types for unsampled
     *                  paths, and the draft's version and {@code previous} digest
     * @throws PolicyValidationException when the owner is not a top-level attribute name
     * @throws IllegalArgumentException  when a decision belongs to another table or two decide one path
     */
    public static BuildResult build(String table, List<Decision> decisions, Optional<TableProfile> profile,
                                    Optional<String> owner, Optional<Policy> previous) {
        Objects.requireNonNull(table, "table");
        Map<AttributePath, Decision> byPath = index(table, decisions);
        List<String> warnings = new ArrayList<>();
        Types types = new Types(profile, previous);

        Children children = Children.of(byPath);
        Map<String, PolicyRule> attributes = new TreeMap<>();
        byPath.keySet().stream().filter(AttributePath::isTopLevel).sorted().forEach(path ->
                attributes.put(path.topLevelName(), rule(path, Optional.of(byPath.get(path)), byPath, children, types)));
        byPath.values().stream().sorted((a, b) -> a.path().compareTo(b.path()))
                .forEach(d -> explain(d, byPath, warnings));

        Optional<String> ownerName = owner.isPresent() ? Optional.of(ownerName(owner.get())) : previous.flatMap(Policy::owner);
        ownerWarnings(ownerName, attributes, profile, warnings);
        int version = previous.map(p -> p.version() + 1).orElse(1);
        Policy draft = Policy.draft(table, version, previous.flatMap(Policy::digest), ownerName, attributes);
        return new BuildResult(draft, warnings);
    }

    private static Map<AttributePath, Decision> index(String table, List<Decision> decisions) {
        Map<AttributePath, Decision> byPath = new HashMap<>();
        for (Decision d : decisions) {
            if (!d.table().equals(table)) {
                throw new IllegalArgumentException("decision for `" + d.path() + "` belongs to table " + d.table()
                        + ", not " + table + "; pass only the decisions of the table being published");
            }
            if (byPath.put(d.path(), d) != null) {
                throw new IllegalArgumentException("two decisions for `" + d.path() + "` of table " + table
                        + "; pass only the current decision of each path");
            }
        }
        return byPath;
    }

    /** The rule at {@code path}, built from its decision (if any) and the decisions below it that can take effect. */
    private static PolicyRule rule(AttributePath path, Optional<Decision> decision, Map<AttributePath, Decision> byPath,
                                   Children children, Types types) {
        Map<String, PolicyRule> fields = new TreeMap<>();
        Optional<PolicyRule> items = Optional.empty();
        for (AttributePath child : children.of(path)) {
            Optional<Decision> d = Optional.ofNullable(byPath.get(child));
            if (child.endsWithElements()) {
                items = Optional.of(rule(child, d, byPath, children, types));
            } else if (d.isPresent()) {
                fields.put(child.lastName(), rule(child, d, byPath, children, types));
            }
        }
        return new PolicyRule(decision.map(Decision::classification), types.at(path), new TreeMap<>(fields), items,
                decision.map(Review::of));
    }

    /**
     * The direct children of each path that get a rule: decided fields, and the elements step
     * when it or anything beneath it is decided and takes effect. Built once, in one pass over the
     * decisions, so that building a rule costs its own children and not every decision of the
     * table (a 10,000-attribute table would otherwise cost 10,000 scans of 10,000 paths).
     */
    private record Children(Map<AttributePath, List<AttributePath>> fields, Set<AttributePath> usedElements) {

        static Children of(Map<AttributePath, Decision> byPath) {
            Map<AttributePath, List<AttributePath>> fields = new HashMap<>();
            Set<AttributePath> usedElements = new HashSet<>();
            for (AttributePath p : byPath.keySet()) {
                if (!p.endsWithElements()) {
                    p.parent().ifPresent(parent -> fields.computeIfAbsent(parent, k -> new ArrayList<>()).add(p));
                }
                if (takesEffect(p, byPath)) {
                    List<AttributePath.Segment> segments = p.segments();
                    for (int i = 1; i < segments.size(); i++) {
                        if (segments.get(i) instanceof AttributePath.Elements) {
                            usedElements.add(new AttributePath(segments.subList(0, i + 1)));
                        }
                    }
                }
            }
            return new Children(fields, usedElements);
        }

        /** The children of {@code path} that get a rule, in path order. */
        List<AttributePath> of(AttributePath path) {
            List<AttributePath> out = new ArrayList<>(fields.getOrDefault(path, List.of()));
            AttributePath elements = path.elements();
            if (usedElements.contains(elements)) {
                out.add(elements);
            }
            out.sort(null);
            return out;
        }
    }

    /**
     * A decision takes effect when every enclosing attribute or field is decided; an enclosing
     * {@code []} step needs no decision of its own (it follows its list).
     */
    private static boolean takesEffect(AttributePath path, Map<AttributePath, Decision> byPath) {
        return missingParent(path, byPath).isEmpty();
    }

    /** The outermost enclosing attribute or field without a decision. */
    private static Optional<AttributePath> missingParent(AttributePath path, Map<AttributePath, Decision> byPath) {
        return path.ancestors().stream().filter(a -> !a.endsWithElements() && !byPath.containsKey(a)).findFirst();
    }

    private static void explain(Decision d, Map<AttributePath, Decision> byPath, List<String> warnings) {
        Optional<AttributePath> missing = missingParent(d.path(), byPath);
        if (missing.isPresent()) {
            warnings.add("`" + d.path() + "` (" + d.classification() + ") is left out: `" + missing.get()
                    + "` has no decision, so every sanitizer drops it whole as unknown; tag `" + missing.get()
                    + "` to publish this rule");
            return;
        }
        d.path().ancestors().stream().filter(byPath::containsKey)
                .filter(a -> byPath.get(a).classification() == Classification.SECRET)
                .findFirst()
                .filter(a -> d.classification() != Classification.SECRET)
                .ifPresent(a -> warnings.add("`" + d.path() + "` (" + d.classification() + ") has no effect: `" + a
                        + "` is secret, so nothing beneath it is ever shown"));
    }

    private static String ownerName(String ownerPath) {
        AttributePath path;
        try {
            path = AttributePath.parse(ownerPath);
        } catch (PathSyntaxException e) {
            throw new PolicyValidationException("owner " + e.getMessage());
        }
        if (!path.isTopLevel()) {
            throw new PolicyValidationException("the owner must be a top-level attribute, but `" + path + "` is nested under `"
                    + path.topLevelName() + "`; pass a top-level attribute such as `" + path.topLevelName()
                    + "` (quote a name that holds a dot: \"a.b\")");
        }
        return path.topLevelName();
    }

    private static void ownerWarnings(Optional<String> owner, Map<String, PolicyRule> attributes,
                                      Optional<TableProfile> profile, List<String> warnings) {
        if (owner.isEmpty()) {
            if (PathRule.walk("", attributes).stream().anyMatch(PolicyBuilder::isOwnerOnly)) {
                warnings.add(OWNER_MISSING);
            }
            return;
        }
        AttributePath ownerPath = AttributePath.of(owner.get());
        if (profile.isPresent() && profile.get().attribute(ownerPath).isEmpty()) {
            warnings.add("owner attribute `" + ownerPath + "` was not seen in the latest sample of " + profile.get().table()
                    + "; check its spelling: items without it have no owner");
        }
    }

    private static boolean isOwnerOnly(PathRule r) {
        return r.rule().classification().filter(c -> c == Classification.OWNER_ONLY).isPresent();
    }

    /** Observed types per path: the latest sample first, else the previous version's record. */
    private record Types(Optional<TableProfile> profile, Optional<Policy> previous) {
        List<DynamoType> at(AttributePath path) {
            Optional<AttributeProfile> seen = profile.flatMap(p -> p.attribute(path));
            if (seen.isPresent()) {
                return seen.get().types().entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).toList();
            }
            return previous.flatMap(p -> p.rule(path)).map(PolicyRule::types).orElse(List.of());
        }
    }
}
