package dev.veil.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The policy of one kind of item in a {@code veil-policy/2} file: how an item is recognised as
 * one, who owns it, and a rule per top-level attribute (unnamed attributes are secret).
 *
 * @param match      the test an item of this kind passes
 * @param owner      who owns such an item; empty when no requester ever does
 * @param attributes rules by top-level attribute name
 */
public record EntityPolicy(EntityMatch match, Optional<OwnerRule> owner, SortedMap<String, PolicyRule> attributes) {

    public EntityPolicy {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(owner, "owner");
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }

    /** An entity policy from any map of rules. */
    public static EntityPolicy of(EntityMatch match, Optional<OwnerRule> owner, Map<String, PolicyRule> attributes) {
        return new EntityPolicy(match, owner, new TreeMap<>(attributes));
    }

    /**
     * Every rule of this entity with its path, parents before children (entity left empty: the
     * entity's name is its key in {@link Policy#entities()}, which {@link Policy#rules()} fills in).
     */
    public List<PathRule> rules() {
        return PathRule.walk("", attributes);
    }

    /** The rule at a path, following fields and items; empty when this entity does not name it. */
    public Optional<PolicyRule> rule(AttributePath path) {
        return Policy.ruleIn(attributes, path);
    }
}
