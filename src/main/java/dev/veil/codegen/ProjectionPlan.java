package dev.veil.codegen;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.EntityPolicy;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.policy.ReferenceSanitizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What each view of a table may fetch, computed once per policy and shared by every generator.
 * The owner view projects what an owner may keep, the public view what anyone may keep; both
 * always include the owner attribute so the sanitizer can decide. Kept attributes are projected
 * whole, so that sanitizing a projected item gives exactly what sanitizing the whole item gives
 * (see {@link #collect}). A projection only saves bandwidth: the sanitizer still filters.
 */
public record ProjectionPlan(Projection owner, Projection publicView) {

    /** DynamoDB's limit on the length of any expression string. */
    public static final int MAX_EXPRESSION_BYTES = 4096;

    /**
     * DynamoDB's limit on all substitution variables of a request together (ExpressionAttributeNames
     * keys and values, and values). Attribute names may be 64 KB each, so a few dozen long names
     * exceed it while the expression itself stays short.
     */
    public static final int MAX_SUBSTITUTION_BYTES = 2 * 1024 * 1024;

    /** What every placeholder starts with; see {@link #placeholder}. */
    public static final String PLACEHOLDER_PREFIX = "#veil";

    public ProjectionPlan {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(publicView, "publicView");
    }

    /**
     * The plan for {@code policy}. A view whose projection would exceed DynamoDB's limits on an
     * expression or on substitution variables (a wide table: hundreds of kept attributes) gets an
     * empty expression, so helpers fetch whole items and the sanitizer alone filters.
     */
    public static ProjectionPlan of(Policy policy) {
        return of(policy, List.of());
    }

    /**
     * The plan for {@code policy} over a table whose key attributes are {@code keyNames} (partition
     * key first; empty when unknown). A view that keeps no attribute at all still projects the
     * keys: IAM policies require {@code dynamodb:Select = SPECIFIC_ATTRIBUTES}, which a request
     * without a projection never has, and the keys are what every role may read. The sanitizer
     * then drops them as the policy says.
     */
    public static ProjectionPlan of(Policy policy, List<String> keyNames) {
        return new ProjectionPlan(view(policy, true, keyNames), view(policy, false, keyNames));
    }

    /** True when a view keeps nothing, so the plan needs the table's key attributes to project. */
    public boolean needsKeys() {
        return owner.paths().isEmpty() || publicView.paths().isEmpty();
    }

    /**
     * The plan of one entity of a {@code veil-policy/2} policy: what its views keep, plus its match
     * and owner attributes, which the sanitizer reads to find the entity and the owner.
     */
    public static ProjectionPlan ofEntity(EntityPolicy entity) {
        return new ProjectionPlan(project(entityPaths(entity, true), List.of()), project(entityPaths(entity, false), List.of()));
    }

    /** The plan of every entity of {@code policy}, by name; empty for a table of one kind. */
    public static SortedMap<String, ProjectionPlan> perEntity(Policy policy) {
        SortedMap<String, ProjectionPlan> out = new TreeMap<>();
        policy.entities().forEach((name, entity) -> out.put(name, ofEntity(entity)));
        return out;
    }

    private static List<AttributePath> entityPaths(EntityPolicy entity, boolean owner) {
        List<AttributePath> paths = new ArrayList<>();
        entity.attributes().forEach((name, rule) -> collect(AttributePath.of(name), rule, owner, paths));
        paths.add(AttributePath.of(entity.match().attribute()));
        entity.owner().ifPresent(o -> paths.add(AttributePath.of(o.attribute())));
        return paths;
    }

    private static Projection view(Policy policy, boolean owner, List<String> keyNames) {
        List<AttributePath> paths = new ArrayList<>();
        policy.attributes().forEach((name, rule) -> collect(AttributePath.of(name), rule, owner, paths));
        policy.owner().ifPresent(o -> paths.add(AttributePath.of(o)));
        // A policy with entities: the union over its entities, a query over a whole item collection
        // returning items of any of them.
        policy.entities().values().forEach(e -> paths.addAll(entityPaths(e, owner)));
        return project(paths, keyNames);
    }

    private static Projection project(List<AttributePath> paths, List<String> keyNames) {
        if (paths.isEmpty()) {
            keyNames.forEach(k -> paths.add(AttributePath.of(k)));
        }
        List<AttributePath> disjoint = withoutNested(paths);
        Map<String, String> placeholders = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        for (AttributePath path : disjoint) {
            List<String> segments = new ArrayList<>();
            for (String name : path.names()) {
                segments.add(placeholder(placeholders, name));
            }
            parts.add(String.join(".", segments));
        }
        String expression = String.join(", ", parts);
        Map<String, String> names = new LinkedHashMap<>();
        placeholders.forEach((name, ph) -> names.put(ph, name));
        long substitutions = names.entrySet().stream().mapToLong(e -> utf8(e.getKey()) + utf8(e.getValue())).sum();
        if (utf8(expression) > MAX_EXPRESSION_BYTES || substitutions > MAX_SUBSTITUTION_BYTES) {
            // No projection can say what this view keeps within DynamoDB's limits: fetch whole items
            // and let the sanitizer filter, which it does anyway.
            return new Projection("", Map.of(), disjoint);
        }
        return new Projection(expression, names, disjoint);
    }

    /**
     * Adds what a view keeps of {@code rule} at {@code path}: the whole attribute. A kept map
     * with fields cannot be projected field by field: when none of the projected fields exists,
     * DynamoDB omits the map altogether, while the sanitizer keeps it as an empty map, so the two
     * fetches would disagree. Lists cannot be projected per element at all.
     */
    private static void collect(AttributePath path, PolicyRule rule, boolean owner, List<AttributePath> out) {
        if (rule.classification().isEmpty() || ReferenceSanitizer.allows(rule.classification().get(), owner)) {
            out.add(path);
        }
    }

    /**
     * Drops every path that lies inside another: DynamoDB rejects overlapping paths. Paths sort
     * segment by segment, so whatever lies inside a kept path follows it directly: comparing with
     * the last kept one is enough, and wide tables stay linear after the sort.
     */
    private static List<AttributePath> withoutNested(List<AttributePath> paths) {
        TreeSet<AttributePath> sorted = new TreeSet<>(paths);
        List<AttributePath> out = new ArrayList<>();
        for (AttributePath p : sorted) {
            if (out.isEmpty() || !out.get(out.size() - 1).contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * {@code #veil0}, {@code #veil1}…: callers add the projection's names to requests whose other
     * expressions have placeholders of their own, and SDK helpers pick short ones (boto3's condition
     * builder {@code #n0}, the Go expression builder and PynamoDB {@code #0}, dynamoose {@code #a0})
     * and overwrite any entry of the same name. A prefix no helper uses keeps both meanings.
     */
    private static String placeholder(Map<String, String> placeholders, String name) {
        return placeholders.computeIfAbsent(name, n -> PLACEHOLDER_PREFIX + placeholders.size());
    }

    /** Names the classes each view keeps, for generated documentation. */
    static String describe(boolean owner) {
        return owner ? Classification.PUBLIC.label() + " and " + Classification.OWNER_ONLY.label()
                : Classification.PUBLIC.label();
    }
}
