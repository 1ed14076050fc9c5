package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.Main;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Kills {@code veil publish}, {@code tag}, {@code export} and {@code drift} with SIGKILL (no
 * shutdown hooks) at random moments and just as they write, then runs the same command again to
 * its end and checks what the kill may not leave: temporary files, a mixed export folder, a gap
 * or a lagging changelog in the policy store, a workspace that does not open. {@code
 * -Dveil.kills=N} sets the kills per command (default 2; docs/RELIABILITY.md reports a larger run).
 */
@ExtendWith(LocalDynamoExtension.class)
class KillNineTest {

    private static final int KILLS = Integer.getInteger("veil.kills", 2);
    private static final String[] CLASSES = {"public", "owner-only", "secret"};
    /** The rounds cycle through the classes, so every third one widens secret to public. */
    private static final String WIDENING = "the kill test cycles nickname through every class";

    @TempDir
    Path dir;

    private LocalDynamo local;
    private CliRun cli;
    private String table;
    private final Random random = new Random(19);

    @BeforeEach
    void publishAPolicy(DynamoDbClient dynamo, LocalDynamo local) {
        this.local = local;
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
        table = TestTables.createTable(dynamo, "kill", "id");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            items.add(Map.of("id", AttributeValue.fromS("u" + i), "email", AttributeValue.fromS("u" + i + "@mail.test"),
                    "nickname", AttributeValue.fromS("n" + i)));
        }
        TestTables.putItems(dynamo, table, items);
        assertThat(cli.veil("sample", table, "--items", "80").exitCode()).isZero();
        cli.veil("tag", table, "id", "public").ok();
        cli.veil("tag", table, "email", "owner-only").ok();
        cli.veil("tag", table, "nickname", "public").ok();
        assertThat(cli.veil("publish", table, "--owner", "id").exitCode()).isZero();
    }

    @Test
    void aKilledPublishLeavesNoTemporaryFileGapOrStaleChangelogOnceTheNextPublishRan() throws Exception {
        for (int round = 0; round < KILLS; round++) {
            ok(cli.veil("tag", table, "nickname", CLASSES[round % 3], "--note", "round " + round));
            kill(round, dir.resolve("policies").resolve(table), "publish", table, "--allow-widening", "--note", WIDENING);
            ok(cli.veil("publish", table, "--allow-widening", "--note", WIDENING));
            assertStoreIsWhole();
        }
    }

    @Test
    void aKilledTagLeavesAWorkspaceThatOpensAndTakesTheNextTag() throws Exception {
        for (int round = 0; round < KILLS; round++) {
            kill(round, dir.resolve("ws"), "tag", table, "nickname", CLASSES[round % 3]);
            ok(cli.veil("tag", table, "nickname", CLASSES[(round + 1) % 3]));
            CliRun.Result review = cli.veil("review", table, "--json");
            ok(review);
            assertThat(review.out()).contains(CLASSES[(round + 1) % 3]);
            assertNoTemporaryFiles(dir.resolve("ws"));
        }
    }

    @Test
    void aKilledExportLeavesNoTemporaryFileAndNoMixedSetOnceTheNextExportRan() throws Exception {
        Path out = dir.resolve("service");
        ok(cli.veil("export", table, "--out", out.toString()));
        for (int round = 0; round < KILLS; round++) {
            ok(cli.veil("tag", table, "nickname", CLASSES[round % 3], "--note", "round " + round));
            ok(cli.veil("publish", table, "--allow-widening", "--note", WIDENING));
            kill(round, out, "export", table, "--out", out.toString());
            ok(cli.veil("export", table, "--out", out.toString()));
            assertNoTemporaryFiles(out);
            ok(cli.veil("drift", table, "--export-dir", out.toString(), "--fail-on", "never", "--format", "json"));
        }
    }

    @Test
    void aKilledDriftLeavesNoTemporaryReportFileOnceTheNextDriftRan() throws Exception {
        Path reports = dir.resolve("reports");
        Files.createDirectories(reports);
        Path report = reports.resolve("drift.md");
        for (int round = 0; round < KILLS; round++) {
            kill(round, reports, "drift", table, "--out", report.toString(), "--fail-on", "never");
            ok(cli.veil("drift", table, "--out", report.toString(), "--fail-on", "never"));
            assertNoTemporaryFiles(reports);
            assertThat(Files.readString(report)).contains(table);
        }
    }

    /**
     * Runs the command in a child JVM and kills it: in even rounds at a random moment, in odd
     * rounds as soon as a temporary file appears under {@code watched} (inside the write window).
     */
    private void kill(int round, Path watched, String... args) throws Exception {
        Process child = start(args);
        try {
            if (round % 2 == 0) {
                Thread.sleep(200 + random.nextInt(2500));
            } else {
                awaitTemporaryFile(watched, child);
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the killed child exits").isTrue();
        }
    }

    private Process start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint", local.endpoint().toString(), "--workspace", dir.resolve("ws").toString(),
                "--policies", dir.resolve("policies").toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Polls until a temporary file shows up, the child ends, or a bound passes. */
    private static void awaitTemporaryFile(Path watched, Process child) throws IOException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (child.isAlive() && System.nanoTime() < until) {
            if (!temporaryFiles(watched).isEmpty()) {
                return;
            }
        }
    }

    private void assertStoreIsWhole() throws IOException {
        CliRun.Result validate = cli.veil("policy", "validate", dir.resolve("policies").toString());
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        assertNoTemporaryFiles(dir.resolve("policies"));
    }

    private static void assertNoTemporaryFiles(Path root) throws IOException {
        assertThat(temporaryFiles(root)).as("temporary files under " + root).isEmpty();
    }

    private static List<Path> temporaryFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        } catch (java.io.UncheckedIOException e) {
            return List.of(); // A file vanished while walking: a writer is at work; look again later.
        }
    }

    private static void ok(CliRun.Result r) {
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    }
}
