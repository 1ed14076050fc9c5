package dev.veil.cli;

import static dev.veil.cli.EntityEditCommandTest.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a sample classifies by once a steward or a published {@code veil-policy/2} version has said
 * what the kinds are: split-off entities, the policy's matches for a sample of one kind, and a
 * renamed entity under drift. Real local DynamoDB, real H2 workspace, through the CLI.
 */
@ExtendWith(LocalDynamoExtension.class)
class EntityClassificationTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private DynamoDbClient dynamo;
    private LocalDynamo local;

    @BeforeEach
    void connect(DynamoDbClient client, LocalDynamo dynalite) {
        dynamo = client;
        local = dynalite;
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result r = cli.veil(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }

    private static List<String> names(JsonNode sample) {
        return StreamSupport.stream(sample.get("entities").spliterator(), false)
                .map(e -> e.get("name").asText()).toList();
    }

    private static List<JsonNode> findings(JsonNode report) {
        return StreamSupport.stream(report.get("findings").spliterator(), false).toList();
    }

    /** Users and admins share their attributes, so Veil takes their key literals for data: one kind. */
    private String usersAndAdmins() {
        String table = TestTables.createTable(dynamo, "people", "pk");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(item("pk", "USER#" + i, "name", "n" + i, "email", "u" + i + "@example.com"));
            items.add(item("pk", "ADMIN#" + i, "name", "a" + i, "email", "a" + i + "@example.com"));
        }
        TestTables.putItems(dynamo, table, items);
        return table;
    }

    @Test
    void entitiesAddedToATableOfOneKindSplitItsNextSample() {
        String table = usersAndAdmins();
        assertThat(names(ok("sample", table, "--items", "200", "--json").json())).isEmpty();

        CliRun.Result added = ok("entity", table, "add", "ADMIN", "--attribute", "pk", "--begins-with", "ADMIN#");
        ok("entity", table, "add", "USER", "--attribute", "pk", "--begins-with", "USER#");

        assertThat(added.out()).contains("next sample");
        JsonNode sample = ok("sample", table, "--items", "200", "--json").json();
        assertThat(names(sample)).containsExactly("ADMIN", "USER");
        assertThat(sample.at("/entities/0/itemsSampled").asLong()).isEqualTo(20);
        assertThat(sample.at("/entities/0/match/beginsWith").asText()).isEqualTo("ADMIN#");
    }

    @Test
    void aSampleOfOneKindOfAVersion2TableIsClassifiedByThePolicysMatches() {
        String table = TestTables.createTable(dynamo, "shop", "pk", "sk");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(item("pk", "USER#" + i, "sk", "PROFILE", "email", "u" + i + "@example.com"));
            items.add(item("pk", "USER#" + i, "sk", "ORDER#" + i, "total", "12"));
        }
        TestTables.putItems(dynamo, table, items);
        ok("sample", table, "--items", "200");
        for (String entity : List.of("PROFILE", "ORDER")) {
            ok("tag", table, "pk", "public", "--entity", entity);
            ok("tag", table, "sk", "public", "--entity", entity);
        }
        ok("tag", table, "email", "secret", "--entity", "PROFILE");
        ok("tag", table, "total", "public", "--entity", "ORDER");
        ok("publish", table);
        for (int i = 0; i < 20; i++) {
            String user = "USER#" + i;
            dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.fromS(user),
                    "sk", AttributeValue.fromS("PROFILE"))));
        }

        JsonNode sample = ok("sample", table, "--items", "200", "--json").json();

        assertThat(names(sample)).containsExactly("ORDER");
        assertThat(sample.at("/entities/0/itemsSampled").asLong()).isEqualTo(20);
        JsonNode report = ok("drift", table, "--format", "json", "--fail-on", "never", "--max-age", "1h").json();
        assertThat(findings(report)).as(report.toPrettyString())
                .filteredOn(f -> f.get("kind").asText().equals("missing-entity"))
                .extracting(f -> f.get("entity").asText()).containsExactly("PROFILE");
        assertThat(findings(report)).as("the sampled kind pairs with the policy's ORDER")
                .noneMatch(f -> f.get("entity").asText().equals("ORDER"));
    }

    @Test
    void driftPairsARenamedAndRepublishedEntityWithTheNextSample() {
        String table = TestTables.createTable(dynamo, "orders", "pk", "sk");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(item("pk", "USER#" + i, "sk", "PROFILE", "email", "u" + i + "@example.com"));
            items.add(item("pk", "USER#" + i, "sk", "ORDER#" + i, "total", "12"));
        }
        TestTables.putItems(dynamo, table, items);
        ok("sample", table, "--items", "200");
        for (String entity : List.of("PROFILE", "ORDER")) {
            ok("tag", table, "pk", "public", "--entity", entity);
            ok("tag", table, "sk", "public", "--entity", entity);
        }
        ok("tag", table, "email", "secret", "--entity", "PROFILE");
        ok("tag", table, "total", "public", "--entity", "ORDER");
        ok("entity", table, "rename", "ORDER", "PURCHASE");
        ok("publish", table);

        JsonNode sample = ok("sample", table, "--items", "200", "--json").json();

        assertThat(names(sample)).containsExactly("PROFILE", "PURCHASE");
        JsonNode report = ok("drift", table, "--format", "json", "--fail-on", "never", "--max-age", "1h").json();
        assertThat(findings(report)).as(report.toPrettyString()).isEmpty();
    }
}
