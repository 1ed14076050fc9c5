package dev.veil.policy;

import dev.veil.model.Classification;
import dev.veil.model.DynamoValue;
import dev.veil.model.EntityPolicy;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The executable specification of what a sanitizer does (DESIGN.md, "What a sanitizer does").
 * Every generated sanitizer is tested against this class.
 *
 * <ol>
 *   <li>The requester is the owner iff the policy names an owner attribute and the item's value
 *       there is a string or number whose text equals the requester id.</li>
 *   <li>An attribute is kept iff its rule says public, or owner-only and the requester is the
 *       owner. Secret attributes, and any the policy does not name, are dropped.</li>
 *   <li>A kept map with {@code fields} keeps only the fields whose rules pass, recursively; a kept
 *       list with {@code items} applies that rule to every element (an items rule without a class
 *       keeps each element and filters its fields). A kept value with neither passes whole. A rule
 *       with fields on a value that is not a map, or items on one that is not a list, drops it:
 *       the schema drifted and failing closed is the only safe answer.</li>
 *   <li>Dropped keys are absent, never null.</li>
 * </ol>
 *
 * <p>Under a policy with entities ({@code veil-policy/2}) the item's entity is found first: the
 * one whose match holds (a string attribute equal to, or beginning with, the match's value). An
 * item that matches none, or more than one, is dropped whole. The rules above then apply with
 * that entity's attributes, and the requester is the owner iff the entity's owner attribute's
 * text equals its template with {@code {id}} replaced by the requester id.
 */
public final class ReferenceSanitizer {

    private ReferenceSanitizer() {
    }

    /** What {@code requesterId} may see of {@code item} under {@code policy}. */
    public static Map<String, DynamoValue> sanitize(Policy policy, Map<String, DynamoValue> item,
                                                    Optional<String> requesterId) {
        return sanitizeItem(policy, item, requesterId).orElse(Map.of());
    }

    /**
     * What {@code requesterId} may see of {@code item} under {@code policy}; empty when the item
     * is dropped whole (a policy with entities, and an item matching none or several of them).
     */
    public static Optional<Map<String, DynamoValue>> sanitizeItem(Policy policy, Map<String, DynamoValue> item,
                                                                  Optional<String> requesterId) {
        if (!policy.hasEntities()) {
            return Optional.of(filterFields(item, policy.attributes(), isOwner(policy, item, requesterId)));
        }
        return entityOf(policy, item).map(e -> filterFields(item, e.attributes(), isOwner(e, item, requesterId)));
    }

    /** The entity whose match holds for {@code item}; empty when none or more than one does. */
    public static Optional<EntityPolicy> entityOf(Policy policy, Map<String, DynamoValue> item) {
        EntityPolicy found = null;
        for (EntityPolicy e : policy.entities().values()) {
            if (e.match().holds(item)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The owner of an entity's item: the owner attribute's text equals the template over the requester id. */
    public static boolean isOwner(EntityPolicy entity, Map<String, DynamoValue> item, Optional<String> requesterId) {
        if (entity.owner().isEmpty() || requesterId.isEmpty()) {
            return false;
        }
        String expected = entity.owner().get().expected(requesterId.get());
        DynamoValue value = item.get(entity.owner().get().attribute());
        if (value instanceof DynamoValue.S s) {
            return s.value().equals(expected);
        }
        if (value instanceof DynamoValue.N n) {
            return n.value().equals(expected);
        }
        return false;
    }

    /** Rule 1: the owner attribute's text equals the requester id. */
    public static boolean isOwner(Policy policy, Map<String, DynamoValue> item, Optional<String> requesterId) {
        if (policy.owner().isEmpty() || requesterId.isEmpty()) {
            return false;
        }
        DynamoValue value = item.get(policy.owner().get());
        if (value instanceof DynamoValue.S s) {
            return s.value().equals(requesterId.get());
        }
        if (value instanceof DynamoValue.N n) {
            return n.value().equals(requesterId.get());
        }
        return false;
    }

    /** Whether a class lets this requester see a value. */
    public static boolean allows(Classification classification, boolean owner) {
        return classification == Classification.PUBLIC || (classification == Classification.OWNER_ONLY && owner);
    }

    private static Map<String, DynamoValue> filterFields(Map<String, DynamoValue> values, Map<String, PolicyRule> rules,
                                                         boolean owner) {
        Map<String, DynamoValue> out = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            PolicyRule rule = rules.get(name);
            if (rule != null) {
                apply(rule, value, owner).ifPresent(kept -> out.put(name, kept));
            }
        });
        return out;
    }

    private static Optional<DynamoValue> apply(PolicyRule rule, DynamoValue value, boolean owner) {
        if (rule.classification().isPresent() && !allows(rule.classification().get(), owner)) {
            return Optional.empty();
        }
        if (!rule.fields().isEmpty()) {
            return value instanceof DynamoValue.M m
                    ? Optional.of(new DynamoValue.M(filterFields(m.value(), rule.fields(), owner)))
                    : Optional.empty();
        }
        if (rule.items().isPresent()) {
            if (!(value instanceof DynamoValue.L l)) {
                return Optional.empty();
            }
            List<DynamoValue> kept = new ArrayList<>();
            for (DynamoValue element : l.value()) {
                apply(rule.items().get(), element, owner).ifPresent(kept::add);
            }
            return Optional.of(new DynamoValue.L(kept));
        }
        return Optional.of(value);
    }
}
