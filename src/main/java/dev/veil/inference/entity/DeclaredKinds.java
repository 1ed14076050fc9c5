package dev.veil.inference.entity;

import dev.veil.model.EntityMatch;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a steward or a published policy already says about a table's kinds of item, so sampling
 * classifies by it instead of guessing: entities with their matches (tested on each item, first
 * match wins) and a picked marker attribute (trusted before every other). A kind either names is
 * kept even when it is the only one the sample shows.
 *
 * @param entities entity name to its match, in the order they are tried
 * @param marker   the marker attribute that tells kinds apart, if one was picked
 */
public record DeclaredKinds(Map<String, EntityMatch> entities, Optional<String> marker) {

    /** Nothing declared: Veil guesses, as it always did. */
    public static final DeclaredKinds NONE = new DeclaredKinds(Map.of(), Optional.empty());

    public DeclaredKinds {
        entities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entities));
        Objects.requireNonNull(marker, "marker");
    }
}
