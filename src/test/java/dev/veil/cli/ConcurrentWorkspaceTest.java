package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.demo.LocalDynamo;
import dev.veil.model.AttributePath;
import dev.veil.model.AuditEntry;
import dev.veil.model.Classification;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.PostgresExtension;
import dev.veil.testing.PostgresServer;
import dev.veil.testing.TestTables;
import dev.veil.workspace.WaitListener;
import dev.veil.workspace.Workspace;
import dev.veil.workspace.WorkspaceLocation;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Several real {@code veil} processes on one workspace at once, as two stewards' scripts, a
 * console and a CI job would run them: on one H2 file and on one shared PostgreSQL database.
 */
@ExtendWith({LocalDynamoExtension.class, PostgresExtension.class})
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class ConcurrentWorkspaceTest {
    private static final int TAGS = 50;
    private static final Pattern PUBLISHED = Pattern.compile("^Published \\S+ v(\\d+) ");

    @TempDir
    Path dir;

    private URI endpoint;
    private String table;

    @BeforeEach
    void tableOfFiftyAttributes(DynamoDbClient dynamo, LocalDynamo local) {
        endpoint = local.endpoint();
        table = TestTables.createTable(dynamo, "shared", "pk");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS("item-" + n));
            for (int a = 0; a < TAGS; a++) {
                item.put("a" + a, AttributeValue.fromS("value " + a));
            }
            items.add(item);
        }
        TestTables.putItems(dynamo, table, items);
    }

    @Test
    void twoProcessesTaggingFiftyTimesEachOnOnePostgresqlWorkspaceLandEveryDecision(PostgresServer postgres) {
        String url = postgres.newDatabase();
        sample(url + "&password=" + PostgresServer.PASSWORD);

        assertAllSucceeded(tagTogether(url, Map.of("PGPASSWORD", PostgresServer.PASSWORD)));

        assertEveryTagLanded(WorkspaceLocation.parse(url, Optional.of(PostgresServer.PASSWORD)));
    }

    @Test
    void twoProcessesTaggingFiftyTimesEachOnOneH2WorkspaceLandEveryDecision() {
        String workspace = dir.resolve("ws").toString();
        sample(workspace);

        assertAllSucceeded(tagTogether(workspace, Map.of()));

        assertEveryTagLanded(WorkspaceLocation.directory(Path.of(workspace)));
    }

    @Test
    void fourReviewsStartedAtOnceOnOneH2WorkspaceAllSucceed() {
        String workspace = dir.resolve("ws").toString();
        sample(workspace);
        List<String> review = veil(workspace, "review", table);
        review.add(0, "1");

        for (int round = 0; round < 2; round++) {
            List<CliProcesses.Finished> four = CliProcesses.runTogether(dir, Map.of(),
                    List.of(review, review, review, review));
            assertAllSucceeded(four);
            assertThat(four).allSatisfy(f -> assertThat(f.out()).contains("a49"));
            assertThat(four).allSatisfy(f -> assertThat(f.err()).doesNotContain("damaged", "aside"));
        }
    }

    @Test
    void concurrentPublishesFromOneSharedWorkspaceNeverWriteTwoVersionsWithOneNumber(PostgresServer postgres)
            throws IOException {
        String url = postgres.newDatabase();
        sample(url + "&password=" + PostgresServer.PASSWORD);
        List<String> first = publishRounds(url, "a{i}");
        List<String> second = publishRounds(url, "a1{i}");

        List<CliProcesses.Finished> both = CliProcesses.runTogether(dir, Map.of("PGPASSWORD", PostgresServer.PASSWORD),
                List.of(first, second));

        assertAllSucceeded(both);
        List<Integer> reported = both.stream().flatMap(f -> f.lines().stream()).map(PUBLISHED::matcher)
                .filter(Matcher::find).map(m -> Integer.parseInt(m.group(1))).sorted().toList();
        List<Integer> stored;
        try (Stream<Path> files = Files.list(dir.resolve("policies").resolve(table))) {
            stored = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("v\\d+\\.json"))
                    .map(n -> Integer.parseInt(n.substring(1, n.length() - 5))).sorted().toList();
        }
        assertThat(reported).doesNotHaveDuplicates().isEqualTo(stored).hasSizeGreaterThanOrEqualTo(2);
        assertThat(stored).isEqualTo(java.util.stream.IntStream.rangeClosed(1, stored.size()).boxed().toList());
        assertThat(CliRun.raw("policy", "validate", dir.resolve("policies").toString()).exitCode()).isZero();
    }

    // --- helpers ---

    private void sample(String workspace) {
        CliRun.Result sampled = new CliRun(endpoint, workspace, dir.resolve("policies")).veil("sample", table);
        assertThat(sampled.exitCode()).as(sampled.err()).isZero();
    }

    private List<String> veil(String workspace, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint", endpoint.toString(), "--workspace", workspace,
                "--policies", dir.resolve("policies").toString(), "--quiet"));
        return all;
    }

    private List<CliProcesses.Finished> tagTogether(String workspace, Map<String, String> env) {
        List<String> a = veil(workspace, "tag", table, "a{i}", "secret", "--reviewer", "ana", "--note", "from ana");
        List<String> b = veil(workspace, "tag", table, "a{i}", "owner-only", "--reviewer", "ben", "--note", "from ben");
        a.add(0, String.valueOf(TAGS));
        b.add(0, String.valueOf(TAGS));
        return CliProcesses.runTogether(dir, env, List.of(a, b));
    }

    private List<String> publishRounds(String workspace, String path) {
        List<String> round = new ArrayList<>(List.of("10"));
        round.addAll(veil(workspace, "tag", table, path, "secret", "--reviewer", path));
        round.add(";;");
        round.addAll(veil(workspace, "publish", table));
        return round;
    }

    private void assertEveryTagLanded(WorkspaceLocation location) {
        List<AuditEntry> log;
        try (Workspace ws = Workspace.open(location, WaitListener.SILENT)) {
            log = ws.auditLog(Optional.of(table));
        }
        assertThat(log).hasSize(2 * TAGS);
        assertThat(log.stream().collect(Collectors.groupingBy(AuditEntry::reviewer, Collectors.counting())))
                .containsOnly(Map.entry("ana", (long) TAGS), Map.entry("ben", (long) TAGS));
        Map<AttributePath, List<AuditEntry>> byPath = log.stream().collect(Collectors.groupingBy(AuditEntry::path));
        assertThat(byPath).hasSize(TAGS);
        byPath.forEach((path, entries) -> {
            assertThat(entries.get(0).previous()).as("first decision of %s", path).isEmpty();
            assertThat(entries.get(1).previous()).as("second decision of %s", path)
                    .isEqualTo(entries.get(0).current());
            assertThat(entries.stream().map(AuditEntry::current))
                    .containsExactlyInAnyOrder(Optional.of(Classification.SECRET), Optional.of(Classification.OWNER_ONLY));
        });
    }

    private static void assertAllSucceeded(List<CliProcesses.Finished> children) {
        for (CliProcesses.Finished f : children) {
            assertThat(f.exitCode()).as("a child failed; its stderr:%n%s", f.err()).isZero();
        }
    }
}
