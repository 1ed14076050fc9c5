package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.demo.DemoData;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The README's CI gate over the repository's own demo policies, right after the demo is seeded: it
 * must pass, with every high finding fixed in the demo's decisions or carried by a reviewed waiver.
 * The demo holds only its three tables, so naming them is what {@code --all} audits after {@code veil demo}.
 */
@ExtendWith(LocalDynamoExtension.class)
class DemoDriftGateTest {

    private static final Path REPO_POLICIES =
            Path.of(System.getProperty("veil.projectDir", ".")).toAbsolutePath().resolve("policies");

    @Test
    void theRepositoryPoliciesPassTheCiGateRightAfterTheDemo(DynamoDbClient dynamo, LocalDynamo local,
                                                             @TempDir Path dir) {
        DemoTables.seeded(dynamo);
        CliRun cli = new CliRun(local.endpoint(), dir.resolve("ws"), REPO_POLICIES);
        List<String> args = new ArrayList<>(List.of("drift"));
        args.addAll(DemoData.TABLES);
        args.addAll(List.of("--fail-on", "high", "--format", "json"));

        CliRun.Result r = cli.veil(args.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.json().at("/summary/high").asInt()).isZero();
        assertThat(r.json().get("unaudited")).isEmpty();
        assertThat(r.json().get("tables")).hasSize(DemoData.TABLES.size());
    }

    @Test
    void theSingleTableDesignIsCleanUnderDriftRightAfterTheDemo(DynamoDbClient dynamo, LocalDynamo local,
                                                                @TempDir Path dir) {
        DemoTables.seeded(dynamo);
        CliRun cli = new CliRun(local.endpoint(), dir.resolve("ws"), REPO_POLICIES);

        CliRun.Result r = cli.veil("drift", DemoData.APP_DATA, "--format", "json", "--fail-on", "low");

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.json().at("/tables/0/policyFile").asText()).endsWith("v1.json");
        assertThat(r.json().get("findings")).as(r.out()).isEmpty();
    }
}
