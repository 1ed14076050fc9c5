package dev.veil.codegen;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.IndexInfo;
import dev.veil.model.PathRule;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.policy.ReferenceSanitizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What IAM can enforce of a policy, worked out once for both IAM outputs. IAM's condition keys
 * see the top-level attribute names a request touches ({@code dynamodb:Attributes}) and the
 * partition-key values it reads ({@code dynamodb:LeadingKeys}), nothing inside a value: each role
 * may name the table's keys and the top-level attributes its view's projection fetches (the same
 * {@link ProjectionPlan} the generated helpers send), and every rule IAM cannot express is listed
 * with the reason, so nobody mistakes the IAM policy for the whole of the policy.
 *
 * @param table         the table
 * @param tableArn      the table's ARN
 * @param publicRole    what the public role may read
 * @param ownerRole     what the owner role may read; empty where IAM cannot tell owners apart
 * @param ownerReason   why there is no owner role; empty when there is one
 * @param leadingKey    the partition-key value an owner role's session may read (the owner
 *                      template over the principal variable); meaningful only with an owner role
 * @param enforcedByIam top-level attributes whose whole rule the IAM policies enforce
 * @param sanitizerOnly rules only the sanitizer enforces, with the reason
 * @param indexes       per index, which roles may query it, and why not
 */
