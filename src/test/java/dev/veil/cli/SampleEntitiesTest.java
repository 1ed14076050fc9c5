package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code veil sample --json} lists the kinds of item of a single-table design, each profiled on its own. */
@ExtendWith(LocalDynamoExtension.class)
class SampleEntitiesTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private DynamoDbClient dynamo;

    @BeforeEach
    void connect(DynamoDbClient dynamo, LocalDynamo local) {
        this.dynamo = dynamo;
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
    }

    private static Map<String, AttributeValue> item(String... namesAndValues) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], AttributeValue.fromS(namesAndValues[i + 1]));
        }
        return m;
    }

    private Map<String, JsonNode> sampleEntities(String table, String... extra) {
        List<String> args = new ArrayList<>(List.of("sample", table, "--items", "500", "--json"));
        args.addAll(List.of(extra));
        CliRun.Result r = cli.veil(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, JsonNode> byName = new HashMap<>();
        r.json().get("entities").forEach(e -> byName.put(e.get("name").asText(), e));
        return byName;
    }

    @Test
    void findsEntitiesFromMarkers() {
        String table = TestTables.createTable(dynamo, "marked", "pk", "sk");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add(item("pk", "u" + i, "sk", "profile", "__edb_e__", "user", "email", "u" + i + "@example.com"));
            items.add(item("pk", "u" + i, "sk", "o" + i, "__edb_e__", "order", "total", "12.50"));
        }
        TestTables.putItems(dynamo, table, items);

        Map<String, JsonNode> entities = sampleEntities(table);
        assertThat(entities).containsOnlyKeys("user", "order");
        JsonNode user = entities.get("user");
        assertThat(user.at("/match/attribute").asText()).isEqualTo("__edb_e__");
        assertThat(user.at("/match/equals").asText()).isEqualTo("user");
        assertThat(user.get("itemsSampled").asInt()).isEqualTo(30);
        Map<String, JsonNode> paths = new HashMap<>();
        user.get("attributes").forEach(a -> paths.put(a.get("path").asText(), a));
        assertThat(paths).containsKey("email").doesNotContainKey("total");
        assertThat(paths.get("email").get("presence").asDouble()).isEqualTo(1.0);
        assertThat(paths.get("email").at("/suggestion/class").asText()).isEqualTo("owner-only");
    }

    @Test
    void findsEntitiesFromKeyPrefixesAlone() {
        String table = TestTables.createTable(dynamo, "prefixed", "pk", "sk");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add(item("pk", "USER#" + i, "sk", "PROFILE", "email", "u" + i + "@example.com", "name", "N"));
            items.add(item("pk", "USER#" + i, "sk", "ORDER#2024-" + i, "total", "3", "status", "paid"));
        }
        TestTables.putItems(dynamo, table, items);

        Map<String, JsonNode> entities = sampleEntities(table);
        assertThat(entities).containsOnlyKeys("PROFILE", "ORDER");
        assertThat(entities.get("ORDER").at("/match/attribute").asText()).isEqualTo("sk");
        assertThat(entities.get("ORDER").at("/match/beginsWith").asText()).isEqualTo("ORDER#");
        assertThat(entities.get("PROFILE").at("/match/equals").asText()).isEqualTo("PROFILE");
    }

    @Test
    void aNamedMarkerIsUsed() {
        String table = TestTables.createTable(dynamo, "kinds", "id");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(item("id", "a" + i, "kind", "Invoice", "amount", "1"));
            items.add(item("id", "b" + i, "kind", "Receipt", "paid_at", "2024"));
        }
        TestTables.putItems(dynamo, table, items);
        assertThat(sampleEntities(table)).isEmpty();
        assertThat(sampleEntities(table, "--marker", "kind")).containsOnlyKeys("Invoice", "Receipt");
    }

    @Test
    void aTableOfOneKindListsNoEntities() {
        String table = TestTables.createTable(dynamo, "plain", "id");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(item("id", "USER#" + i, "email", "e" + i + "@example.com"));
        }
        TestTables.putItems(dynamo, table, items);
        assertThat(sampleEntities(table)).isEmpty();
    }
}
