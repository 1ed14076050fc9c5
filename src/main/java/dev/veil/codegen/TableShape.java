package dev.veil.codegen;

import dev.veil.model.IndexInfo;
import dev.veil.model.KeySchema;
import java.util.List;
import java.util.Objects;

/**
 * What IAM policies need to know of a table beyond its policy: the key, which every request
 * names, and the secondary indexes, each of which is its own IAM resource.
 */
public record TableShape(KeySchema keySchema, List<IndexInfo> indexes) {
    public TableShape {
        Objects.requireNonNull(keySchema, "keySchema");
        indexes = List.copyOf(indexes);
    }
}
