package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.demo.LocalDynamo;
import dev.veil.dynamo.ItemConverter;
import dev.veil.model.DynamoValue;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

@ExtendWith(LocalDynamoExtension.class)
class SampleCommandTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private DynamoDbClient dynamo;

    @BeforeEach
    void seedDemo(DynamoDbClient dynamo, LocalDynamo local) {
        this.dynamo = dynamo;
        DemoTables.seeded(dynamo);
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
    }

    @Test
    void reportsEveryAttributeOfTheDemoUsersNestedOnesIncluded() {
        CliRun.Result r = cli.veil("sample", "users", "--items", "500", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("table").asText()).isEqualTo("users");
        assertThat(json.get("itemsSampled").asInt()).isEqualTo(500);
        assertThat(json.at("/keySchema/partitionKey").asText()).isEqualTo("user_id");
        assertThat(json.at("/keySchema/sortKey").isNull()).isTrue();
        Map<String, JsonNode> byPath = attributes(json);
        assertThat(byPath).containsKeys("user_id", "email", "password_hash", "api_key", "internal_role",
                "profile_complete", "address", "address.city", "address.postcode", "orders", "orders[]",
                "orders[].total", "orders[].order_id", "preferences.notifications.sms", "tags", "avatar_thumb",
                "lifetime_points", "login_count", "middle_name");
        assertThat(byPath.get("user_id").get("presence").asDouble()).isEqualTo(1.0);
        assertThat(byPath.get("address").at("/types/M").asInt()).isEqualTo(500);
        assertThat(byPath.get("orders").at("/types/L").asInt()).isEqualTo(500);
        assertThat(byPath.get("profile_complete").at("/types/BOOL").asInt()).isEqualTo(500);
        assertThat(byPath.get("tags").get("types").has("SS")).isTrue();
        assertThat(byPath.get("avatar_thumb").get("types").has("B")).isTrue();
        assertThat(byPath.get("login_count").get("types").has("N")).isTrue();
        assertThat(byPath.get("login_count").get("types").has("S")).as("a number sometimes stored as a string").isTrue();
        assertThat(byPath.get("phone").get("presence").asDouble()).isBetween(0.01, 0.99);
        // loyalty points are owner-only: their raw extremes are withheld (app.Disclosure)
        assertThat(byPath.get("lifetime_points").has("numberRange")).isFalse();
        assertThat(byPath.get("login_count").has("numberRange")).isTrue();
    }

    @Test
    void neverPrintsOrStoresARawSecretValue() throws IOException {
        CliRun.Result r = cli.veil("sample", "users", "--items", "300", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        CliRun.Result human = cli.veil("sample", "users", "--items", "300");
        assertThat(human.exitCode()).as(human.err()).isZero();
        List<String> secrets = rawValues("users", List.of("password_hash", "api_key", "two_factor_secret"));
        assertThat(secrets).hasSizeGreaterThan(100);
        String workspaceText = allFilesAsText(dir.resolve("ws"));
        for (String secret : secrets) {
            assertThat(r.out()).doesNotContain(secret);
            assertThat(human.out()).doesNotContain(secret);
            assertThat(workspaceText).doesNotContain(secret);
        }
        assertThat(workspaceText).contains("password_hash");
    }

    @Test
    void printsAnAlignedTableWithCoverageForPeople() {
        CliRun.Result r = cli.veil("sample", "app_data", "--items", "500");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("500 items sampled from").contains("item collections")
                .contains("Good-Turing").contains("PATH").contains("SUGGESTION");
    }

    @Test
    void coverageReportsWhatTheSampleCost() {
        String table = dev.veil.testing.TestTables.createTable(dynamo, "forty", "pk", "sk");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(Map.of("pk", AttributeValue.fromS("USER#" + i % 8), "sk", AttributeValue.fromS("ORDER#" + i),
                    "total", AttributeValue.fromN(String.valueOf(i))));
        }
        dev.veil.testing.TestTables.putItems(dynamo, table, items);

        CliRun.Result r = cli.veil("sample", table, "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode coverage = r.json().get("coverage");
        assertThat(r.json().get("itemsSampled").asInt()).isEqualTo(40);
        assertThat(coverage.get("collectionsTouched").asInt()).isEqualTo(8);
        assertThat(coverage.get("requests").asInt()).isBetween(1, 10);
        assertThat(coverage.get("consumedCapacity").asDouble()).isPositive();
    }

    @Test
    void stopsEarlyWhenStable() {
        CliRun.Result r = cli.veil("sample", "orders", "--items", "2500", "--until-stable", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.json().at("/coverage/stable").asBoolean()).isTrue();
        assertThat(r.json().get("itemsSampled").asInt()).isLessThan(2500);
    }

    @Test
    void aWrongTableNameIsBadInputNamingTheTable() {
        CliRun.Result r = cli.veil("sample", "no_such_table");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no_such_table");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnreachableEndpointIsExitThree() {
        CliRun.Result r = CliRun.raw("sample", "users", "--endpoint", "http://127.0.0.1:1",
                "--workspace", dir.resolve("ws").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).contains("127.0.0.1:1");
    }

    @Test
    void samplesAnExportFolderWithoutTouchingTheTable() throws IOException {
        Path export = Files.createDirectories(dir.resolve("AWSDynamoDB/01234/data"));
        Files.writeString(export.getParent().resolve("manifest-summary.json"),
                "{\"version\":\"2020-06-30\",\"itemCount\":3,\"exportFormat\":\"DYNAMODB_JSON\",\"outputFormat\":\"DYNAMODB_JSON\"}");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(export.resolve("part-1.json.gz")))) {
            out.write(("{\"Item\":{\"id\":{\"S\":\"a\"},\"password\":{\"S\":\"$2b$12$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012\"}}}\n"
                    + "{\"Item\":{\"id\":{\"S\":\"b\"},\"profile\":{\"M\":{\"city\":{\"S\":\"Lyon\"}}}}}\n"
                    + "{\"Item\":{\"id\":{\"S\":\"c\"}}}\n").getBytes(StandardCharsets.UTF_8));
        }
        CliRun.Result r = CliRun.raw("sample", "archived_users", "--from-export", dir.resolve("AWSDynamoDB").toString(),
                "--json", "--workspace", dir.resolve("ws").toString(), "--endpoint", "http://127.0.0.1:1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode json = r.json();
        assertThat(json.get("table").asText()).isEqualTo("archived_users");
        assertThat(json.get("itemsSampled").asInt()).isEqualTo(3);
        assertThat(json.get("source").asText()).startsWith("export:");
        assertThat(attributes(json)).containsKeys("id", "password", "profile", "profile.city");
        assertThat(r.out()).doesNotContain("abcdefghijklmnopqrstuvwxyz");
    }

    @Test
    void aBrokenExportLineIsBadInputNamingFileAndLine() throws IOException {
        Path export = Files.createDirectories(dir.resolve("broken/data"));
        Files.writeString(export.getParent().resolve("manifest-summary.json"),
                "{\"itemCount\":1,\"exportFormat\":\"DYNAMODB_JSON\",\"outputFormat\":\"DYNAMODB_JSON\"}");
        Files.writeString(export.resolve("part-1.json"), "{\"Item\":{\"id\":{\"S\":\"a\"}}}\n{\"Item\":{\"id\":\n");
        CliRun.Result r = CliRun.raw("sample", "t", "--from-export", dir.resolve("broken").toString(),
                "--workspace", dir.resolve("ws").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("part-1.json:2");
    }

    @Test
    void listsTheDemoTablesWithKeysAndIndexes() {
        CliRun.Result r = cli.veil("tables", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, JsonNode> tables = new HashMap<>();
        r.json().get("tables").forEach(t -> tables.put(t.get("name").asText(), t));
        assertThat(tables).containsKeys("users", "orders", "app_data");
        assertThat(tables.get("orders").at("/keySchema/sortKey").asText()).isEqualTo("order_id");
        assertThat(tables.get("orders").get("indexes")).extracting(i -> i.get("name").asText())
                .contains("by_status");
    }

    @Test
    void everyCommandAndSubcommandAnswersHelp() {
        for (String[] args : new String[][] {{"--help"}, {"sample", "--help"}, {"policy", "show", "--help"},
            {"policy", "diff", "--help"}, {"drift", "--help"}, {"tag", "--help"}, {"export", "--help"}}) {
            CliRun.Result r = CliRun.raw(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).contains("Usage: veil").contains("--help");
        }
    }

    private static Map<String, JsonNode> attributes(JsonNode json) {
        Map<String, JsonNode> byPath = new HashMap<>();
        json.get("attributes").forEach(a -> byPath.put(a.get("path").asText(), a));
        return byPath;
    }

    private List<String> rawValues(String table, List<String> attributes) {
        List<String> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(ScanRequest.builder().tableName(table).build()).items()) {
            Map<String, DynamoValue> m = ItemConverter.toModel(item);
            for (String a : attributes) {
                if (m.get(a) instanceof DynamoValue.S s && s.value().length() > 8) {
                    out.add(s.value());
                }
            }
        }
        return out;
    }

    private static String allFilesAsText(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                sb.append(new String(bytes, StandardCharsets.UTF_8)).append(new String(bytes, StandardCharsets.ISO_8859_1));
            }
        }
        return sb.toString();
    }
}
