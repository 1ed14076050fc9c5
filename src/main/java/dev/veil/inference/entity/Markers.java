package dev.veil.inference.entity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Attributes that libraries and conventions use to name an item's kind, in the order they are
 * trusted: a library's own marker before the plain words {@code type} and {@code entity_type}.
 */
public final class Markers {

    /** ElectroDB, DynamoDB-Toolbox, OneTable, Amplify, then the plain conventions. */
    public static final List<String> STANDARD = List.of("__edb_e__", "_et", "_type", "__typename", "type",
            "entity_type");

    private Markers() {
    }

    /** {@code named} (the steward's own markers, trusted first) followed by the standard ones. */
    public static List<String> with(List<String> named) {
        LinkedHashSet<String> all = new LinkedHashSet<>(named);
        all.addAll(STANDARD);
        return List.copyOf(new ArrayList<>(all));
    }
}
