package dev.veil.codegen;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.EntityPolicy;
import dev.veil.model.IndexInfo;
import dev.veil.model.OwnerRule;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.policy.ReferenceSanitizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link IamPlan} of a {@code veil-policy/2} policy. IAM cannot tell one kind of item from
 * another: a role may read a top-level attribute of every item or of none. So the public role may
 * read the union of what the entities' public views keep, the owner role exists only where every
 * entity is owned through the partition key with one template (which {@code dynamodb:LeadingKeys}
 * can compare), and every entity rule that this union lets a role read although the entity's own
 * rule drops it is listed as enforced by the sanitizer only.
 */
final class IamEntityPlan {

    private IamEntityPlan() {
    }

    static IamPlan of(Policy policy, ProjectionPlan projections, TableShape shape, IamOptions options) {
        List<String> keys = shape.keySchema().names();
        Set<String> publicNames = IamPlan.readable(keys, projections.publicView());
        Set<String> ownerNames = IamPlan.readable(keys, projections.owner());
        Optional<OwnerRule> shared = sharedPartitionOwner(policy, shape);
        Optional<String> ownerReason = shared.isPresent() ? Optional.empty() : Optional.of(
                "not every entity is owned through the partition key " + AttributeText.quoted(shape.keySchema().partitionKey().name())
                        + " with one template, and IAM cannot tell entities apart: dynamodb:LeadingKeys compares "
                        + "partition-key values only; owner-only attributes are denied to the public role and only the "
                        + "sanitizer shows them to their owners");
        boolean hasOwnerRole = shared.isPresent();
        IamPlan.requireExpression(policy, projections.publicView(), "public");
        if (hasOwnerRole) {
            IamPlan.requireExpression(policy, projections.owner(), "owner");
        }
        List<IamPlan.IndexDecision> indexes = new ArrayList<>();
        List<String> publicIndexes = new ArrayList<>();
        List<String> ownerIndexes = new ArrayList<>();
        for (IndexInfo index : shape.indexes()) {
            Optional<String> publicProblem = IamPlan.indexProblem(index, shape, publicNames, "public");
            Optional<String> ownerProblem = hasOwnerRole ? IamPlan.ownerIndexProblem(index, shape, ownerNames) : ownerReason;
            if (publicProblem.isEmpty()) {
                publicIndexes.add(index.name());
            }
            if (hasOwnerRole && ownerProblem.isEmpty()) {
                ownerIndexes.add(index.name());
            }
            List<String> why = new ArrayList<>();
            publicProblem.ifPresent(p -> why.add("public role: " + p));
            ownerProblem.filter(p -> hasOwnerRole).ifPresent(p -> why.add("owner role: " + p));
            indexes.add(new IamPlan.IndexDecision(index.name(), publicProblem.isEmpty(), hasOwnerRole && ownerProblem.isEmpty(),
                    String.join("; ", why)));
        }
        Set<String> names = new TreeSet<>(publicNames);
        names.addAll(ownerNames);
        policy.entities().values().forEach(e -> names.addAll(e.attributes().keySet()));
        List<IamPlan.Reason> sanitizerOnly = new ArrayList<>();
        List<String> enforced = new ArrayList<>();
        for (String name : names) {
            List<IamPlan.Reason> reasons = new ArrayList<>();
            policy.entities().forEach((entityName, e) -> reason(entityName, e, name, publicNames.contains(name),
                    hasOwnerRole && ownerNames.contains(name)).ifPresent(r -> reasons.add(
                            new IamPlan.Reason(AttributePath.of(name).toString(), r))));
            if (reasons.isEmpty()) {
                enforced.add(AttributePath.of(name).toString());
            }
            sanitizerOnly.addAll(reasons);
        }
        String leadingKey = shared.map(o -> o.expected(options.principal())).orElse(options.principal());
        return new IamPlan(policy.table(), options.arnOf(policy.table()), new IamPlan.Role(List.copyOf(publicNames), publicIndexes),
                hasOwnerRole ? Optional.of(new IamPlan.Role(List.copyOf(ownerNames), ownerIndexes)) : Optional.empty(),
                ownerReason, leadingKey, enforced, sanitizerOnly, indexes);
    }

    /** The one owner rule of every entity, when each is owned through the partition key with the same template. */
    private static Optional<OwnerRule> sharedPartitionOwner(Policy policy, TableShape shape) {
        String partitionKey = shape.keySchema().partitionKey().name();
        Set<OwnerRule> owners = new TreeSet<>((a, b) -> (a.attribute() + "\u0000" + a.template())
                .compareTo(b.attribute() + "\u0000" + b.template()));
        for (EntityPolicy e : policy.entities().values()) {
            if (e.owner().isEmpty() || !e.owner().get().attribute().equals(partitionKey)) {
                return Optional.empty();
            }
            owners.add(e.owner().get());
        }
        return owners.size() == 1 ? Optional.of(owners.iterator().next()) : Optional.empty();
    }

    /**
     * Why entity {@code entityName}'s rule for {@code name} is the sanitizer's alone: a role IAM lets
     * read the attribute (of every item) may not keep it on this entity's items, or may keep it but
     * not all that is inside.
     */
    private static Optional<String> reason(String entityName, EntityPolicy entity, String name, boolean publicReads,
                                           boolean ownerReads) {
        PolicyRule rule = entity.attributes().get(name);
        Optional<Classification> c = Optional.ofNullable(rule).flatMap(PolicyRule::classification);
        List<String> denied = new ArrayList<>();
        if (publicReads && !c.map(x -> ReferenceSanitizer.allows(x, false)).orElse(false)) {
            denied.add("public");
        }
        if (ownerReads && !c.map(x -> ReferenceSanitizer.allows(x, true)).orElse(false)) {
            denied.add("owner");
        }
        String who = "entity " + AttributeText.quoted(entityName) + ": ";
        if (!denied.isEmpty()) {
            return Optional.of(who + (c.map(Classification::label).orElse("not named, so secret")) + " on its items, but IAM "
                    + "cannot tell entities apart and lets the " + String.join(" and ", denied) + " role"
                    + (denied.size() > 1 ? "s" : "") + " read it on every item (another entity's view, a key, or a match "
                    + "or owner attribute keeps it); only the sanitizer drops it here");
        }
        if (rule != null && ((publicReads && IamPlan.filtersWithin(rule, false)) || (ownerReads && IamPlan.filtersWithin(rule, true)))) {
            return Optional.of(who + "holds rules of its own inside: IAM allows or denies a top-level attribute whole, "
                    + "so only the sanitizer drops what inside it a requester may not keep");
        }
        return Optional.empty();
    }
}
