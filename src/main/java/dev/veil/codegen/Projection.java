package dev.veil.codegen;

import dev.veil.model.AttributePath;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ProjectionExpression and the ExpressionAttributeNames it uses: one {@code #placeholder} per
 * distinct name, so reserved words, dots, spaces and any Unicode are always safe. An empty
 * expression means no projection can say what the view keeps: it keeps nothing, or more than
 * DynamoDB's expression limits can list; callers then fetch without one and let the sanitizer
 * filter.
 *
 * @param expression the projection expression ({@code #veil0, #veil1.#veil2})
 * @param names      placeholder to attribute name, in placeholder order; exactly those used
 * @param paths      the projected document paths, none inside another
 */
public record Projection(String expression, Map<String, String> names, List<AttributePath> paths) {
    public Projection {
        names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
        paths = List.copyOf(paths);
    }

    /** True when there is nothing to project. */
    public boolean isEmpty() {
        return paths.isEmpty();
    }
}
