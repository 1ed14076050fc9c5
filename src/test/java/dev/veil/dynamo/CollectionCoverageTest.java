package dev.veil.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import dev.veil.model.DynamoValue;
import dev.veil.model.TableInfo;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The sampler reaches every item collection of a single-table design and reads a small table in
 * a handful of requests. dynalite, like a freshly filled DynamoDB table, reports an ItemCount
 * of 0, so these run without a usable count unless a test passes a description itself.
 */
@ExtendWith(LocalDynamoExtension.class)
class CollectionCoverageTest {

    /** The budget {@code veil sample} uses when the user does not say. */
    private static final int DEFAULT_ITEMS = 1000;

    /** 60 tenants of 200 items each. */
    private static String tenants;

    private final List<Map<String, DynamoValue>> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void createTenants(DynamoDbClient dynamo) {
        tenants = table(dynamo, "tenants", ScalarAttributeType.S, 60, 200, i -> AttributeValue.fromS(
                String.format("ITEM#%04d", i)));
    }

    @Test
    void sixtyCollectionsSampledAtSixHundredItemsAreAllTouched(DynamoDbClient dynamo) {
        SampleResult result = sample(dynamo, info(dynamo, tenants), SampleRequest.of(600));

        assertThat(result.items()).isEqualTo(600);
        assertThat(result.collectionsTouched()).isGreaterThanOrEqualTo(59);
        assertThat(perCollection().keySet()).hasSize((int) result.collectionsTouched());
    }

    @Test
    void budgetLeftAfterTheWalkBringsEveryCollectionToTheSameDepth(DynamoDbClient dynamo) {
        SampleResult result = sample(dynamo, info(dynamo, tenants), SampleRequest.of(600));

        // Each segment's first page (16 items) is taken whole; every other collection is filled up to about 10.
        assertThat(perCollection().values()).hasSize(60).allSatisfy(items -> assertThat(items).hasSizeBetween(9, 16));
        assertThat(perCollection().values().stream().filter(items -> items.size() > 10))
                .hasSizeLessThanOrEqualTo(result.totalSegments());
        assertThat(received.stream().map(CollectionCoverageTest::key).distinct()).hasSize(600);
    }

