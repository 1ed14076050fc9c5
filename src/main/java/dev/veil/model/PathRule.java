package dev.veil.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rule of a policy with the path it governs: {@code orders[].total} rather than the nested
 * {@code items.fields.total} of the file. {@link Policy#rules()} and {@link EntityPolicy#rules()}
 * are the one walk of a policy's tree; everything that lists, compares or looks rules up by path
 * starts from them instead of recursing over {@link PolicyRule#fields()} and
 * {@link PolicyRule#items()} itself.
 *
 * @param entity the entity of a {@code veil-policy/2} policy the rule belongs to; empty for the
 *               rules of a table of one kind (as in {@link Decision#entity()})
 * @param path   the attribute, map field or list elements the rule governs
 * @param rule   the rule itself, its own children included
 */
public record PathRule(String entity, AttributePath path, PolicyRule rule) {

    public PathRule {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * Every rule of {@code attributes} (rules by top-level name) and of their children, parents
     * before children, depth first: fields in name order, then the items rule.
     */
    public static List<PathRule> walk(String entity, Map<String, PolicyRule> attributes) {
        List<PathRule> out = new ArrayList<>();
        attributes.forEach((name, rule) -> walk(entity, AttributePath.of(name), rule, out));
        return List.copyOf(out);
    }

    /** {@code rule} at {@code path} and everything inside it, in the order of {@link #walk(String, Map)}. */
    static List<PathRule> within(String entity, AttributePath path, PolicyRule rule) {
        List<PathRule> out = new ArrayList<>();
        walk(entity, path, rule, out);
        return List.copyOf(out);
    }

    private static void walk(String entity, AttributePath path, PolicyRule rule, List<PathRule> out) {
        out.add(new PathRule(entity, path, rule));
        rule.fields().forEach((name, field) -> walk(entity, path.child(name), field, out));
        rule.items().ifPresent(items -> walk(entity, path.elements(), items, out));
    }
}
