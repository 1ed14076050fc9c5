package dev.veil.model;

import java.util.Map;
import java.util.Objects;

/**
 * How an item is recognised as one kind of item of a single-table design: a string attribute
 * that equals a value (a marker such as {@code _et = "USER"}) or begins with a prefix (a key
 * such as {@code sk} beginning with {@code "ORDER#"}).
 *
 * @param attribute the top-level attribute read
 * @param test      equality or prefix
 * @param value     the value or prefix, never empty
 */
public record EntityMatch(String attribute, Test test, String value) {

    /** The two tests a match may make. */
    public enum Test {
        EQUALS("equals"), BEGINS_WITH("beginsWith");

        private final String label;

        Test(String label) {
            this.label = label;
        }

        /** The JSON field name of the test ({@code equals} or {@code beginsWith}). */
        public String label() {
            return label;
        }
    }

    public EntityMatch {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(value, "value");
        if (attribute.isEmpty()) {
            throw new IllegalArgumentException("an entity match needs an attribute name");
        }
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an entity match needs a non-empty value");
        }
    }

    /** A match on {@code attribute} equal to {@code value}. */
    public static EntityMatch equalTo(String attribute, String value) {
        return new EntityMatch(attribute, Test.EQUALS, value);
    }

    /** A match on {@code attribute} beginning with {@code prefix}. */
    public static EntityMatch beginningWith(String attribute, String prefix) {
        return new EntityMatch(attribute, Test.BEGINS_WITH, prefix);
    }

    /** True when the item's attribute is a string that passes the test. */
    public boolean holds(Map<String, DynamoValue> item) {
        return item.get(attribute) instanceof DynamoValue.S s && holdsFor(s.value());
    }

    /** True when {@code text} passes the test. */
    public boolean holdsFor(String text) {
        return test == Test.EQUALS ? text.equals(value) : text.startsWith(value);
    }

    /**
     * True when some string could pass both this test and {@code other}'s on the same attribute:
     * two matches on different attributes may always hold together, so they overlap too.
     */
    public boolean overlaps(EntityMatch other) {
        if (!attribute.equals(other.attribute)) {
            return true;
        }
        if (test == Test.EQUALS && other.test == Test.EQUALS) {
            return value.equals(other.value);
        }
        if (test == Test.EQUALS) {
            return other.holdsFor(value);
        }
        if (other.test == Test.EQUALS) {
            return holdsFor(other.value);
        }
        return value.startsWith(other.value) || other.value.startsWith(value);
    }

    @Override
    public String toString() {
        return attribute + (test == Test.EQUALS ? " = " : " begins with ") + "\"" + value + "\"";
    }
}