    @Test
    void skippedCollectionsAreReadOnFromWhereTheWalkLeftThem(DynamoDbClient dynamo) {
        sample(dynamo, info(dynamo, tenants), SampleRequest.of(600));

        // Each collection's items are its first ones in sort-key order: nothing skipped, nothing read twice.
        perCollection().values().forEach(items -> {
            List<String> first = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                first.add(String.format("ITEM#%04d", i));
            }
            assertThat(items.stream().map(item -> ((DynamoValue.S) item.get("sk")).value()).sorted().toList())
                    .isEqualTo(first);
        });
    }

    @Test
    void describedCountThatTurnsOutStaleStillReachesEveryCollection(DynamoDbClient dynamo) {
        TableInfo real = info(dynamo, tenants);
        TableInfo stale = new TableInfo(real.name(), real.keySchema(), 40, 4_000, real.indexes(), real.status());

        SampleResult result = sample(dynamo, stale, SampleRequest.of(600));

        assertThat(result.items()).isEqualTo(600);
        assertThat(result.collectionsTouched()).isGreaterThanOrEqualTo(59);
    }

    @Test
    void fortyItemTableIsReadWholeInAtMostTenRequestsAtTheDefaultBudget(DynamoDbClient dynamo) {
        String small = table(dynamo, "small", ScalarAttributeType.S, 4, 10,
                i -> AttributeValue.fromS("ORDER#" + i));

        SampleResult result = sample(dynamo, info(dynamo, small), SampleRequest.of(DEFAULT_ITEMS));

        assertThat(result.items()).isEqualTo(40);
        assertThat(result.complete()).isTrue();
        assertThat(result.requests()).isLessThanOrEqualTo(10);
    }

    @Test
    void fortyItemTableWithoutSortKeyIsReadWholeInAtMostTenRequests(DynamoDbClient dynamo) {
        String small = TestTables.createTable(dynamo, "small-hash", "pk");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(Map.of("pk", AttributeValue.fromS("USER#" + i), "name", AttributeValue.fromS("n" + i)));
        }
        TestTables.putItems(dynamo, small, items);

        SampleResult result = sample(dynamo, info(dynamo, small), SampleRequest.of(DEFAULT_ITEMS));

        assertThat(result.items()).isEqualTo(40);
        assertThat(result.complete()).isTrue();
        assertThat(result.requests()).isLessThanOrEqualTo(10);
    }

    @Test
    void tableTheDescriptionSaysFitsTheBudgetIsReadInOneRequest(DynamoDbClient dynamo) {
        String small = table(dynamo, "counted", ScalarAttributeType.S, 4, 10,
                i -> AttributeValue.fromS("ORDER#" + i));
        TableInfo real = info(dynamo, small);
        TableInfo counted = new TableInfo(real.name(), real.keySchema(), 40, 4_000, real.indexes(), real.status());

        SampleResult result = sample(dynamo, counted, SampleRequest.of(DEFAULT_ITEMS));

        assertThat(result.items()).isEqualTo(40);
        assertThat(result.complete()).isTrue();
        assertThat(result.requests()).isEqualTo(1);
    }

    @Test
    void numberSortKeysSkipToTheNextCollection(DynamoDbClient dynamo) {
        String numbers = table(dynamo, "numbers", ScalarAttributeType.N, 10, 30,
                i -> AttributeValue.fromN(i < 5 ? "9." + "9".repeat(36) + i + "E+125" : "-" + i));

        assertEveryCollectionGivesItsShare(dynamo, numbers);
    }

    @Test
    void binarySortKeysSkipToTheNextCollection(DynamoDbClient dynamo) {
        String binary = table(dynamo, "binary", ScalarAttributeType.B, 10, 30, i -> {
            byte[] bytes = new byte[1 + i];
            java.util.Arrays.fill(bytes, (byte) 0xFF);
            bytes[i] = (byte) i;
            return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
        });

        assertEveryCollectionGivesItsShare(dynamo, binary);
    }

    @Test
    void stringSortKeysNearTheGreatestStillSkipToTheNextCollection(DynamoDbClient dynamo) {
        String strings = table(dynamo, "strings", ScalarAttributeType.S, 10, 30,
                i -> AttributeValue.fromS("\uDBFF\uDFFF".repeat(1 + i % 200) + "\uFFFF" + i));

        assertEveryCollectionGivesItsShare(dynamo, strings);
    }

    private void assertEveryCollectionGivesItsShare(DynamoDbClient dynamo, String table) {
        SampleResult result = sample(dynamo, info(dynamo, table), SampleRequest.of(100));

        assertThat(result.items()).isEqualTo(100);
        assertThat(perCollection().values()).hasSize(10)
                .allSatisfy(items -> assertThat(items).hasSizeGreaterThanOrEqualTo(SampleRequest.ITEMS_PER_COLLECTION));
        assertThat(received.stream().map(CollectionCoverageTest::key).distinct()).hasSize(100);
    }

    private SampleResult sample(DynamoDbClient dynamo, TableInfo table, SampleRequest request) {
        return new TableSampler(dynamo).sample(table, request, (segment, item) -> received.add(item));
    }

    private Map<DynamoValue, List<Map<String, DynamoValue>>> perCollection() {
        return received.stream().collect(Collectors.groupingBy(item -> item.get("pk")));
    }

    private static String key(Map<String, DynamoValue> item) {
        return item.get("pk") + "|" + item.get("sk");
    }

    private static TableInfo info(DynamoDbClient dynamo, String table) {
        return new TableCatalog(dynamo).describe(table);
    }

    /** {@code collections} collections of {@code size} items, sort keys of {@code type} made by {@code sortKey}. */
    private static String table(DynamoDbClient dynamo, String prefix, ScalarAttributeType type, int collections,
                                int size, IntFunction<AttributeValue> sortKey) {
        String name = TestTables.uniqueName(prefix);
        dynamo.createTable(r -> r.tableName(name)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(type).build())
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(name));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int c = 0; c < collections; c++) {
            for (int i = 0; i < size; i++) {
                Map<String, AttributeValue> item = new HashMap<>();
                item.put("pk", AttributeValue.fromS("TENANT#" + c));
                item.put("sk", sortKey.apply(i));
                item.put("payload", AttributeValue.fromS("p" + i));
                items.add(item);
            }
        }
        TestTables.putItems(dynamo, name, items);
        return name;
    }
}
