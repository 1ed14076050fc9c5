package dev.veil.model;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One DynamoDB attribute value, independent of any SDK. Numbers keep their exact text
 * (DynamoDB allows 38 significant digits), binary keeps its bytes.
 */
public sealed interface DynamoValue {

    /** The value's DynamoDB type. */
    DynamoType type();

    /** A string. */
    record S(String value) implements DynamoValue {
        public S {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public DynamoType type() {
            return DynamoType.S;
        }
    }

    /** A number, kept as the exact decimal text DynamoDB sent. */
    record N(String value) implements DynamoValue {
        public N {
            Objects.requireNonNull(value, "value");
        }

        /** The number at full precision. */
        public BigDecimal decimal() {
            return new BigDecimal(value);
        }

        @Override
        public DynamoType type() {
            return DynamoType.N;
        }
    }

    /** Binary data. */
    record B(Bytes value) implements DynamoValue {
        public B {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public DynamoType type() {
            return DynamoType.B;
        }
    }

    /** A boolean. */
    record Bool(boolean value) implements DynamoValue {
        @Override
        public DynamoType type() {
            return DynamoType.BOOL;
        }
    }

    /** The DynamoDB NULL value. */
    record Null() implements DynamoValue {
        @Override
        public DynamoType type() {
            return DynamoType.NULL;
        }
    }

    /** A map of names to values; insertion order kept. */
    record M(Map<String, DynamoValue> value) implements DynamoValue {
        public M {
            value = Collections.unmodifiableMap(new LinkedHashMap<>(value));
        }

        @Override
        public DynamoType type() {
            return DynamoType.M;
        }
    }

    /** A list of values. */
    record L(List<DynamoValue> value) implements DynamoValue {
        public L {
            value = List.copyOf(value);
        }

        @Override
        public DynamoType type() {
            return DynamoType.L;
        }
    }

    /** A string set. */
    record SS(List<String> value) implements DynamoValue {
        public SS {
            value = List.copyOf(value);
        }

        @Override
        public DynamoType type() {
            return DynamoType.SS;
        }
    }

    /** A number set, each number as exact text. */
    record NS(List<String> value) implements DynamoValue {
        public NS {
            value = List.copyOf(value);
        }

        @Override
        public DynamoType type() {
            return DynamoType.NS;
        }
    }

    /** A binary set. */
    record BS(List<Bytes> value) implements DynamoValue {
        public BS {
            value = List.copyOf(value);
        }

        @Override
        public DynamoType type() {
            return DynamoType.BS;
        }
    }

    /** An immutable byte array with value equality. */
    final class Bytes {
        private final byte[] data;

        private Bytes(byte[] data) {
            this.data = data;
        }

        /** Copies {@code data}. */
        public static Bytes of(byte[] data) {
            return new Bytes(data.clone());
        }

        /** A copy of the bytes. */
        public byte[] toArray() {
            return data.clone();
        }

        public int length() {
            return data.length;
        }

        public String base64() {
            return Base64.getEncoder().encodeToString(data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(data, b.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Bytes[" + data.length + "]";
        }
    }
}
