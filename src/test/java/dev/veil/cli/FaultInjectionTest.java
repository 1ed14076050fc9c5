package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.FaultProxy;
import dev.veil.testing.FaultProxy.Fault;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import dev.veil.workspace.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code veil sample} and {@code veil drift} through {@link FaultProxy} in front of the local
 * DynamoDB, for every fault kind: at 10% each run ends with exactly the fault-free profile and
 * findings; at 50% each either does so or exits 3 with a message that says how far it got, in
 * bounded time, with nothing stored.
 */
@ExtendWith(LocalDynamoExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionTest {

    private static final int ITEMS = 200;
    /** Far above a fault-free run (about a second), far below "hangs". */
    private static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private LocalDynamo local;
    private String table;
    private JsonNode cleanProfile;
    private JsonNode cleanFindings;

    @BeforeAll
    void publishAPolicyAndRecordTheFaultFreeResults(DynamoDbClient dynamo, LocalDynamo local) {
        this.local = local;
        table = TestTables.createTable(dynamo, "faults", "id");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(Map.of("id", s("u" + i), "email", s("user" + i + "@mail.test"),
                    "age", AttributeValue.fromN(String.valueOf(20 + i % 50)), "nickname", s("nick" + i),
                    "api_key", s("sk_live_" + Integer.toHexString(i * 7919 + 100000))));
        }
        TestTables.putItems(dynamo, table, items);
        CliRun clean = cli(local.endpoint().toString(), "clean");
        assertThat(clean.veil("sample", table, "--items", String.valueOf(ITEMS)).exitCode()).isZero();
        clean.veil("tag", table, "id", "public").ok();
        clean.veil("tag", table, "email", "owner-only").ok();
        clean.veil("tag", table, "age", "owner-only").ok();
        assertThat(clean.veil("publish", table, "--owner", "id").exitCode()).isZero();
        cleanProfile = profile(clean.veil("sample", table, "--items", String.valueOf(ITEMS), "--json"));
        cleanFindings = findings(clean.veil("drift", table, "--format", "json"));
    }

    /** Every fault at 10% and 50%; {@code -Dveil.faults=THROTTLING,HTTP_500} runs only those. */
    static Stream<Arguments> faults() {
        String only = System.getProperty("veil.faults", "");
        return Stream.of(0.1, 0.5).flatMap(rate -> Stream.of(Fault.values())
                .filter(f -> only.isBlank() || List.of(only.split(",")).contains(f.name()))
                .map(f -> Arguments.of(f, rate)));
    }

    @ParameterizedTest(name = "sample with {0} at {1}")
    @MethodSource("faults")
    void sampleEndsWithTheFaultFreeProfileOrExitsThreeStoringNothing(Fault fault, double rate) {
        try (FaultProxy proxy = FaultProxy.start(local.endpoint(), fault, rate, 19 + fault.ordinal())) {
            String name = fault.label() + "-" + (int) (rate * 100);
            CliRun cli = cli(proxy.endpoint().toString(), name);
            long start = System.nanoTime();
            CliRun.Result r = cli.veil("sample", table, "--items", String.valueOf(ITEMS), "--json");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("fault-suite sample %s exit %d in %d ms%n", proxy, r.exitCode(), took.toMillis());
            assertThat(took).as(proxy.toString()).isLessThan(BOUND);
            if (rate <= 0.1 || r.exitCode() == 0) {
                assertThat(r.exitCode()).as(proxy + "\n" + r.err()).isZero();
                assertThat(profile(r)).as(proxy.toString()).isEqualTo(cleanProfile);
            } else {
                assertGaveUpCleanly(r, proxy);
                assertThat(storedRuns(name)).as("a failed sample stores nothing").isZero();
            }
        }
    }

    @ParameterizedTest(name = "drift with {0} at {1}")
    @MethodSource("faults")
    void driftEndsWithTheFaultFreeFindingsOrExitsThree(Fault fault, double rate) {
        try (FaultProxy proxy = FaultProxy.start(local.endpoint(), fault, rate, 91 + fault.ordinal())) {
            CliRun cli = cli(proxy.endpoint().toString(), "clean");
            long start = System.nanoTime();
            CliRun.Result r = cli.veil("drift", table, "--format", "json");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("fault-suite drift %s exit %d in %d ms%n", proxy, r.exitCode(), took.toMillis());
            assertThat(took).as(proxy.toString()).isLessThan(BOUND);
            if (rate <= 0.1 || r.exitCode() != ExitCodes.UNAVAILABLE) {
                assertThat(r.exitCode()).as(proxy + "\n" + r.err()).isNotEqualTo(ExitCodes.UNAVAILABLE);
                assertThat(findings(r)).as(proxy.toString()).isEqualTo(cleanFindings);
            } else {
                assertThat(r.err()).as(proxy.toString()).contains(table);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aSampleWhoseScansAlwaysFailSaysHowFarItGotStoresNothingAndExitsThree() {
        try (FaultProxy proxy = FaultProxy.start(local.endpoint(), Fault.HTTP_500, 1.0, "Scan", 7)) {
            CliRun cli = cli(proxy.endpoint().toString(), "always-failing");
            long start = System.nanoTime();
            CliRun.Result r = cli.veil("sample", table, "--items", String.valueOf(ITEMS), "--json");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
            assertGaveUpCleanly(r, proxy);
            assertThat(r.err()).contains("gave up after reading 0 of " + ITEMS + " items");
            assertThat(storedRuns("always-failing")).isZero();
        }
    }

    private static void assertGaveUpCleanly(CliRun.Result r, FaultProxy proxy) {
        assertThat(r.exitCode()).as(proxy + "\n" + r.err()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).as(proxy.toString()).contains("gave up after reading").contains("Nothing was stored");
        assertThat(r.out()).isEmpty();
    }

    private int storedRuns(String name) {
        try (Workspace ws = Workspace.open(dir.resolve(name))) {
            return ws.runs(table).size();
        }
    }

    private CliRun cli(String endpoint, String workspace) {
        return new CliRun(java.net.URI.create(endpoint), dir.resolve(workspace), dir.resolve("policies"));
    }

    /** The profile without what legitimately differs between runs: request counts and capacity. */
    private static JsonNode profile(CliRun.Result r) {
        assertThat(r.exitCode()).as(r.err()).isZero();
        ObjectNode json = (ObjectNode) r.json();
        if (json.get("coverage") instanceof ObjectNode coverage) {
            coverage.remove(List.of("requests", "consumedCapacity"));
        }
        json.remove(List.of("runId", "sampledAt"));
        return json;
    }

    /** The findings without {@code since}, which names the audit's own sampling run and so differs per run. */
    private static JsonNode findings(CliRun.Result r) {
        assertThat(r.exitCode()).as(r.err()).isNotEqualTo(ExitCodes.UNAVAILABLE);
        JsonNode findings = r.json().get("findings");
        findings.forEach(f -> ((com.fasterxml.jackson.databind.node.ObjectNode) f).remove("since"));
        return findings;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }
}
