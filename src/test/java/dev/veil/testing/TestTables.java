package dev.veil.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Small helpers for tests on the shared local DynamoDB: unique table names, string-keyed tables,
 * batch puts. Tables are never dropped; the server is in-memory and gone after the run.
 */
public final class TestTables {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final long RUN = System.nanoTime() & 0xffffffL;

    private TestTables() {
    }

    /** A table name no other test in this JVM gets: {@code prefix-<run>-<n>}, valid for DynamoDB. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + Long.toHexString(RUN) + "-" + COUNTER.incrementAndGet();
    }

    /** Creates an on-demand table keyed by string partition key {@code pk}; returns its unique name. */
    public static String createTable(DynamoDbClient dynamo, String prefix, String pk) {
        return createTable(dynamo, prefix, pk, Optional.empty());
    }

    /** Creates an on-demand table keyed by string {@code pk} and string {@code sk}; returns its unique name. */
    public static String createTable(DynamoDbClient dynamo, String prefix, String pk, String sk) {
        return createTable(dynamo, prefix, pk, Optional.of(sk));
    }

    private static String createTable(DynamoDbClient dynamo, String prefix, String pk, Optional<String> sk) {
        String name = uniqueName(prefix);
        List<KeySchemaElement> key = new ArrayList<>();
        List<AttributeDefinition> attributes = new ArrayList<>();
        key.add(KeySchemaElement.builder().attributeName(pk).keyType(KeyType.HASH).build());
        attributes.add(AttributeDefinition.builder().attributeName(pk).attributeType(ScalarAttributeType.S).build());
        sk.ifPresent(s -> {
            key.add(KeySchemaElement.builder().attributeName(s).keyType(KeyType.RANGE).build());
            attributes.add(AttributeDefinition.builder().attributeName(s).attributeType(ScalarAttributeType.S).build());
        });
        dynamo.createTable(r -> r.tableName(name).keySchema(key).attributeDefinitions(attributes)
                .billingMode(BillingMode.PAY_PER_REQUEST));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(name));
        return name;
    }

    /** Writes {@code items} with BatchWriteItem, 25 at a time, retrying unprocessed ones. */
    public static void putItems(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + 25))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamo.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
            }
        }
    }
}
