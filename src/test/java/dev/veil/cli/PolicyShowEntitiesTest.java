package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code veil policy show} and {@code veil policy history} of a table that moved from one kind of
 * item ({@code veil-policy/1}) to entities ({@code veil-policy/2}): every entity's match, owner and
 * rules are listed, in words and in JSON.
 */
@ExtendWith(LocalDynamoExtension.class)
class PolicyShowEntitiesTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private String table;

    private static Map<String, AttributeValue> item(String... namesAndValues) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], AttributeValue.fromS(namesAndValues[i + 1]));
        }
        return m;
    }

    private void ok(String... args) {
        CliRun.Result r = cli.veil(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
    }

    /** v1 governs the table as a whole; v2 per entity (User by its marker, ORDER by its sort key). */
    @BeforeEach
    void publishOneKindThenEntities(DynamoDbClient dynamo, LocalDynamo local) {
        table = TestTables.createTable(dynamo, "app", "pk", "sk");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(item("pk", "USER#" + i, "sk", "PROFILE", "_et", "User", "email", "u" + i + "@example.com"));
            items.add(item("pk", "USER#" + i, "sk", "ORDER#" + i, "total", "12", "status", "paid"));
        }
        TestTables.putItems(dynamo, table, items);
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
        ok("sample", table, "--items", "100");
        ok("tag", table, "pk", "public");
        ok("publish", table, "--owner", "pk", "--note", "one kind");
        ok("tag", table, "email", "owner-only", "--entity", "User");
        ok("owner", table, "pk", "--entity", "User", "--template", "USER#{id}");
        ok("tag", table, "total", "owner-only", "--entity", "ORDER");
        ok("tag", table, "status", "public", "--entity", "ORDER");
        ok("publish", table, "--allow-widening", "--note", "per entity");
    }

    @Test
    void showListsEveryEntityWithItsMatchOwnerAndRules() {
        CliRun.Result shown = cli.veil("policy", "show", table);

        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("format: veil-policy/2, 2 entities")
                .contains("entity ORDER  match: sk begins with \"ORDER#\"  owner: (none: owner-only attributes reach nobody)")
                .contains("entity User  match: _et = \"User\"  owner: pk = USER#{id}")
                .contains("dropped whole");
        String order = shown.out().substring(shown.out().indexOf("entity ORDER"), shown.out().indexOf("entity User"));
        assertThat(order).contains("total").contains("status").doesNotContain("email");
        assertThat(shown.out().substring(shown.out().indexOf("entity User"))).contains("email").doesNotContain("total");
    }

    @Test
    void showOfTheVersionOfOneKindListsItsOwnerAndRulesAsBefore() {
        CliRun.Result shown = cli.veil("policy", "show", table, "--version", "1");

        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("owner: pk\n").doesNotContain("entity ")
                .contains("Attributes not listed are secret: every sanitizer drops them.\n")
                .doesNotContain("dropped whole");
        assertThat(shown.out().lines().filter(l -> l.startsWith("pk "))).hasSize(1);
    }

    @Test
    void historyCountsTheRulesOfEveryEntity() {
        CliRun.Result history = cli.veil("policy", "history", table);

        assertThat(history.exitCode()).as(history.err()).isZero();
        assertThat(history.out().lines().filter(l -> l.startsWith("v1 ")).findFirst().orElseThrow())
                .matches("v1 +sha256:\\S+ +1 +first version");
        assertThat(history.out().lines().filter(l -> l.startsWith("v2 ")).findFirst().orElseThrow())
                .contains(" 3 in 2 entities ").contains(table + ": v1 → v2");
    }

    @Test
    void historyJsonListsEachVersionsRulesByEntityWithMatchAndOwner() {
        JsonNode history = cli.veil("policy", "history", table, "--json").json();

        JsonNode v1 = history.at("/versions/0");
        assertThat(v1.get("format").asText()).isEqualTo("veil-policy/1");
        assertThat(v1.get("owner").asText()).isEqualTo("pk");
        assertThat(v1.at("/attributes/0/path").asText()).isEqualTo("pk");
        assertThat(v1.get("entities")).isEmpty();
        assertThat(v1.get("changes")).isEmpty();
        JsonNode v2 = history.at("/versions/1");
        assertThat(v2.get("format").asText()).isEqualTo("veil-policy/2");
        assertThat(v2.get("rules").asInt()).isEqualTo(3);
        assertThat(v2.get("owner").isNull()).isTrue();
        assertThat(v2.get("attributes")).isEmpty();
        assertThat(v2.at("/entities/0/name").asText()).isEqualTo("ORDER");
        assertThat(v2.at("/entities/0/match/beginsWith").asText()).isEqualTo("ORDER#");
        assertThat(v2.at("/entities/0/owner").isNull()).isTrue();
        assertThat(v2.at("/entities/1/owner/template").asText()).isEqualTo("USER#{id}");
        assertThat(v2.at("/entities/1/attributes/0/path").asText()).isEqualTo("email");
        assertThat(v2.at("/entities/1/attributes/0/class").asText()).isEqualTo("owner-only");
        assertThat(v2.get("published").get("note").asText()).isEqualTo("per entity");
        assertThat(v2.get("changes")).isNotEmpty();
        assertThat(v2.get("changes")).anySatisfy(c -> assertThat(c.get("entity").asText()).isEqualTo("ORDER"));
    }
}
