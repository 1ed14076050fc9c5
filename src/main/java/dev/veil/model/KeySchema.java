package dev.veil.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A table's or index's primary key: a partition key and an optional sort key, with their types. */
public record KeySchema(KeyAttribute partitionKey, Optional<KeyAttribute> sortKey) {

    /** One key attribute as the table definition declares it. */
    public record KeyAttribute(String name, DynamoType type) {
        public KeyAttribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    public KeySchema {
        Objects.requireNonNull(partitionKey, "partitionKey");
        Objects.requireNonNull(sortKey, "sortKey");
    }

    /** The key attribute names, partition key first. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        out.add(partitionKey.name());
        sortKey.ifPresent(k -> out.add(k.name()));
        return out;
    }

    /** True when {@code attribute} is part of this key. */
    public boolean isKey(String attribute) {
        return names().contains(attribute);
    }
}
