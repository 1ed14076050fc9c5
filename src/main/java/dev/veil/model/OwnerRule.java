package dev.veil.model;

import java.util.Objects;

/**
 * Who owns an item of an entity: the requester owns it iff the attribute's text equals the
 * template with {@value #ID} replaced by the requester id ({@code pk} = {@code USER#{id}}).
 *
 * @param attribute the top-level attribute read
 * @param template  the owner's value, with {@value #ID} standing for the requester id
 */
public record OwnerRule(String attribute, String template) {

    /** The placeholder for the requester id. */
    public static final String ID = "{id}";

    public OwnerRule {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(template, "template");
        if (attribute.isEmpty()) {
            throw new IllegalArgumentException("an owner rule needs an attribute name");
        }
        if (!template.contains(ID)) {
            throw new IllegalArgumentException("the owner template \"" + template + "\" lacks " + ID);
        }
    }

    /** The attribute compared with the requester id as it is ({@code {id}}). */
    public static OwnerRule plain(String attribute) {
        return new OwnerRule(attribute, ID);
    }

    /** The text an item's owner attribute holds when {@code requesterId} owns it. */
    public String expected(String requesterId) {
        return template.replace(ID, requesterId);
    }
}
