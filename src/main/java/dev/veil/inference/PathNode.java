package dev.veil.inference;

import dev.veil.model.AttributePath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One path in the accumulator's trie: its statistics plus the paths one step below it (map keys
 * and the list-element step). Walking the trie finds a value's path without building an
 * {@link AttributePath} per value. Lookups return null for "no such child yet": this class never
 * leaves the package.
 */
final class PathNode {

    final AttributePath path;
    final PathStats stats;
    // The item that last counted towards this path's presence, so a path counts once per item.
    long lastItem = -1;
    private Map<String, PathNode> children = Map.of();
    private PathNode elements;

    PathNode(AttributePath path, PathStats stats) {
        this.path = path;
        this.stats = stats;
    }

    PathNode child(String name) {
        return children.get(name);
    }

    void putChild(String name, PathNode child) {
        if (children.isEmpty()) {
            children = new HashMap<>();
        }
        children.put(name, child);
    }

    PathNode elements() {
        return elements;
    }

    void putElements(PathNode node) {
        elements = node;
    }

    Map<String, PathNode> children() {
        return children;
    }

    /** Every node directly below this one. */
    List<PathNode> below() {
        List<PathNode> out = new ArrayList<>(children.values());
        if (elements != null) {
            out.add(elements);
        }
        return out;
    }
}
