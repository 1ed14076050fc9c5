package dev.veil.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.veil.model.DynamoType;
import dev.veil.model.IndexInfo;
import dev.veil.model.KeySchema;
import dev.veil.model.TableInfo;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Lists tables and describes one: key schema with key types, approximate item count and size,
 * and secondary indexes with what they project. Failures surface as
 * {@link DynamoAccessException} (a missing table as {@code NOT_FOUND}).
 */
public final class TableCatalog {

    private final DynamoDbClient client;

    public TableCatalog(DynamoDbClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Every table name at the endpoint, in DynamoDB's (alphabetical) order, following pagination. */
    public List<String> tableNames() {
        try {
            List<String> names = new ArrayList<>();
            client.listTablesPaginator().tableNames().forEach(names::add);
            return List.copyOf(names);
        } catch (SdkException e) {
            throw DynamoErrors.translate(e, client, Optional.empty());
        }
    }

    /** What DescribeTable reports for {@code table}. */
    public TableInfo describe(String table) {
        Objects.requireNonNull(table, "table");
        try {
            return toInfo(client.describeTable(r -> r.tableName(table)).table());
        } catch (SdkException e) {
            throw DynamoErrors.translate(e, client, Optional.of(table));
        }
    }

    static TableInfo toInfo(TableDescription d) {
        Map<String, DynamoType> types = d.attributeDefinitions().stream().collect(Collectors.toMap(
                AttributeDefinition::attributeName, a -> DynamoType.valueOf(a.attributeTypeAsString())));
        List<IndexInfo> indexes = new ArrayList<>();
        d.globalSecondaryIndexes().forEach(g -> indexes.add(index(g.indexName(), IndexInfo.Kind.GLOBAL,
                keySchema(g.keySchema(), types), g.projection())));
        d.localSecondaryIndexes().forEach(l -> indexes.add(index(l.indexName(), IndexInfo.Kind.LOCAL,
                keySchema(l.keySchema(), types), l.projection())));
        return new TableInfo(d.tableName(), keySchema(d.keySchema(), types),
                orZero(d.itemCount()), orZero(d.tableSizeBytes()), indexes,
                Optional.ofNullable(d.tableStatusAsString()).orElse("UNKNOWN"));
    }

    private static IndexInfo index(String name, IndexInfo.Kind kind, KeySchema key, Projection projection) {
        IndexInfo.Projection type = Optional.ofNullable(projection)
                .map(Projection::projectionTypeAsString)
                .map(IndexInfo.Projection::valueOf)
                .orElse(IndexInfo.Projection.ALL);
        List<String> nonKey = projection == null ? List.of() : projection.nonKeyAttributes();
        return new IndexInfo(name, kind, key, type, nonKey);
    }

    private static KeySchema keySchema(List<KeySchemaElement> elements, Map<String, DynamoType> types) {
        Function<KeySchemaElement, KeySchema.KeyAttribute> toKey = e -> new KeySchema.KeyAttribute(
                e.attributeName(), types.getOrDefault(e.attributeName(), DynamoType.S));
        KeySchema.KeyAttribute hash = elements.stream().filter(e -> e.keyType() == KeyType.HASH)
                .map(toKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("key schema without a HASH key: " + elements));
        Optional<KeySchema.KeyAttribute> range = elements.stream().filter(e -> e.keyType() == KeyType.RANGE)
                .map(toKey).findFirst();
        return new KeySchema(hash, range);
    }

    private static long orZero(Long value) {
        return value == null ? 0L : value;
    }
}
