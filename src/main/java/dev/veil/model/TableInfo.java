package dev.veil.model;

import java.util.List;
import java.util.Objects;

/** What DescribeTable says of a table: keys, approximate size and secondary indexes. */
public record TableInfo(String name, KeySchema keySchema, long itemCount, long sizeBytes,
                        List<IndexInfo> indexes, String status) {
    public TableInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySchema, "keySchema");
        indexes = List.copyOf(indexes);
        Objects.requireNonNull(status, "status");
    }
}
