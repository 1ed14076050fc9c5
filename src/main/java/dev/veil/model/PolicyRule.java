package dev.veil.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rule for one attribute, map field or list element in a {@link Policy}.
 *
 * <p>A value is kept when its class allows the requester; a kept map with {@code fields}
 * keeps only the fields whose own rules pass, a kept list with {@code items} applies that rule
 * to every element, and a kept value with neither passes whole. The class is optional only on
 * an {@code items} rule, which then inherits the list's decision.
 *
 * @param classification the class; empty only for an {@code items} rule
 * @param types          the DynamoDB types observed when the policy was published
 * @param fields         rules for the fields of a map value, by name
 * @param items          the rule for every element of a list value
 * @param review         who decided this rule; empty when it only structures its children
 */
public record PolicyRule(Optional<Classification> classification, List<DynamoType> types,
                         SortedMap<String, PolicyRule> fields, Optional<PolicyRule> items,
                         Optional<Review> review) {
    public PolicyRule {
        Objects.requireNonNull(classification, "classification");
        types = types.stream().distinct().sorted().toList();
        fields = Collections.unmodifiableSortedMap(new TreeMap<>(fields));
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(review, "review");
    }

    /** A leaf rule with a class and observed types. */
    public static PolicyRule leaf(Classification c, List<DynamoType> types, Optional<Review> review) {
        return new PolicyRule(Optional.of(c), types, new TreeMap<>(), Optional.empty(), review);
    }

    /** This rule at {@code path} and every rule inside it, parents before children (see {@link PathRule}). */
    public List<PathRule> rulesWithin(AttributePath path) {
        return PathRule.within("", path, this);
    }

    /** A copy with other fields. */
    public PolicyRule withFields(Map<String, PolicyRule> newFields) {
        return new PolicyRule(classification, types, new TreeMap<>(newFields), items, review);
    }

    /** A copy with another items rule. */
    public PolicyRule withItems(Optional<PolicyRule> newItems) {
        return new PolicyRule(classification, types, fields, newItems, review);
    }
}