public record IamPlan(String table, String tableArn, Role publicRole, Optional<Role> ownerRole,
                      Optional<String> ownerReason, String leadingKey, List<String> enforcedByIam,
                      List<Reason> sanitizerOnly, List<IndexDecision> indexes) {

    /**
     * What one role may read.
     *
     * @param attributes the top-level names its requests may touch, sorted
     * @param indexes    the indexes it may query, in table order
     */
    public record Role(List<String> attributes, List<String> indexes) {
        public Role {
            attributes = List.copyOf(attributes);
            indexes = List.copyOf(indexes);
        }
    }

    /** A rule only the sanitizer enforces. */
    public record Reason(String path, String reason) {
        public Reason {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Whether each role may query an index; {@code reason} says why a role may not. */
    public record IndexDecision(String name, boolean publicRole, boolean ownerRole, String reason) {
        public IndexDecision {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
        }
    }

    public IamPlan {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(tableArn, "tableArn");
        Objects.requireNonNull(publicRole, "publicRole");
        Objects.requireNonNull(ownerRole, "ownerRole");
        Objects.requireNonNull(ownerReason, "ownerReason");
        Objects.requireNonNull(leadingKey, "leadingKey");
        enforcedByIam = List.copyOf(enforcedByIam);
        sanitizerOnly = List.copyOf(sanitizerOnly);
        indexes = List.copyOf(indexes);
    }

    /** The plan for {@code policy} over a table of {@code shape}. */
    public static IamPlan of(Policy policy, ProjectionPlan projections, TableShape shape, IamOptions options) {
        if (policy.hasEntities()) {
            return IamEntityPlan.of(policy, projections, shape, options);
        }
        List<String> keys = shape.keySchema().names();
        Set<String> publicNames = readable(keys, projections.publicView());
        Set<String> ownerNames = readable(keys, projections.owner());
        Optional<String> ownerReason = ownerReason(policy, shape);
        boolean hasOwnerRole = ownerReason.isEmpty();
        requireExpression(policy, projections.publicView(), "public");
        if (hasOwnerRole) {
            requireExpression(policy, projections.owner(), "owner");
        }

        List<IndexDecision> indexes = new ArrayList<>();
        List<String> publicIndexes = new ArrayList<>();
        List<String> ownerIndexes = new ArrayList<>();
        for (IndexInfo index : shape.indexes()) {
            Optional<String> publicProblem = indexProblem(index, shape, publicNames, "public");
            Optional<String> ownerProblem = hasOwnerRole ? ownerIndexProblem(index, shape, ownerNames) : ownerReason;
            publicProblem.ifPresentOrElse(p -> { }, () -> publicIndexes.add(index.name()));
            ownerProblem.ifPresentOrElse(p -> { }, () -> ownerIndexes.add(index.name()));
            List<String> why = new ArrayList<>();
            publicProblem.ifPresent(p -> why.add("public role: " + p));
            ownerProblem.filter(p -> hasOwnerRole).ifPresent(p -> why.add("owner role: " + p));
            indexes.add(new IndexDecision(index.name(), publicProblem.isEmpty(), hasOwnerRole && ownerProblem.isEmpty(),
                    String.join("; ", why)));
        }

        Map<String, String> reasons = new LinkedHashMap<>();
        for (String key : keys) {
            forcedReason(policy, key, hasOwnerRole, "a key attribute: every request names it, so IAM must let")
                    .ifPresent(r -> reasons.put(key, r));
        }
        policy.owner().filter(o -> !reasons.containsKey(o)).ifPresent(o -> forcedReason(policy, o, hasOwnerRole,
                "the owner attribute: the generated helpers fetch it so the sanitizer can tell whose item it is, so IAM lets")
                .ifPresent(r -> reasons.put(o, r)));
        policy.attributes().forEach((name, rule) -> {
            if (!reasons.containsKey(name)) {
                nestedReason(name, rule, publicNames.contains(name), hasOwnerRole && ownerNames.contains(name))
                        .ifPresent(r -> reasons.put(name, r));
            }
        });
        List<Reason> sanitizerOnly = new ArrayList<>();
        new TreeSet<>(reasons.keySet()).forEach(n -> sanitizerOnly.add(new Reason(AttributePath.of(n).toString(), reasons.get(n))));
        List<String> enforced = policy.attributes().keySet().stream().filter(n -> !reasons.containsKey(n))
                .map(n -> AttributePath.of(n).toString()).toList();

        Role publicRole = new Role(List.copyOf(publicNames), publicIndexes);
        Optional<Role> ownerRole = hasOwnerRole ? Optional.of(new Role(List.copyOf(ownerNames), ownerIndexes)) : Optional.empty();
        String leadingKey = options.principal();
        return new IamPlan(policy.table(), options.arnOf(policy.table()), publicRole, ownerRole, ownerReason,
                leadingKey, enforced, sanitizerOnly, indexes);
    }

    /**
     * Refuses a view whose projection DynamoDB's expression limits cannot hold: its helpers fetch
     * whole items, which {@code dynamodb:Select = SPECIFIC_ATTRIBUTES} denies.
     */
    static void requireExpression(Policy policy, Projection view, String role) {
        if (view.expression().isEmpty()) {
            throw new IllegalArgumentException("the " + role + " view of " + AttributeText.quoted(policy.table())
                    + " keeps " + view.paths().size() + " attributes, more than one ProjectionExpression can name within "
                    + "DynamoDB's limits, so its helpers fetch whole items and an IAM policy requiring "
                    + "SPECIFIC_ATTRIBUTES would deny every read: mark fewer attributes public or owner-only, "
                    + "or export the sanitizers without IAM policies");
        }
    }

    /** The keys plus every top-level attribute the view's projection names. */
    static Set<String> readable(List<String> keys, Projection projection) {
        Set<String> names = new TreeSet<>(keys);
        projection.paths().forEach(p -> names.add(p.topLevelName()));
        return names;
    }

    private static Optional<String> ownerReason(Policy policy, TableShape shape) {
        if (policy.owner().isEmpty()) {
            return Optional.of("the policy names no owner attribute, so no requester owns an item");
        }
        String owner = policy.owner().get();
        String partitionKey = shape.keySchema().partitionKey().name();
        if (!owner.equals(partitionKey)) {
            return Optional.of("the owner attribute " + AttributeText.quoted(owner) + " is not the partition key "
                    + AttributeText.quoted(partitionKey) + ": dynamodb:LeadingKeys compares partition-key values only, "
                    + "so IAM cannot tell a requester's items from anyone else's; owner-only attributes are denied to "
                    + "the public role and only the sanitizer shows them to their owners");
        }
        return Optional.empty();
    }

    /** Why a role may not query {@code index}: it would carry an attribute the role may not read. */
    static Optional<String> indexProblem(IndexInfo index, TableShape shape, Set<String> names, String role) {
        if (index.projection() == IndexInfo.Projection.ALL) {
            return Optional.of("projects ALL attributes, so also any the policy does not name");
        }
        Set<String> projected = new TreeSet<>(index.keySchema().names());
        projected.addAll(shape.keySchema().names());
        if (index.projection() == IndexInfo.Projection.INCLUDE) {
            projected.addAll(index.nonKeyAttributes());
        }
        List<String> unreadable = projected.stream().filter(a -> !names.contains(a)).map(AttributeText::quoted).toList();
        if (!unreadable.isEmpty()) {
            return Optional.of("projects " + String.join(", ", unreadable) + ", which the " + role + " role may not read");
        }
        return Optional.empty();
    }

    static Optional<String> ownerIndexProblem(IndexInfo index, TableShape shape, Set<String> ownerNames) {
        String partitionKey = shape.keySchema().partitionKey().name();
        if (!index.keySchema().partitionKey().name().equals(partitionKey)) {
            return Optional.of("its partition key " + AttributeText.quoted(index.keySchema().partitionKey().name())
                    + " is not the owner attribute, so dynamodb:LeadingKeys cannot tie its items to their owner");
        }
        return indexProblem(index, shape, ownerNames, "owner");
    }

    /** A key or owner attribute that some role's view drops but every request of that role names. */
    private static Optional<String> forcedReason(Policy policy, String name, boolean hasOwnerRole, String why) {
        Optional<Classification> c = Optional.ofNullable(policy.attributes().get(name)).flatMap(PolicyRule::classification);
        boolean publicKeeps = c.map(x -> ReferenceSanitizer.allows(x, false)).orElse(false);
        boolean ownerKeeps = c.map(x -> ReferenceSanitizer.allows(x, true)).orElse(false);
        List<String> roles = new ArrayList<>();
        if (!publicKeeps) {
            roles.add("public");
        }
        if (hasOwnerRole && !ownerKeeps) {
            roles.add("owner");
        }
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        String who = String.join(" and ", roles) + " role" + (roles.size() > 1 ? "s" : "");
        return Optional.of(why + " the " + who + " read it; only the sanitizer drops it ("
                + c.map(Classification::label).orElse("not named by the policy, so secret") + ")");
    }

    /** A kept attribute with rules inside: IAM passes it whole, the sanitizer filters within. */
    private static Optional<String> nestedReason(String name, PolicyRule rule, boolean publicReads, boolean ownerReads) {
        List<String> roles = new ArrayList<>();
        if (publicReads && filtersWithin(name, rule, false)) {
            roles.add("public");
        }
        if (ownerReads && filtersWithin(name, rule, true)) {
            roles.add("owner");
        }
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        List<String> stricter = new ArrayList<>();
        collectStricter(AttributePath.of(name), rule, roles.contains("public") ? false : true, stricter);
        String inside = stricter.isEmpty() ? "" : " (" + String.join(", ", stricter.subList(0, Math.min(5, stricter.size())))
                + (stricter.size() > 5 ? ", …" : "") + ")";
        return Optional.of("holds rules of its own inside" + inside + ": IAM allows or denies a top-level attribute "
                + "whole, so the " + String.join(" and ", roles) + " role" + (roles.size() > 1 ? "s" : "")
                + " may read all of it and only the sanitizer drops what inside it they may not keep, "
                + "including any field the policy does not name");
    }

    /** True when sanitizing a kept value of {@code rule} can remove something inside it. */
    static boolean filtersWithin(PolicyRule rule, boolean owner) {
        return filtersWithin("value", rule, owner);
    }

    private static boolean filtersWithin(String name, PolicyRule rule, boolean owner) {
        List<PathRule> within = rule.rulesWithin(AttributePath.of(name));
        return within.stream().anyMatch(r -> !r.rule().fields().isEmpty())
                || within.stream().skip(1).anyMatch(r -> stricter(r.rule(), owner));
    }

    /** The outermost rules inside {@code rule} that the role may not keep, with their classes. */
    private static void collectStricter(AttributePath path, PolicyRule rule, boolean owner, List<String> out) {
        List<AttributePath> dropped = new ArrayList<>();
        List<PathRule> within = rule.rulesWithin(path);
        for (PathRule r : within.subList(1, within.size())) {
            if (dropped.stream().noneMatch(d -> d.contains(r.path())) && stricter(r.rule(), owner)) {
                dropped.add(r.path());
                out.add(r.path() + " " + r.rule().classification().orElseThrow().label());
            }
        }
    }

    private static boolean stricter(PolicyRule rule, boolean owner) {
        return rule.classification().map(c -> !ReferenceSanitizer.allows(c, owner)).orElse(false);
    }
}
