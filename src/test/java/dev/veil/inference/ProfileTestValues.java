package dev.veil.inference;

import dev.veil.inference.detect.ValueDetector;
import dev.veil.model.DynamoValue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Short builders for items and values in the inference tests. */
final class ProfileTestValues {

    private ProfileTestValues() {
    }

    static DynamoValue s(String v) {
        return new DynamoValue.S(v);
    }

    static DynamoValue n(String v) {
        return new DynamoValue.N(v);
    }

    static DynamoValue b(int length) {
        return new DynamoValue.B(DynamoValue.Bytes.of(new byte[length]));
    }

    static DynamoValue bool(boolean v) {
        return new DynamoValue.Bool(v);
    }

    static DynamoValue nul() {
        return new DynamoValue.Null();
    }

    static DynamoValue l(DynamoValue... elements) {
        return new DynamoValue.L(Arrays.asList(elements));
    }

    static DynamoValue ss(String... elements) {
        return new DynamoValue.SS(List.of(elements));
    }

    static DynamoValue ns(String... elements) {
        return new DynamoValue.NS(List.of(elements));
    }

    /** A map from alternating names and values: {@code m("a", s("x"), "b", n("1"))}. */
    static DynamoValue m(Object... namesAndValues) {
        return new DynamoValue.M(map(namesAndValues));
    }

    /** An item from alternating names and values. */
    static Map<String, DynamoValue> item(Object... namesAndValues) {
        return map(namesAndValues);
    }

    private static Map<String, DynamoValue> map(Object... namesAndValues) {
        Map<String, DynamoValue> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put((String) namesAndValues[i], (DynamoValue) namesAndValues[i + 1]);
        }
        return out;
    }

    /** A detector matching whole values against a regular expression. */
    record RegexDetector(String id, Pattern pattern) implements ValueDetector {
        static RegexDetector of(String id, String regex) {
            return new RegexDetector(id, Pattern.compile(regex));
        }

        @Override
        public String description() {
            return id + " values";
        }

        @Override
        public boolean matches(String value) {
            return pattern.matcher(value).matches();
        }
    }
}
