package dev.veil.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one sampling run over a table (or an export of it): every attribute path
 * seen, nested ones included, sorted by path.
 *
 * @param table        the table (or, for an export, the profile's name)
 * @param source       where the items came from: {@code "table"} or {@code "export:<dir>"}
 * @param sampledAt    when the run finished
 * @param itemsSampled how many items were read
 * @param keySchema    the table's key as DescribeTable declares it; empty for an export
 * @param attributes   one entry per path
 * @param coverage     how much of the key space the sample covered
 * @param indexes      the table's secondary indexes as DescribeTable declared them when it was
 *                     sampled (what IAM policies may allow); empty for an export
 * @param entities     the kinds of item of a single-table design, each profiled on its own; empty
 *                     for a table of one kind
 */
public record TableProfile(String table, String source, Instant sampledAt, long itemsSampled,
                           Optional<KeySchema> keySchema, List<AttributeProfile> attributes,
                           SampleCoverage coverage, List<IndexInfo> indexes, List<EntityProfile> entities) {
    public TableProfile {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sampledAt, "sampledAt");
        Objects.requireNonNull(keySchema, "keySchema");
        attributes = attributes.stream().sorted(Comparator.comparing(AttributeProfile::path)).toList();
        Objects.requireNonNull(coverage, "coverage");
        indexes = List.copyOf(indexes);
        entities = entities.stream().sorted(Comparator.comparing(EntityProfile::name)).toList();
    }

    /** A profile of a table of one kind. */
    public TableProfile(String table, String source, Instant sampledAt, long itemsSampled,
                        Optional<KeySchema> keySchema, List<AttributeProfile> attributes, SampleCoverage coverage,
                        List<IndexInfo> indexes) {
        this(table, source, sampledAt, itemsSampled, keySchema, attributes, coverage, indexes, List.of());
    }

    /** A copy recording {@code tableIndexes}. */
    public TableProfile withIndexes(List<IndexInfo> tableIndexes) {
        return new TableProfile(table, source, sampledAt, itemsSampled, keySchema, attributes, coverage, tableIndexes,
                entities);
    }

    /** A copy recording {@code kinds} as the table's entities. */
    public TableProfile withEntities(List<EntityProfile> kinds) {
        return new TableProfile(table, source, sampledAt, itemsSampled, keySchema, attributes, coverage, indexes,
                kinds);
    }

    /** The entity named {@code name}, if the sample found it. */
    public Optional<EntityProfile> entity(String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The profile of one path, if the sample saw it. */
    public Optional<AttributeProfile> attribute(AttributePath path) {
        return attributes.stream().filter(a -> a.path().equals(path)).findFirst();
    }
}
