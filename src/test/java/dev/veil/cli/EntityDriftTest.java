package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Drift of a single-table design governed per entity ({@code veil-policy/2}): attributes are compared
 * per entity, kinds of item no entity recognises and entities no longer seen are findings, and every
 * finding of an entity names it in every report format.
 */
@ExtendWith(LocalDynamoExtension.class)
class EntityDriftTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private String table;
    private DynamoDbClient dynamo;

    private static Map<String, AttributeValue> item(String... namesAndValues) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], AttributeValue.fromS(namesAndValues[i + 1]));
        }
        return m;
    }

    @BeforeEach
    void publishPerEntity(DynamoDbClient client, LocalDynamo local) {
        dynamo = client;
        table = TestTables.createTable(dynamo, "app", "pk", "sk");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add(item("pk", "USER#" + i, "sk", "PROFILE", "_et", "User", "email", "u" + i + "@example.com"));
            items.add(item("pk", "USER#" + i, "sk", "ORDER#" + i, "total", "12", "status", "paid"));
            items.add(item("pk", "USER#" + i, "sk", "CART#" + i, "lines", "3"));
        }
        TestTables.putItems(dynamo, table, items);
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
        ok("sample", table, "--items", "500");
        ok("tag", table, "email", "owner-only", "--entity", "User");
        ok("tag", table, "_et", "public", "--entity", "User");
        ok("owner", table, "pk", "--entity", "User", "--template", "USER#{id}");
        ok("tag", table, "total", "owner-only", "--entity", "ORDER");
        ok("tag", table, "status", "public", "--entity", "ORDER");
        ok("tag", table, "lines", "owner-only", "--entity", "CART");
        for (String entity : List.of("User", "ORDER", "CART")) {
            ok("tag", table, "pk", "public", "--entity", entity);
            ok("tag", table, "sk", "public", "--entity", entity);
        }
        ok("owner", table, "pk", "--entity", "ORDER", "--template", "USER#{id}");
        ok("owner", table, "pk", "--entity", "CART", "--template", "USER#{id}");
        ok("publish", table);
        assertThat(cli.veil("policy", "show", table, "--json").json().get("format").asText()).isEqualTo("veil-policy/2");
    }

    private void ok(String... args) {
        CliRun.Result r = cli.veil(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
    }

    private JsonNode drift(String... more) {
        List<String> args = new ArrayList<>(List.of("drift", table, "--format", "json", "--fail-on", "never"));
        args.addAll(List.of(more));
        CliRun.Result r = cli.veil(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.json();
    }

    private static List<JsonNode> findings(JsonNode report, String kind) {
        return StreamSupport.stream(report.get("findings").spliterator(), false)
                .filter(f -> f.get("kind").asText().equals(kind)).toList();
    }

    @Test
    void anAttributeOfOneEntityIsNotNewBecauseAnotherEntityLacksIt() {
        JsonNode report = drift();

        assertThat(report.get("findings")).as(report.toPrettyString()).isEmpty();
    }

    @Test
    void aKindOfItemNoEntityRecognisesIsAHighNewEntityFinding() {
        List<Map<String, AttributeValue>> invites = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            invites.add(item("pk", "USER#" + i, "sk", "INVITE#" + i, "invitee_email", "x" + i + "@example.com",
                    "token", "t" + i));
        }
        TestTables.putItems(dynamo, table, invites);

        JsonNode report = drift();

        List<JsonNode> found = findings(report, "new-entity");
        assertThat(found).as(report.toPrettyString()).hasSize(1);
        assertThat(found.get(0).get("entity").asText()).isEqualTo("INVITE");
        assertThat(found.get(0).get("severity").asText()).isEqualTo("high");
        assertThat(found.get(0).get("path").asText()).isEqualTo("sk");
        assertThat(found.get(0).get("message").asText()).contains("INVITE#").contains("drops");
        assertThat(found.get(0).get("action").asText()).contains("--entity INVITE");
        assertThat(findings(report, "new-attribute")).as("the new kind's attributes are not new attributes").isEmpty();
    }

    @Test
    void aNewAttributeOfAnEntityNamesTheEntityInEveryFormat() {
        List<Map<String, AttributeValue>> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            orders.add(item("pk", "USER#" + i, "sk", "ORDER#" + i, "total", "12", "status", "paid", "coupon", "C" + i));
        }
        TestTables.putItems(dynamo, table, orders);

        JsonNode report = drift();

        List<JsonNode> found = findings(report, "new-attribute");
        assertThat(found).as(report.toPrettyString()).hasSize(1);
        assertThat(found.get(0).get("path").asText()).isEqualTo("coupon");
        assertThat(found.get(0).get("entity").asText()).isEqualTo("ORDER");
        assertThat(found.get(0).get("message").asText()).contains("sampled `ORDER` items").contains("entity `ORDER`");
        assertThat(found.get(0).get("action").asText()).contains("--entity ORDER");
        assertThat(found.get(0).at("/location/line").asInt()).isGreaterThan(1);

        CliRun.Result sarif = cli.veil("drift", table, "--format", "sarif", "--fail-on", "never", "--max-age", "1h");
        JsonNode result = sarif.json().at("/runs/0/results/0");
        assertThat(result.at("/properties/entity").asText()).isEqualTo("ORDER");
        assertThat(result.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText())
                .isEqualTo(table + "[ORDER].coupon");
        CliRun.Result markdown = cli.veil("drift", table, "--format", "markdown", "--fail-on", "never", "--max-age", "1h");
        assertThat(markdown.out()).contains("`coupon` of `ORDER`");
        CliRun.Result html = cli.veil("drift", table, "--format", "html", "--fail-on", "never", "--max-age", "1h");
        assertThat(html.out()).contains("entity</span> <code>ORDER</code>");
    }

    @Test
    void aWaiverWithAnEntityWaivesThatEntitysFindingOnly() {
        List<Map<String, AttributeValue>> more = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            more.add(item("pk", "USER#" + i, "sk", "ORDER#" + i, "total", "12", "status", "paid", "note", "n"));
            more.add(item("pk", "USER#" + i, "sk", "CART#" + i, "lines", "3", "note", "n"));
        }
        TestTables.putItems(dynamo, table, more);
        String until = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        ok("waive", table, "note", "new-attribute", "--entity", "ORDER", "--reason", "free text, reviewed", "--until", until);

        JsonNode report = drift();

        List<JsonNode> counting = findings(report, "new-attribute").stream().filter(f -> f.get("waived").isNull()).toList();
        List<JsonNode> waived = findings(report, "new-attribute").stream().filter(f -> !f.get("waived").isNull()).toList();
        assertThat(counting).extracting(f -> f.get("entity").asText()).containsExactly("CART");
        assertThat(waived).extracting(f -> f.get("entity").asText()).containsExactly("ORDER");
    }

    @Test
    void anEntityNoLongerSeenIsAMissingEntityFinding() {
        drift();
        for (int i = 0; i < 30; i++) {
            int n = i;
            dynamo.deleteItem(b -> b.tableName(table).key(item("pk", "USER#" + n, "sk", "CART#" + n)));
        }

        JsonNode report = drift();

        List<JsonNode> found = findings(report, "missing-entity");
        assertThat(found).as(report.toPrettyString()).hasSize(1);
        assertThat(found.get(0).get("entity").asText()).isEqualTo("CART");
        assertThat(found.get(0).get("severity").asText()).as("an earlier run saw it").isEqualTo("medium");
    }
}
