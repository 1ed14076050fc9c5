package dev.veil.dynamo;

import java.util.Arrays;

/**
 * Where a record reader is inside an item ({@code address.city}, {@code orders[2].total}), kept
 * as a stack of steps and spelt out only by {@link #toString()}, for an error's text: building
 * every value's path as a string cost an allocation per value on every record read.
 */
final class AttributeTrail {

    private static final int INDEX = -1;

    private String[] names = new String[8];
    private int[] indexes = new int[8];
    private int depth;

    /** Forgets every step: the reader starts a new item. */
    void clear() {
        depth = 0;
    }

    /** Steps into the attribute or map key {@code name}. */
    void enter(String name) {
        grow();
        names[depth] = name;
        indexes[depth++] = INDEX;
    }

    /** Steps into list element {@code index}. */
    void enter(int index) {
        grow();
        names[depth] = null;
        indexes[depth++] = index;
    }

    /** Steps back out of the last step entered. */
    void leave() {
        names[--depth] = null;
    }

    private void grow() {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            indexes = Arrays.copyOf(indexes, depth * 2);
        }
    }

    /** The path as the profile writes it, such as {@code orders[2].total}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            if (names[i] == null) {
                out.append('[').append(indexes[i]).append(']');
            } else {
                out.append(i == 0 ? "" : ".").append(names[i]);
            }
        }
        return out.toString();
    }
}
