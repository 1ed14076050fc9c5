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
        cli.veil("tag", table, "id", "public");
        cli.veil("tag", table, "email", "owner-only");
        cli.veil("tag", table, "age", "owner-only");
        cli.veil("tag", table, "nickname", "public");
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
    void anUnreadableTableIsAnErrorFindingWhileTheOthersComplete() {
        CliRun.Result r = cli.veil("drift", table, "no_such_table_here", "--format", "json", "--fail-on", "high");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(findings(r.json(), "error")).extracting(f -> f.get("table").asText()).contains("no_such_table_here");
        assertThat(r.json().toString()).contains(table);
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
        cli.veil("tag", other, "id", "public");
        cli.veil("tag", other, "email", "public", "--note", "marketing list");
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
        cli.veil("tag", indexed, "id", "public");
        cli.veil("tag", indexed, "email", "owner-only");
        cli.veil("tag", indexed, "api_token", "secret");
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
        assertThat(r.err()).contains("127.0.0.1:1");
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
