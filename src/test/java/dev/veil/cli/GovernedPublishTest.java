package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Publishing refuses a version that widens exposure unless allowed, and records who published each version. */
@ExtendWith(LocalDynamoExtension.class)
class GovernedPublishTest {

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void publishedVersionOne(DynamoDbClient dynamo, LocalDynamo local) {
        DemoTables.seeded(dynamo);
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
        assertThat(cli.veil("sample", "users", "--items", "400").exitCode()).isZero();
        cli.veil("tag", "users", "--accept-suggestions", "--min-confidence", "0", "--reviewer", "bot").ok();
        cli.veil("tag", "users", "email", "owner-only", "--reviewer", "alice").ok();
        CliRun.Result v1 = cli.veil("publish", "users", "--owner", "user_id", "--reviewer", "alice", "--note", "first");
        assertThat(v1.exitCode()).as(v1.err()).isZero();
    }

    @Test
    void aWideningVersionIsRefusedListingEachWideningChange() {
        cli.veil("tag", "users", "email", "public", "--reviewer", "bob").ok();
        cli.veil("tag", "users", "password_hash", "owner-only", "--reviewer", "bob").ok();

        CliRun.Result r = cli.veil("publish", "users");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("widens exposure against v1 in 2 places")
                .contains("email: owner-only → public").contains("password_hash: secret → owner-only")
                .contains("--allow-widening");
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("policies/users/v2.json")).doesNotExist();
    }

    @Test
    void anAllowedWideningVersionRecordsWhoPublishedItAndWhy() {
        cli.veil("tag", "users", "email", "public", "--reviewer", "bob").ok();
        Instant before = Instant.now().minusSeconds(1);

        CliRun.Result r = cli.veil("publish", "users", "--allow-widening", "--reviewer", "ana", "--note", "approved in REV-7");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode published = cli.veil("policy", "show", "users", "--json").json().get("published");
        assertThat(published.get("by").asText()).isEqualTo("ana");
        assertThat(published.get("note").asText()).isEqualTo("approved in REV-7");
        assertThat(Instant.parse(published.get("at").asText())).isAfter(before);
        assertThat(cli.veil("policy", "validate", dir.resolve("policies").toString()).exitCode()).isZero();
    }

    @Test
    void everyPublishedVersionIsAnAuditLogEntry() {
        cli.veil("tag", "users", "email", "public", "--reviewer", "bob").ok();
        cli.veil("publish", "users", "--allow-widening", "--reviewer", "ana", "--note", "approved in REV-7");

        JsonNode log = cli.veil("audit-log", "users", "--json").json().get("publications");

        assertThat(log).hasSize(2);
        assertThat(log.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(log.get(0).get("by").asText()).isEqualTo("alice");
        assertThat(log.get(1).get("version").asInt()).isEqualTo(2);
        assertThat(log.get(1).get("wideningChanges").asInt()).isEqualTo(1);
        assertThat(log.get(1).get("note").asText()).isEqualTo("approved in REV-7");
        assertThat(log.get(1).get("digest").asText())
                .isEqualTo(cli.veil("policy", "show", "users", "--json").json().get("digest").asText());
    }

    @Test
    void aNarrowingVersionNeedsNoPermission() {
        cli.veil("tag", "users", "email", "secret", "--reviewer", "bob").ok();

        CliRun.Result r = cli.veil("publish", "users");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Published users v2").contains("email: owner-only → secret");
    }
}
