package dev.veil.dynamo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.veil.model.DynamoValue;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts between the SDK's {@link AttributeValue} and the model's {@link DynamoValue}, both
 * ways, for all ten types. Numbers stay the exact decimal text DynamoDB sent (38 digits),
 * binary keeps its bytes, map order is kept.
 */
public final class ItemConverter {

    private ItemConverter() {
    }

    /** An SDK item as model values. */
    public static Map<String, DynamoValue> toModel(Map<String, AttributeValue> item) {
        Map<String, DynamoValue> out = new LinkedHashMap<>();
        item.forEach((name, value) -> out.put(name, toModel(value)));
        return Collections.unmodifiableMap(out);
    }

    /**
     * One SDK value as a model value.
     *
     * @throws IllegalArgumentException for a value that carries no known type
     */
    public static DynamoValue toModel(AttributeValue value) {
        return switch (value.type()) {
            case S -> new DynamoValue.S(value.s());
            case N -> new DynamoValue.N(value.n());
            case B -> new DynamoValue.B(DynamoValue.Bytes.of(value.b().asByteArrayUnsafe()));
            case BOOL -> new DynamoValue.Bool(value.bool());
            case NUL -> new DynamoValue.Null();
            case M -> new DynamoValue.M(toModel(value.m()));
            case L -> new DynamoValue.L(listToModel(value.l()));
            case SS -> new DynamoValue.SS(value.ss());
            case NS -> new DynamoValue.NS(value.ns());
            case BS -> new DynamoValue.BS(bytesToModel(value.bs()));
            case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException(
                    "Attribute value of unknown type: " + value + "; expected one of the ten DynamoDB types");
        };
    }

    /** A model item as SDK values. */
    public static Map<String, AttributeValue> toSdk(Map<String, DynamoValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.forEach((name, value) -> out.put(name, toSdk(value)));
        return out;
    }

    /** One model value as an SDK value. */
    public static AttributeValue toSdk(DynamoValue value) {
        if (value instanceof DynamoValue.S s) {
            return AttributeValue.fromS(s.value());
        } else if (value instanceof DynamoValue.N n) {
            return AttributeValue.fromN(n.value());
        } else if (value instanceof DynamoValue.B b) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(b.value().toArray()));
        } else if (value instanceof DynamoValue.Bool b) {
            return AttributeValue.fromBool(b.value());
        } else if (value instanceof DynamoValue.Null) {
            return AttributeValue.fromNul(true);
        } else if (value instanceof DynamoValue.M m) {
            return AttributeValue.fromM(toSdk(m.value()));
        } else if (value instanceof DynamoValue.L l) {
            List<AttributeValue> out = new ArrayList<>(l.value().size());
            l.value().forEach(v -> out.add(toSdk(v)));
            return AttributeValue.fromL(out);
        } else if (value instanceof DynamoValue.SS ss) {
            return AttributeValue.fromSs(ss.value());
        } else if (value instanceof DynamoValue.NS ns) {
            return AttributeValue.fromNs(ns.value());
        } else if (value instanceof DynamoValue.BS bs) {
            List<SdkBytes> out = new ArrayList<>(bs.value().size());
            bs.value().forEach(b -> out.add(SdkBytes.fromByteArray(b.toArray())));
            return AttributeValue.fromBs(out);
        }
        throw new IllegalArgumentException("Unsupported value " + value);
    }

    private static List<DynamoValue> listToModel(List<AttributeValue> values) {
        List<DynamoValue> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(toModel(v)));
        return out;
    }

    private static List<DynamoValue.Bytes> bytesToModel(List<SdkBytes> values) {
        List<DynamoValue.Bytes> out = new ArrayList<>(values.size());
        values.forEach(b -> out.add(DynamoValue.Bytes.of(b.asByteArrayUnsafe())));
        return out;
    }
}
