package dev.veil.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.veil.demo.LocalDynamo;
import dev.veil.model.DynamoType;
import dev.veil.model.IndexInfo;
import dev.veil.model.KeySchema;
import dev.veil.model.TableInfo;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

@ExtendWith(LocalDynamoExtension.class)
class TableCatalogTest {

    @Test
    void describeReportsKeysWithTheirTypes(DynamoDbClient dynamo) {
        String table = createIndexedTable(dynamo);

        TableInfo info = new TableCatalog(dynamo).describe(table);

        assertThat(info.name()).isEqualTo(table);
        assertThat(info.keySchema()).isEqualTo(new KeySchema(new KeySchema.KeyAttribute("tenant", DynamoType.S),
                Optional.of(new KeySchema.KeyAttribute("seq", DynamoType.N))));
        assertThat(info.status()).isEqualTo("ACTIVE");
    }

    @Test
    void describeReportsGlobalAndLocalIndexesWithTheirProjections(DynamoDbClient dynamo) {
        String table = createIndexedTable(dynamo);

        List<IndexInfo> indexes = new TableCatalog(dynamo).describe(table).indexes();

        assertThat(indexes).containsExactly(
                new IndexInfo("by_email", IndexInfo.Kind.GLOBAL,
                        new KeySchema(new KeySchema.KeyAttribute("email", DynamoType.S), Optional.empty()),
                        IndexInfo.Projection.INCLUDE, List.of("name", "phone")),
                new IndexInfo("by_avatar", IndexInfo.Kind.GLOBAL,
                        new KeySchema(new KeySchema.KeyAttribute("avatar", DynamoType.B), Optional.empty()),
                        IndexInfo.Projection.ALL, List.of()),
                new IndexInfo("by_created", IndexInfo.Kind.LOCAL,
                        new KeySchema(new KeySchema.KeyAttribute("tenant", DynamoType.S),
                                Optional.of(new KeySchema.KeyAttribute("created", DynamoType.S))),
                        IndexInfo.Projection.KEYS_ONLY, List.of()));
    }

    @Test
    void describeCountsNoIndexesOnAPlainTable(DynamoDbClient dynamo) {
        String table = TestTables.createTable(dynamo, "plain", "id");

        TableInfo info = new TableCatalog(dynamo).describe(table);

        assertThat(info.indexes()).isEmpty();
        assertThat(info.keySchema().sortKey()).isEmpty();
        assertThat(info.itemCount()).isZero();
    }

    @Test
    void missingTableIsNotFoundWithAMessageNamingTableEndpointAndRemedy(DynamoDbClient dynamo, LocalDynamo local) {
        assertThatThrownBy(() -> new TableCatalog(dynamo).describe("no_such_table"))
                .isInstanceOfSatisfying(DynamoAccessException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DynamoAccessException.Kind.NOT_FOUND);
                    assertThat(e.kind().isBadInput()).isTrue();
                    assertThat(e.table()).contains("no_such_table");
                    assertThat(e.endpoint()).isEqualTo(local.endpoint().toString());
                })
                .hasMessageContaining("'no_such_table'")
                .hasMessageContaining(local.endpoint().toString())
                .hasMessageContaining("List the tables there")
                .satisfies(e -> assertThat(((DynamoAccessException) e).settings())
                        .containsExactly(dev.veil.model.Setting.ENDPOINT, dev.veil.model.Setting.REGION));
    }

    @Test
    void tableNamesFollowsPaginationPastOneHundredTables(DynamoDbClient dynamo) {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 105; i++) {
            created.add(TestTables.createTable(dynamo, "many", "id"));
        }

        List<String> names = new TableCatalog(dynamo).tableNames();

        assertThat(names).containsAll(created);
        assertThat(names).isSorted();
    }

    @Test
    void unreachableEndpointSaysSoAndNamesIt() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + port);
        try (DynamoDbClient client = DynamoClients.create(ConnectionSettings.forEndpoint(nowhere))) {
            assertThatThrownBy(() -> new TableCatalog(client).tableNames())
                    .isInstanceOfSatisfying(DynamoAccessException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DynamoAccessException.Kind.UNREACHABLE);
                        assertThat(e.kind().isBadInput()).isFalse();
                    })
                    .hasMessageContaining("Cannot reach DynamoDB at " + nowhere)
                    .hasMessageContaining("Check the endpoint");
        }
    }

    private static String createIndexedTable(DynamoDbClient dynamo) {
        String table = TestTables.uniqueName("indexed");
        dynamo.createTable(r -> r.tableName(table)
                .keySchema(key("tenant", KeyType.HASH), key("seq", KeyType.RANGE))
                .attributeDefinitions(attr("tenant", ScalarAttributeType.S), attr("seq", ScalarAttributeType.N),
                        attr("email", ScalarAttributeType.S), attr("avatar", ScalarAttributeType.B),
                        attr("created", ScalarAttributeType.S))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder().indexName("by_email").keySchema(key("email", KeyType.HASH))
                                .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                        .nonKeyAttributes("name", "phone").build()).build(),
                        GlobalSecondaryIndex.builder().indexName("by_avatar").keySchema(key("avatar", KeyType.HASH))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by_created")
                        .keySchema(key("tenant", KeyType.HASH), key("created", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        return table;
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attr(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }
}
