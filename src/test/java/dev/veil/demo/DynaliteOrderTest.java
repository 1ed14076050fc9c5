package dev.veil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalDynamoExtension.class)
class DynaliteOrderTest {

    @Test
    void plainScanOrderIsTheOrderOfTheHashPrefixes(DynamoDbClient dynamo) {
        String table = TestTables.createTable(dynamo, "order", "pk");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String key = "ORG#company-" + i;
            keys.add(key);
            items.add(Map.of("pk", AttributeValue.fromS(key)));
        }
        TestTables.putItems(dynamo, table, items);

        List<String> scanned = new ArrayList<>();
        dynamo.scanPaginator(r -> r.tableName(table)).items().forEach(i -> scanned.add(i.get("pk").s()));

        keys.sort(Comparator.comparing(DynaliteOrder::hashPrefix).thenComparing(k -> k));
        assertThat(scanned).isEqualTo(keys);
    }
}
