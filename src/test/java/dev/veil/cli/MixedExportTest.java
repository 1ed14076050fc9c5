package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.demo.LocalDynamo;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An export folder whose files come from two policy versions (what a kill between two renames
 * leaves): drift refuses it, export says so and rewrites the whole set.
 */
@ExtendWith(LocalDynamoExtension.class)
class MixedExportTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private String table;
    private Path out;
    private Path python;

    @BeforeEach
    void exportTwoVersionsAndMixThem(DynamoDbClient dynamo, LocalDynamo local) throws Exception {
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
        table = TestTables.createTable(dynamo, "mixed", "id");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            items.add(Map.of("id", AttributeValue.fromS("u" + i), "email", AttributeValue.fromS("u" + i + "@mail.test")));
        }
        TestTables.putItems(dynamo, table, items);
        ok(cli.veil("sample", table, "--items", "20"));
        ok(cli.veil("tag", table, "id", "public"));
        ok(cli.veil("tag", table, "email", "owner-only"));
        ok(cli.veil("publish", table, "--owner", "id"));
        out = dir.resolve("service");
        ok(cli.veil("export", table, "--out", out.toString()));
        try (Stream<Path> files = Files.list(out)) {
            python = files.filter(f -> f.toString().endsWith(".py")).findFirst().orElseThrow();
        }
        byte[] v1 = Files.readAllBytes(python);
        ok(cli.veil("tag", table, "email", "secret"));
        ok(cli.veil("publish", table));
        ok(cli.veil("export", table, "--out", out.toString()));
        Files.write(python, v1);
    }

    @Test
    void driftRefusesAMixedExportFolderNamingEachFileAndItsVersion() {
        CliRun.Result r = cli.veil("drift", table, "--export-dir", out.toString(), "--fail-on", "never");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("mixed set").contains(python.getFileName().toString() + " is from v1")
                .contains(table + ".policy.json is from v2").contains("export the table again");
    }

    @Test
    void exportReportsAMixedFolderAndRewritesTheWholeSet() {
        CliRun.Result r = cli.veil("export", table, "--out", out.toString());
        ok(r);
        assertThat(r.err()).contains("mixed set").contains("rewriting the whole set");
        assertThat(r.out()).contains("updated").contains(python.getFileName().toString());
        ok(cli.veil("drift", table, "--export-dir", out.toString(), "--fail-on", "never"));
    }

    private static void ok(CliRun.Result r) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    }
}
