package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.demo.LocalDynamo;
import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.DecisionSource;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import dev.veil.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Tables at DynamoDB's limits go the whole way: sample, tag, publish, validate, export. */
@ExtendWith(LocalDynamoExtension.class)
class DynamoLimitsTest {

    /** DynamoDB's limit on a non-key attribute name: 64 KB of UTF-8. */
    private static final int MAX_NAME_BYTES = 65_535;

    @TempDir
    Path dir;

    @Test
    void anAttributeNameOfSixtyFourKilobytesPublishesAndExports(DynamoDbClient dynamo, LocalDynamo local) throws Exception {
        CliRun cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
        String table = TestTables.createTable(dynamo, "longname", "id");
        String name = "n".repeat(MAX_NAME_BYTES);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            items.add(Map.of("id", AttributeValue.fromS("u" + i), name, AttributeValue.fromS("v" + i)));
        }
        TestTables.putItems(dynamo, table, items);
        ok(cli.veil("sample", table, "--items", "10"));
        ok(cli.veil("tag", table, "id", "public"));
        ok(cli.veil("tag", table, name, "owner-only"));
        ok(cli.veil("publish", table, "--owner", "id"));
        ok(cli.veil("policy", "validate", dir.resolve("policies").toString()));
        assertThat(cli.veil("policy", "show", table, "--json").out()).contains(name);
        Path out = dir.resolve("service");
        ok(cli.veil("export", table, "--out", out.toString()));
        assertThat(Files.readString(out.resolve(table + ".policy.json"))).contains(name);
    }

    @Test
    void aTableOfTenThousandAttributesPublishesAndExportsWithoutAProjection(DynamoDbClient dynamo, LocalDynamo local)
            throws Exception {
        CliRun cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
        String table = TestTables.createTable(dynamo, "wide", "id");
        int attributes = 10_000;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("id", AttributeValue.fromS("u" + i));
            for (int a = 0; a < attributes; a++) {
                item.put("a" + a, AttributeValue.fromN(String.valueOf(a)));
            }
            items.add(item);
        }
        TestTables.putItems(dynamo, table, items);
        ok(cli.veil("sample", table, "--items", "10"));
        List<Decision> decisions = new ArrayList<>();
        decisions.add(decision(table, "id", Classification.PUBLIC));
        for (int a = 0; a < attributes; a++) {
            decisions.add(decision(table, "a" + a, a % 2 == 0 ? Classification.PUBLIC : Classification.OWNER_ONLY));
        }
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            ws.record(decisions);
        }
        ok(cli.veil("publish", table, "--owner", "id"));
        ok(cli.veil("policy", "validate", dir.resolve("policies").toString()));
        Path out = dir.resolve("service");
        CliRun.Result export = cli.veil("export", table, "--out", out.toString(), "--lang", "python,typescript");
        ok(export);
        String python = Files.readString(out.resolve(table.toLowerCase().replaceAll("[^a-z0-9]+", "_") + "_sanitizer.py"));
        assertThat(python).contains("PROJECTION_OWNER = {}").contains("\"a9999\"");
    }

    private static Decision decision(String table, String name, Classification c) {
        return new Decision(table, AttributePath.of(name), c, "steward", Instant.now(), "", DecisionSource.MANUAL);
    }

    private static void ok(CliRun.Result r) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    }
}
