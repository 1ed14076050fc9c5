package dev.veil.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What sampling learned about one kind of item of a single-table design: its name, how an item
 * is recognised as one, and the profile of its own items ({@code presence} measured over them).
 *
 * @param name         the marker's value or the leading literal of a key ({@code ORDER})
 * @param match        how an item of this kind is recognised
 * @param itemsSampled how many sampled items are of this kind
 * @param attributes   one entry per path seen on those items, sorted by path
 */
public record EntityProfile(String name, EntityMatch match, long itemsSampled, List<AttributeProfile> attributes) {

    public EntityProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(match, "match");
        attributes = attributes.stream().sorted(Comparator.comparing(AttributeProfile::path)).toList();
    }

    /** The profile of one path on this kind of item, if the sample saw it. */
    public Optional<AttributeProfile> attribute(AttributePath path) {
        return attributes.stream().filter(a -> a.path().equals(path)).findFirst();
    }

    /** A copy with {@code replaced} attributes. */
    public EntityProfile withAttributes(List<AttributeProfile> replaced) {
        return new EntityProfile(name, match, itemsSampled, replaced);
    }
}
