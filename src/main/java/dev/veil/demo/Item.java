package dev.veil.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A tiny fluent builder for SDK items, keeping attribute order. */
final class Item {

    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    static Item create() {
        return new Item();
    }

    Item s(String name, String value) {
        return put(name, AttributeValue.fromS(value));
    }

    Item n(String name, String value) {
        return put(name, AttributeValue.fromN(value));
    }

    Item n(String name, long value) {
        return n(name, Long.toString(value));
    }

    Item bool(String name, boolean value) {
        return put(name, AttributeValue.fromBool(value));
    }

    Item nul(String name) {
        return put(name, AttributeValue.fromNul(true));
    }

    Item b(String name, byte[] value) {
        return put(name, AttributeValue.fromB(SdkBytes.fromByteArray(value)));
    }

    Item ss(String name, List<String> value) {
        return put(name, AttributeValue.fromSs(value));
    }

    Item ns(String name, List<String> value) {
        return put(name, AttributeValue.fromNs(value));
    }

    Item bs(String name, List<byte[]> value) {
        return put(name, AttributeValue.fromBs(value.stream().map(SdkBytes::fromByteArray).toList()));
    }

    Item m(String name, Item value) {
        return put(name, AttributeValue.fromM(value.build()));
    }

    Item l(String name, List<Item> value) {
        return put(name, AttributeValue.fromL(value.stream().map(i -> AttributeValue.fromM(i.build())).toList()));
    }

    Item put(String name, AttributeValue value) {
        values.put(name, value);
        return this;
    }

    Map<String, AttributeValue> build() {
        return new LinkedHashMap<>(values);
    }
}
