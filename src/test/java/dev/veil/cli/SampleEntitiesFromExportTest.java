package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.demo.LocalDynamo;
import dev.veil.dynamo.ExportLocation;
import dev.veil.dynamo.ItemConverter;
import dev.veil.model.DynamoValue;
import dev.veil.testing.ExportFixtures;
import dev.veil.testing.ExportFixtures.Form;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.LocalS3;
import dev.veil.testing.TestTables;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code veil sample --from-export} tells the kinds of item of a single-table design apart as a
 * sample of the live table does: the same items give the same entities (names, matches, paths and
 * presence) from every form of export, from a folder and from S3, with the key attribute names taken
 * from the live table, else from a stored sampling run, else none (markers only).
 */
@ExtendWith(LocalDynamoExtension.class)
class SampleEntitiesFromExportTest {

    private static final URI UNREACHABLE = URI.create("http://127.0.0.1:1");
    private static LocalS3 s3;

    @TempDir
    Path dir;

    private DynamoDbClient dynamo;
    private URI endpoint;

    @BeforeAll
    static void startS3() {
        s3 = LocalS3.start();
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.close();
        }
    }

    @BeforeEach
    void connect(DynamoDbClient dynamo, LocalDynamo local) {
        this.dynamo = dynamo;
        this.endpoint = local.endpoint();
    }

    private static Map<String, DynamoValue> item(String... namesAndValues) {
        Map<String, DynamoValue> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], new DynamoValue.S(namesAndValues[i + 1]));
        }
        return m;
    }

    /**
     * Profiles and orders told apart by their keys' prefixes, invites by an ElectroDB marker; each
     * item repeats its partition key as {@code user_id}, the key the fixtures' incremental records name.
     */
    private static List<Map<String, DynamoValue>> singleTableItems() {
        List<Map<String, DynamoValue>> items = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            items.add(item("user_id", "USER#" + i, "pk", "USER#" + i, "sk", "PROFILE", "email", "u" + i + "@example.com", "name", "N" + i));
            items.add(item("user_id", "USER#" + i, "pk", "USER#" + i, "sk", "ORDER#2024-" + i, "total", String.valueOf(i),
                    "status", i % 3 == 0 ? "paid" : "open"));
            if (i % 2 == 0) {
                items.add(item("user_id", "INV#" + i, "pk", "INV#" + i, "sk", "INV#" + i, "__edb_e__", "invite",
                        "email", "i" + i + "@example.com"));
            }
        }
        return items;
    }

    private String liveTable(List<Map<String, DynamoValue>> items) {
        String table = TestTables.createTable(dynamo, "export_kinds", "pk", "sk");
        TestTables.putItems(dynamo, table, items.stream().map(ItemConverter::toSdk).toList());
        return table;
    }

    private CliRun.Result run(URI at, Path workspace, Map<String, String> env, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", at.toString(), "--workspace", workspace.toString(),
                "--policies", dir.resolve("policies").toString()));
        return CliRun.withEnv(env, all.toArray(String[]::new));
    }

    private static JsonNode sampled(CliRun.Result r) {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.json();
    }

    /** Each entity by name, with what sampling from a table or an export must agree on. */
    private static Map<String, String> entities(JsonNode sample) {
        Map<String, String> byName = new TreeMap<>();
        for (JsonNode e : sample.get("entities")) {
            StringBuilder s = new StringBuilder(e.get("match").toString()).append(" items=")
                    .append(e.get("itemsSampled").asInt());
            List<String> paths = new ArrayList<>();
            e.get("attributes").forEach(a -> paths.add(a.get("path").asText() + "@" + a.get("presence").asText()));
            s.append(' ').append(paths.stream().sorted().toList());
            byName.put(e.get("name").asText(), s.toString());
        }
        return byName;
    }

    @Test
    void everyFormOfExportFromAFolderAndFromS3GivesTheEntitiesOfTheTable() {
        List<Map<String, DynamoValue>> items = singleTableItems();
        String table = liveTable(items);
        Map<String, String> expected = entities(sampled(run(endpoint, dir.resolve("ws"), Map.of(),
                "sample", table, "--items", "1000", "--json")));
        assertThat(expected).containsOnlyKeys("PROFILE", "ORDER", "invite");

        for (Form form : Form.values()) {
            Path export = ExportFixtures.write(dir.resolve(form.name()), form, items, 3, 2);
            Path fresh = dir.resolve("ws-" + form.name());
            assertThat(entities(sampled(run(endpoint, fresh, Map.of(), "sample", table, "--from-export",
                    export.toString(), "--json")))).as(form + " from a folder").isEqualTo(expected);
            s3.upload(dir.resolve(form.name()), "kinds", form.name() + "/");
            assertThat(entities(sampled(run(endpoint, fresh, Map.of(ExportLocation.S3_ENDPOINT_ENV,
                    s3.endpoint().toString()), "sample", table, "--from-export", "s3://kinds/" + form.name(),
                    "--json")))).as(form + " from S3").isEqualTo(expected);
        }
    }

    @Test
    void theHumanOutputSaysTheKeyNamesCameFromTheLiveTable() {
        List<Map<String, DynamoValue>> items = singleTableItems();
        String table = liveTable(items);
        Path export = ExportFixtures.write(dir.resolve("e"), Form.JSON_FULL, items, 2, 0);

        CliRun.Result r = run(endpoint, dir.resolve("ws"), Map.of(), "sample", table, "--from-export",
                export.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Key attribute names (pk, sk) from the live table").contains("ORDER");
    }

    @Test
    void anExportsEntitiesAreTaggedAndReviewedPerEntity() {
        List<Map<String, DynamoValue>> items = singleTableItems();
        String table = liveTable(items);
        Path ws = dir.resolve("ws");
        Path export = ExportFixtures.write(dir.resolve("e"), Form.ION_FULL, items, 2, 0);
        sampled(run(endpoint, ws, Map.of(), "sample", table, "--from-export", export.toString(), "--json"));

        CliRun.Result tag = run(endpoint, ws, Map.of(), "tag", table, "total", "owner-only", "--entity", "ORDER");
        CliRun.Result review = run(endpoint, ws, Map.of(), "review", table, "--entity", "ORDER", "--json");

        assertThat(tag.exitCode()).as(tag.err()).isZero();
        assertThat(review.exitCode()).as(review.err()).isZero();
        List<String> decided = new ArrayList<>();
        review.json().get("attributes").forEach(a -> {
            if (a.get("decision").isObject()) {
                decided.add(a.get("entity").asText() + ":" + a.get("path").asText() + "="
                        + a.at("/decision/class").asText());
            }
        });
        assertThat(decided).containsExactly("ORDER:total=owner-only");
    }

    @Test
    void anUnreachableTableTakesTheKeyNamesFromTheStoredSamplingRun() {
        List<Map<String, DynamoValue>> items = singleTableItems();
        String table = liveTable(items);
        Path ws = dir.resolve("ws");
        Map<String, String> expected = entities(sampled(run(endpoint, ws, Map.of(),
                "sample", table, "--items", "1000", "--json")));
        Path export = ExportFixtures.write(dir.resolve("e"), Form.ION_FULL, items, 2, 0);

        assertThat(entities(sampled(run(UNREACHABLE, ws, Map.of(), "sample", table, "--from-export",
                export.toString(), "--json")))).isEqualTo(expected);
        assertThat(run(UNREACHABLE, ws, Map.of(), "sample", table, "--from-export", export.toString()).out())
                .contains("from the newest stored sampling run");
    }

    @Test
    void keyNamesGivenWithTheExportTellKindsApartWithoutTheTable() {
        List<Map<String, DynamoValue>> items = singleTableItems();
        String table = liveTable(items);
        Map<String, String> expected = entities(sampled(run(endpoint, dir.resolve("live"), Map.of(),
                "sample", table, "--items", "1000", "--json")));
        Path export = ExportFixtures.write(dir.resolve("e"), Form.JSON_FULL, items, 2, 0);

        Map<String, String> given = entities(sampled(run(UNREACHABLE, dir.resolve("ws"), Map.of(), "sample", table,
                "--from-export", export.toString(), "--keys", "pk,sk", "--json")));
        CliRun.Result human = run(UNREACHABLE, dir.resolve("ws"), Map.of(), "sample", table, "--from-export",
                export.toString(), "--keys", "pk,sk");

        assertThat(given).isEqualTo(expected);
        assertThat(human.out()).contains("Key attribute names (pk, sk) as given");
    }

    @Test
    void moreThanTwoKeyNamesAreRefusedAndNothingIsStored() {
        Path export = ExportFixtures.write(dir.resolve("e"), Form.JSON_FULL, singleTableItems(), 2, 0);

        CliRun.Result r = run(UNREACHABLE, dir.resolve("ws"), Map.of(), "sample", "app", "--from-export",
                export.toString(), "--keys", "pk,sk,extra");
        CliRun.Result runs = run(UNREACHABLE, dir.resolve("ws"), Map.of(), "review", "app", "--json");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("at most one sort key").contains("--keys PK");
        assertThat(runs.exitCode()).isNotZero();
    }

    @Test
    void anEmptyKeyNameIsRefused() {
        Path export = ExportFixtures.write(dir.resolve("e"), Form.JSON_FULL, singleTableItems(), 2, 0);

        CliRun.Result r = run(UNREACHABLE, dir.resolve("ws"), Map.of(), "sample", "app", "--from-export",
                export.toString(), "--keys", "pk,");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("each non-empty; got 2: \"pk\", \"\"");
    }

    @Test
    void keyNamesWithoutAnExportAreRefused() {
        CliRun.Result r = run(UNREACHABLE, dir.resolve("ws"), Map.of(), "sample", "app", "--keys", "pk");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--keys applies to --from-export");
    }

    @Test
    void withNeitherTheTableNorAStoredRunOnlyMarkersTellKindsApart() {
        List<Map<String, DynamoValue>> prefixed = singleTableItems().stream()
                .filter(i -> !i.containsKey("__edb_e__")).toList();
        List<Map<String, DynamoValue>> marked = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            marked.add(item("pk", "USER#" + i, "sk", "PROFILE", "_et", "user", "email", "u" + i + "@example.com"));
            marked.add(item("pk", "USER#" + i, "sk", "ORDER#" + i, "_et", "order", "total", String.valueOf(i)));
        }

        CliRun.Result human = run(UNREACHABLE, dir.resolve("ws"), Map.of(), "sample", "nowhere", "--from-export",
                ExportFixtures.write(dir.resolve("p"), Form.JSON_FULL, prefixed, 2, 0).toString());
        JsonNode fromMarkers = sampled(run(UNREACHABLE, dir.resolve("ws"), Map.of(), "sample", "nowhere",
                "--from-export", ExportFixtures.write(dir.resolve("m"), Form.JSON_FULL, marked, 2, 0).toString(),
                "--json"));

        assertThat(human.exitCode()).as(human.err()).isZero();
        assertThat(human.out()).contains("marker attributes only").doesNotContain("kinds of item (entities)");
        assertThat(entities(fromMarkers)).containsOnlyKeys("user", "order");
    }
}
