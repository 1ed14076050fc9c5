package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code veil drift} against the local DynamoDB: each change produces its finding and exit code, in every format. */
@ExtendWith(LocalDynamoExtension.class)
class DriftCommandTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private DynamoDbClient dynamo;
    private String table;

    @BeforeEach
    void publishAPolicy(DynamoDbClient dynamo, LocalDynamo local) {
        this.dynamo = dynamo;
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
        table = TestTables.createTable(dynamo, "drift", "id");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            items.add(Map.of("id", s("u" + i), "email", s("user" + i + "@mail.test"), "age", n(20 + i),
                    "nickname", s("nick" + i)));
        }
        TestTables.putItems(dynamo, table, items);
        assertThat(cli.veil("sample", table, "--items", "100").exitCode()).isZero();
        cli.veil("tag", table, "id", "public").ok();
        cli.veil("tag", table, "email", "owner-only").ok();
        cli.veil("tag", table, "age", "owner-only").ok();
        cli.veil("tag", table, "nickname", "public").ok();
        assertThat(cli.veil("publish", table, "--owner", "id").exitCode()).isZero();
    }

    @Test
    void aCleanTablePassesTheDefaultGate() {
        CliRun.Result r = cli.veil("drift", table, "--format", "json");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.json().get("findings")).noneMatch(f -> f.get("severity").asText().equals("high"));
    }

    @Test
    void anAttributeAddedThroughTheSdkIsANewAttributeFindingThatFailsTheBuild() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            items.add(Map.of("id", s("u" + i), "email", s("user" + i + "@mail.test"), "age", n(20 + i),
                    "nickname", s("nick" + i), "password", s(bcryptLike(i))));
        }
        TestTables.putItems(dynamo, table, items);
        for (String format : new String[] {"json", "markdown", "html", "sarif"}) {
            CliRun.Result r = cli.veil("drift", table, "--format", format);
            assertThat(r.exitCode()).as(format + ": " + r.err()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(r.out()).as(format).contains("new-attribute").contains("password");
        }
        JsonNode finding = findings(cli.veil("drift", table, "--format", "json").json(), "new-attribute").get(0);
        assertThat(finding.get("path").asText()).isEqualTo("password");
        assertThat(finding.get("severity").asText()).isEqualTo("high");
        assertThat(finding.get("action").asText()).isNotBlank();
    }

    @Test
    void aNumberStoredAsAStringIsATypeChange() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            items.add(Map.of("id", s("u" + i), "email", s("user" + i + "@mail.test"), "age", s(String.valueOf(20 + i)),
                    "nickname", s("nick" + i)));
        }
        TestTables.putItems(dynamo, table, items);
        CliRun.Result r = cli.veil("drift", table, "--format", "json", "--fail-on", "low");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(findings(r.json(), "type-change")).extracting(f -> f.get("path").asText()).contains("age");
    }

    @Test
    void aDroppedAttributeIsMissing() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            items.add(Map.of("id", s("u" + i), "email", s("user" + i + "@mail.test"), "age", n(20 + i)));
        }
        TestTables.putItems(dynamo, table, items);
        CliRun.Result r = cli.veil("drift", table, "--format", "json", "--fail-on", "never");
        assertThat(r.exitCode()).isZero();
        assertThat(findings(r.json(), "missing-attribute")).extracting(f -> f.get("path").asText()).contains("nickname");
    }

    @Test
    void writesTheReportToAFileAndKeepsStdoutEmpty() throws IOException {
        Path out = dir.resolve("reports/drift.sarif");
        CliRun.Result r = cli.veil("drift", table, "--format", "sarif", "--out", out.toString(), "--fail-on", "never");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        JsonNode sarif = new ObjectMapper().readTree(Files.readString(out));
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
    }

    @Test
    void aTableThatDoesNotExistIsExitTwoAfterTheReportOfTheOthersAndNeverAFinding() {
        CliRun.Result r = cli.veil("drift", table, "no_such_table_here", "--format", "json", "--fail-on", "high");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.json().get("findings")).noneMatch(f -> f.get("table").asText().equals("no_such_table_here"));
        assertThat(r.json().get("unaudited")).singleElement().satisfies(u -> {
            assertThat(u.get("table").asText()).isEqualTo("no_such_table_here");
            assertThat(u.get("cause").asText()).isEqualTo("bad-input");
        });
        assertThat(r.json().get("tables")).extracting(t -> t.get("table").asText()).containsExactly(table);
        assertThat(r.err()).contains("no_such_table_here", "does not exist");
    }

    @Test
    void driftOfOneTableThatDoesNotExistIsExitTwoWithNoReportAndCloseNames() {
        CliRun.Result r = cli.veil("drift", table + "x");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("does not exist", "Did you mean " + table).doesNotContain("finding");
    }

    @Test
    void reviewTagPublishExportAndPolicyRefuseATableVeilKnowsNothingOf() {
        for (String[] args : List.of(new String[] {"review", "nosuch"}, new String[] {"tag", "nosuch", "email", "public"},
                new String[] {"publish", "nosuch"}, new String[] {"export", "nosuch", "--out", dir.resolve("out").toString()},
                new String[] {"policy", "show", "nosuch"}, new String[] {"policy", "history", "nosuch"})) {
            CliRun.Result r = cli.veil(args);
            assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).as(String.join(" ", args)).contains("no table 'nosuch'");
        }
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aWaivedHighFindingLeavesTheGateGreenAndIsListedAsWaivedInEveryFormat() {
        addPasswords();
        CliRun.Result waive = cli.veil("waive", table, "password", "new-attribute", "--reason",
                "legacy login, removed with ticket 42", "--until", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString(),
                "--reviewer", "ana");
        assertThat(waive.exitCode()).as(waive.err()).isZero();
        assertThat(dir.resolve("policies/waivers.json")).content().contains("\"kind\": \"new-attribute\"", "\"by\": \"ana\"");
        for (String format : new String[] {"json", "markdown", "html", "sarif"}) {
            CliRun.Result r = cli.veil("drift", table, "--format", format, "--fail-on", "high");
            assertThat(r.exitCode()).as(format + ": " + r.err()).isZero();
            assertThat(r.out()).as(format).contains("password").contains("legacy login, removed with ticket 42");
        }
        JsonNode json = cli.veil("drift", table, "--format", "json").json();
        assertThat(findings(json, "new-attribute")).singleElement()
                .satisfies(f -> assertThat(f.at("/waived/by").asText()).isEqualTo("ana"));
        assertThat(json.at("/summary/waived").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/high").asInt()).isZero();
        JsonNode sarif = cli.veil("drift", table, "--format", "sarif").json();
        assertThat(sarif.at("/runs/0/results")).anySatisfy(result -> {
            assertThat(result.get("ruleId").asText()).isEqualTo("new-attribute");
            assertThat(result.at("/suppressions/0/status").asText()).isEqualTo("accepted");
        });
        assertThat(cli.veil("drift", table, "--format", "markdown").out()).contains("### Waived");
        assertThat(cli.veil("drift", table, "--format", "html").out()).contains("<h2>Waived</h2>");
    }

    @Test
    void anExpiredWaiverIsAMediumFindingAndItsFindingCountsAgain() throws IOException {
        addPasswords();
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/waivers.json"), "{\n  \"format\": \"veil-waivers/1\",\n  \"waivers\": [\n"
                + "    {\"by\": \"ana\", \"kind\": \"new-attribute\", \"path\": \"password\", \"reason\": \"legacy\","
                + " \"table\": \"" + table + "\", \"until\": \"2020-01-31\"}\n  ]\n}\n");
        CliRun.Result r = cli.veil("drift", table, "--format", "json", "--fail-on", "high");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(findings(r.json(), "expired-waiver")).singleElement().satisfies(f -> {
            assertThat(f.get("severity").asText()).isEqualTo("medium");
            assertThat(f.get("message").asText()).contains("2020-01-31", "counts again");
            assertThat(f.at("/location/file").asText()).endsWith("waivers.json");
        });
        assertThat(findings(r.json(), "new-attribute")).singleElement()
                .satisfies(f -> assertThat(f.get("waived").isNull()).isTrue());
    }

    @Test
    void aWaiverThatMatchesNothingIsReportedSoItCanBeRemoved() {
        CliRun.Result waive = cli.veil("waive", table, "email", "inconsistent-class", "--reason", "shared inbox",
                "--until", LocalDate.now(ZoneOffset.UTC).plusDays(5).toString());
        assertThat(waive.exitCode()).as(waive.err()).isZero();
        CliRun.Result r = cli.veil("drift", table, "--format", "json", "--fail-on", "high");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(findings(r.json(), "unused-waiver")).singleElement().satisfies(f -> {
            assertThat(f.get("path").asText()).isEqualTo("email");
            assertThat(f.get("action").asText()).contains("remove the waiver");
        });
    }

    @Test
    void aWaiverWithABadDateOrAnUnknownKindIsExitTwoNamingTheFileAndLine() throws IOException {
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/waivers.json"), "{\n  \"format\": \"veil-waivers/1\",\n  \"waivers\": [\n"
                + "    {\"by\": \"ana\", \"kind\": \"new-attribute\", \"path\": \"password\", \"reason\": \"legacy\",\n"
                + "     \"table\": \"" + table + "\", \"until\": \"31/01/2027\"}\n  ]\n}\n");
        CliRun.Result r = cli.veil("drift", table);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("waivers.json:5:", "YYYY-MM-DD");
        assertThat(cli.veil("policy", "validate", dir.resolve("policies").toString()).err()).contains("waivers.json");

        CliRun.Result kind = cli.veil("waive", table, "email", "leak", "--reason", "x", "--until", "2099-01-01");
        assertThat(kind.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(kind.err()).contains("unknown kind 'leak'", "inconsistent-class");
        CliRun.Result date = cli.veil("waive", table, "email", "new-attribute", "--reason", "x", "--until", "2099-13-01");
        assertThat(date.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(date.err()).contains("YYYY-MM-DD");
    }

    @Test
    void aNestedBooleanNamedEmailIsNotInconsistentWithAnOwnerOnlyEmailElsewhere() {
        String prefs = TestTables.createTable(dynamo, "drift_prefs", "id");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(Map.of("id", s("p" + i), "preferences", AttributeValue.fromM(Map.of("notifications",
                    AttributeValue.fromM(Map.of("email", AttributeValue.fromBool(i % 2 == 0)))))));
        }
        TestTables.putItems(dynamo, prefs, items);
        assertThat(cli.veil("sample", prefs, "--items", "100").exitCode()).isZero();
        cli.veil("tag", prefs, "id", "public").ok();
        cli.veil("tag", prefs, "preferences", "public").ok();
        cli.veil("tag", prefs, "preferences.notifications", "public").ok();
        cli.veil("tag", prefs, "preferences.notifications.email", "public").ok();
        assertThat(cli.veil("publish", prefs).exitCode()).isZero();

        CliRun.Result r = cli.veil("drift", table, prefs, "--format", "json");
        assertThat(findings(r.json(), "inconsistent-class")).isEmpty();
        assertThat(r.exitCode()).as(r.out()).isZero();
    }

    @Test
    void everyFindingSaysSinceWhenItHasBeenSeen() {
        addPasswords();
        CliRun.Result first = cli.veil("drift", table, "--format", "json", "--fail-on", "never");
        String since = findings(first.json(), "new-attribute").get(0).get("since").asText();
        CliRun.Result second = cli.veil("drift", table, "--format", "json", "--fail-on", "never");
        assertThat(findings(second.json(), "new-attribute").get(0).get("since").asText()).isEqualTo(since);
        assertThat(java.time.Instant.parse(since)).isBefore(java.time.Instant.parse(second.json().get("generatedAt").asText()));
    }

    private void addPasswords() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            items.add(Map.of("id", s("u" + i), "email", s("user" + i + "@mail.test"), "age", n(20 + i),
                    "nickname", s("nick" + i), "password", s(bcryptLike(i))));
        }
        TestTables.putItems(dynamo, table, items);
    }

    @Test
    void theSameAttributeClassifiedDifferentlyInTwoTablesIsInconsistent() {
        String other = TestTables.createTable(dynamo, "drift_other", "id");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(Map.of("id", s("o" + i), "email", s("other" + i + "@mail.test")));
        }
        TestTables.putItems(dynamo, other, items);
        assertThat(cli.veil("sample", other, "--items", "100").exitCode()).isZero();
        cli.veil("tag", other, "id", "public").ok();
        cli.veil("tag", other, "email", "public", "--note", "marketing list").ok();
        assertThat(cli.veil("publish", other).exitCode()).isZero();
        for (String format : new String[] {"json", "markdown", "html", "sarif"}) {
            CliRun.Result r = cli.veil("drift", table, other, "--format", format);
            assertThat(r.exitCode()).as(format + ": " + r.err()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(r.out()).as(format).contains("inconsistent-class").contains("email");
        }
        JsonNode finding = findings(cli.veil("drift", table, other, "--format", "json").json(), "inconsistent-class").get(0);
        assertThat(finding.get("table").asText()).isEqualTo(other);
        assertThat(finding.get("message").asText()).contains(table);
    }

    @Test
    void anIndexProjectingASecretAttributeIsAnIndexExposure() {
        String indexed = TestTables.uniqueName("drift_gsi");
        dynamo.createTable(r -> r.tableName(indexed)
                .billingMode(software.amazon.awssdk.services.dynamodb.model.BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("id").keyType(software.amazon.awssdk.services.dynamodb.model.KeyType.HASH))
                .attributeDefinitions(
                        a -> a.attributeName("id").attributeType(software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S),
                        a -> a.attributeName("email").attributeType(software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S))
                .globalSecondaryIndexes(g -> g.indexName("by_email")
                        .keySchema(k -> k.attributeName("email").keyType(software.amazon.awssdk.services.dynamodb.model.KeyType.HASH))
                        .projection(p -> p.projectionType(software.amazon.awssdk.services.dynamodb.model.ProjectionType.ALL))));
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(indexed));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(Map.of("id", s("g" + i), "email", s("g" + i + "@mail.test"), "api_token", s(bcryptLike(i))));
        }
        TestTables.putItems(dynamo, indexed, items);
        assertThat(cli.veil("sample", indexed, "--items", "100").exitCode()).isZero();
        cli.veil("tag", indexed, "id", "public").ok();
        cli.veil("tag", indexed, "email", "owner-only").ok();
        cli.veil("tag", indexed, "api_token", "secret").ok();
        assertThat(cli.veil("publish", indexed, "--owner", "id").exitCode()).isZero();
        for (String format : new String[] {"json", "markdown", "html", "sarif"}) {
            CliRun.Result r = cli.veil("drift", indexed, "--format", format);
            assertThat(r.exitCode()).as(format + ": " + r.err()).isEqualTo(ExitCodes.FINDINGS);
            assertThat(r.out()).as(format).contains("index-exposure").contains("by_email");
        }
        JsonNode finding = findings(cli.veil("drift", indexed, "--format", "json").json(), "index-exposure").get(0);
        assertThat(finding.get("path").asText()).isEqualTo("api_token");
        assertThat(finding.get("severity").asText()).isEqualTo("high");
    }

    @Test
    void anUnreachableDynamoDbIsExitThreeNotAFinding() {
        CliRun.Result r = CliRun.raw("drift", table, "--endpoint", "http://127.0.0.1:1", "--workspace",
                dir.resolve("ws").toString(), "--policies", dir.resolve("policies").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).contains("127.0.0.1:1").doesNotContain("finding");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void rejectsAnUnknownFormat() {
        CliRun.Result r = cli.veil("drift", table, "--format", "pdf");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("pdf").contains("sarif");
    }

    private static List<JsonNode> findings(JsonNode report, String kind) {
        List<JsonNode> out = new ArrayList<>();
        report.get("findings").forEach(f -> {
            if (f.get("kind").asText().equals(kind)) {
                out.add(f);
            }
        });
        return out;
    }

    private static String bcryptLike(int i) {
        String alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder("$2b$12$");
        for (int k = 0; k < 53; k++) {
            sb.append(alphabet.charAt((k * 7 + i * 13 + k * k * i) % alphabet.length()));
        }
        return sb.toString();
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(int v) {
        return AttributeValue.fromN(Integer.toString(v));
    }
}
