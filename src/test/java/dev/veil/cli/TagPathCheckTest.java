package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code tag} refuses a path no sample or policy holds, naming the closest known ones. */
@ExtendWith(LocalDynamoExtension.class)
class TagPathCheckTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private java.net.URI endpoint;

    @BeforeEach
    void sampled(DynamoDbClient dynamo, LocalDynamo local) {
        DemoTables.seeded(dynamo);
        endpoint = local.endpoint();
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
        assertThat(cli.veil("sample", "users", "--items", "400").exitCode()).isZero();
    }

    @Test
    void aTypoIsRefusedWithTheClosestPath() {
        CliRun.Result r = cli.veil("tag", "users", "pasword_hash", "secret");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("`pasword_hash`").contains("did you mean `password_hash`?").contains("--new-path");
        assertThat(cli.veil("audit-log", "users", "--json").json().get("entries")).isEmpty();
    }

    @Test
    void aMissingListStepSuggestsThePathThroughTheList() {
        CliRun.Result r = cli.veil("tag", "users", "orders.total", "owner-only");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("did you mean `orders[].total`");
    }

    @Test
    void aNewPathIsRecordedWhenAskedFor() {
        CliRun.Result r = cli.veil("tag", "users", "ssn", "secret", "--new-path");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(cli.veil("tag", "users", "ssn", "owner-only").exitCode()).as("decided paths are known").isZero();
    }

    @Test
    void aPathOnlyAPublishedVersionHoldsIsKnown() {
        cli.veil("tag", "users", "email", "owner-only").ok();
        assertThat(cli.veil("publish", "users", "--owner", "user_id").exitCode()).isZero();
        CliRun fresh = new CliRun(endpoint, dir.resolve("other-ws"), dir.resolve("policies"));

        CliRun.Result r = fresh.veil("tag", "users", "email", "secret");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("owner-only (published) → secret");
    }

    @Test
    void unreviewedTakesAFirstDecisionBackAndTheAuditLogSaysSo() {
        cli.veil("tag", "users", "email", "secret").ok();

        CliRun.Result r = cli.veil("tag", "users", "email", "unreviewed", "--reviewer", "ana");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("users email: back to unreviewed (by ana)");
        JsonNode email = attribute(cli, "email");
        assertThat(email.get("unreviewed").asBoolean()).isTrue();
        assertThat(email.get("decision").isNull()).isTrue();
        JsonNode last = lastEntry(cli);
        assertThat(last.get("old").asText()).isEqualTo("secret");
        assertThat(last.get("new").isNull()).isTrue();
        assertThat(cli.veil("audit-log", "users").out()).contains("secret → unreviewed");
    }

    @Test
    void unreviewedOverAPublishedVersionBringsThePublishedClassBack() {
        cli.veil("tag", "users", "email", "owner-only").ok();
        assertThat(cli.veil("publish", "users", "--owner", "user_id").exitCode()).isZero();
        cli.veil("tag", "users", "email", "secret").ok();

        CliRun.Result r = cli.veil("tag", "users", "email", "unreviewed");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("back to owner-only (published v1)");
        JsonNode email = attribute(cli, "email");
        assertThat(email.get("decision").get("class").asText()).isEqualTo("owner-only");
        assertThat(email.get("decision").get("policyVersion").asInt()).isEqualTo(1);
    }

    @Test
    void unreviewedOfAPathThisWorkspaceNeverDecidedIsRefused() {
        CliRun.Result r = cli.veil("tag", "users", "email", "unreviewed");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("holds no decision of users `email` to take back");
        assertThat(cli.veil("audit-log", "users", "--json").json().get("entries")).isEmpty();
    }

    private static JsonNode attribute(CliRun cli, String path) {
        for (JsonNode a : cli.veil("review", "users", "--json").json().get("attributes")) {
            if (a.get("path").asText().equals(path)) {
                return a;
            }
        }
        throw new AssertionError("review --json lists no " + path);
    }

    private static JsonNode lastEntry(CliRun cli) {
        JsonNode entries = cli.veil("audit-log", "users", "--json").json().get("entries");
        return entries.get(entries.size() - 1);
    }
}
