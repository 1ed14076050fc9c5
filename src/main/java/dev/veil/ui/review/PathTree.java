package dev.veil.ui.review;

import dev.veil.model.AttributePath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Arranges rows keyed by attribute path as a tree: {@code address.city} under {@code address},
 * {@code orders[].total} under {@code orders[]} under {@code orders}. A filter keeps the matching
 * rows and their ancestors, so a match is always shown in context.
 */
public final class PathTree {

    private PathTree() {
    }

    /** One path in the tree; {@code row} is empty for an ancestor no row describes. */
    public record Node<T>(AttributePath path, Optional<T> row, List<Node<T>> children) {
        public Node {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(row, "row");
            children = List.copyOf(children);
        }
    }

    /** The top-level nodes, in path order, for every row. */
    public static <T> List<Node<T>> build(List<T> rows, Function<T, AttributePath> pathOf) {
        return build(rows, pathOf, r -> true);
    }

    /** The top-level nodes for the rows that match {@code keep}, with their ancestors. */
    public static <T> List<Node<T>> build(List<T> rows, Function<T, AttributePath> pathOf, Predicate<T> keep) {
        Map<AttributePath, T> byPath = new LinkedHashMap<>();
        rows.forEach(r -> byPath.put(pathOf.apply(r), r));
        Set<AttributePath> shown = new HashSet<>();
        for (T r : rows) {
            if (keep.test(r)) {
                AttributePath p = pathOf.apply(r);
                shown.add(p);
                shown.addAll(p.ancestors());
            }
        }
        Map<AttributePath, List<AttributePath>> children = new LinkedHashMap<>();
        List<AttributePath> roots = new ArrayList<>();
        shown.stream().sorted().forEach(p -> p.parent()
                .ifPresentOrElse(parent -> children.computeIfAbsent(parent, k -> new ArrayList<>()).add(p),
                        () -> roots.add(p)));
        return roots.stream().map(p -> node(p, byPath, children)).toList();
    }

    private static <T> Node<T> node(AttributePath p, Map<AttributePath, T> byPath,
                                    Map<AttributePath, List<AttributePath>> children) {
        List<Node<T>> kids = children.getOrDefault(p, List.of()).stream()
                .map(c -> node(c, byPath, children)).toList();
        return new Node<>(p, Optional.ofNullable(byPath.get(p)), kids);
    }

    /** The label of a path in the tree: its last step ({@code city}, {@code []}). */
    public static String stepLabel(AttributePath path) {
        AttributePath.Segment last = path.segments().get(path.segments().size() - 1);
        return last instanceof AttributePath.Name n ? AttributePath.formatName(n.name()) : "[]";
    }
}
