package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import java.nio.file.Files;
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

/** The steward's path through a single-table design: sample, tag and own per entity, publish veil-policy/2. */
@ExtendWith(LocalDynamoExtension.class)
class EntityStewardTest {

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

    @BeforeEach
    void seed(DynamoDbClient dynamo, LocalDynamo local) {
        table = TestTables.createTable(dynamo, "app", "pk", "sk");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(item("pk", "USER#" + i, "sk", "PROFILE", "_et", "User", "email", "u" + i + "@example.com"));
            items.add(item("pk", "USER#" + i, "sk", "ORDER#" + i, "total", "12", "status", "paid"));
        }
        TestTables.putItems(dynamo, table, items);
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
        CliRun.Result sample = cli.veil("sample", table, "--items", "100");
        assertThat(sample.exitCode()).as(sample.err()).isZero();
    }

    private void ok(String... args) {
        CliRun.Result r = cli.veil(args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
    }

    @Test
    void publishesTheEntitiesFormatWithOwnersAndRulesPerEntity() throws Exception {
        ok("tag", table, "email", "owner-only", "--entity", "User");
        ok("tag", table, "_et", "public", "--entity", "User");
        ok("tag", table, "pk", "public", "--entity", "User");
        ok("owner", table, "pk", "--entity", "User", "--template", "USER#{id}");
        ok("tag", table, "total", "owner-only", "--entity", "ORDER");
        ok("tag", table, "status", "public", "--entity", "ORDER");
        ok("owner", table, "pk", "--entity", "ORDER", "--template", "USER#{id}");
        ok("publish", table, "--note", "first");

        JsonNode policy = cli.veil("policy", "show", table, "--json").json();
        assertThat(policy.get("format").asText()).isEqualTo("veil-policy/2");
        assertThat(policy.at("/entities/User/match/equals").asText()).isEqualTo("User");
        assertThat(policy.at("/entities/User/owner/template").asText()).isEqualTo("USER#{id}");
        assertThat(policy.at("/entities/User/attributes/email/class").asText()).isEqualTo("owner-only");
        assertThat(policy.at("/entities/ORDER/match/beginsWith").asText()).isEqualTo("ORDER#");
        assertThat(policy.at("/entities/ORDER/attributes/total/class").asText()).isEqualTo("owner-only");
        assertThat(policy.at("/entities/ORDER/attributes").has("email")).isFalse();
        assertThat(cli.veil("policy", "validate", dir.resolve("policies").toString()).exitCode()).isZero();

        ok("tag", table, "total", "public", "--entity", "ORDER");
        CliRun.Result refused = cli.veil("publish", table);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("total");
        ok("publish", table, "--allow-widening", "--note", "totals are public");
        JsonNode diff = cli.veil("policy", "diff", table, "1", "2", "--json").json();
        assertThat(diff.at("/changes/0/entity").asText()).isEqualTo("ORDER");
        assertThat(diff.at("/changes/0/widening").asBoolean()).isTrue();
        assertThat(Files.readString(dir.resolve("policies").resolve(table).resolve("CHANGELOG.md")))
                .contains("entity ORDER");
    }

    @Test
    void exportOfAnEntitiesPolicyWritesSanitizersAndIamPoliciesPerEntity() throws Exception {
        ok("tag", table, "status", "public", "--entity", "ORDER");
        ok("tag", table, "total", "owner-only", "--entity", "ORDER");
        ok("owner", table, "pk", "--entity", "ORDER", "--template", "USER#{id}");
        ok("publish", table);
        Path out = dir.resolve("out");
        ok("export", table, "--out", out.toString(), "--lang", "java,python,typescript,iam");
        String python = Files.readString(out.resolve(table.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                + "_sanitizer.py"));
        assertThat(python).contains("_ENTITIES = (").contains("\"ORDER\"").contains("\"USER#{id}\"")
                .contains("POLICY_VERSION = 1");
        try (var files = Files.walk(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(n -> n.endsWith("Sanitizer.java")).anyMatch(n -> n.endsWith("Sanitizer.ts"))
                    .anyMatch(n -> n.endsWith("_iam.json"));
        }
    }

    @Test
    void reviewListsEachEntitysOwnPaths() {
        JsonNode review = cli.veil("review", table, "--entity", "ORDER", "--json").json();
        List<String> paths = new ArrayList<>();
        review.get("attributes").forEach(a -> {
            assertThat(a.get("entity").asText()).isEqualTo("ORDER");
            paths.add(a.get("path").asText());
        });
        assertThat(paths).contains("total", "status").doesNotContain("email");
    }

    @Test
    void anUnknownEntityIsRefusedWithTheKnownNames() {
        CliRun.Result r = cli.veil("tag", table, "email", "secret", "--entity", "user");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no entity \"user\"").contains("\"ORDER\"").contains("\"User\"");
        assertThat(cli.veil("review", table, "--entity", "Nope").exitCode()).isEqualTo(2);
    }

    @Test
    void oneOwnerForAWholeTableGovernedPerEntityIsRefusedNamingTheOwnerOfAnEntity() {
        ok("tag", table, "status", "public", "--entity", "ORDER");

        CliRun.Result r = cli.veil("publish", table, "--owner", "pk");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("governed per entity").contains("\"pk\"")
                .contains("veil owner TABLE ATTRIBUTE --entity E").contains("Nothing was written");
        assertThat(dir.resolve("policies").resolve(table)).doesNotExist();
    }

    @Test
    void anOwnerTemplateWithoutTheIdIsRefused() {
        CliRun.Result r = cli.veil("owner", table, "pk", "--entity", "ORDER", "--template", "USER#");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("lacks {id}");
    }
}
