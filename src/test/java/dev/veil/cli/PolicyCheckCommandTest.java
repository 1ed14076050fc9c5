package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code veil policy check --base}: the pull-request gate. The base is the store as published on
 * the target branch; the pull request's store is a copy with a new version on top.
 */
@ExtendWith(LocalDynamoExtension.class)
class PolicyCheckCommandTest {

    @TempDir
    Path dir;

    private CliRun cli;
    private Path base;
    private Path head;

    @BeforeEach
    void baseBranchWithVersionOne(DynamoDbClient dynamo, LocalDynamo local) throws IOException {
        DemoTables.seeded(dynamo);
        base = dir.resolve("base/policies");
        head = dir.resolve("pr/policies");
        CliRun onBase = new CliRun(local.endpoint(), dir.resolve("ws"), base);
        assertThat(onBase.veil("sample", "users", "--items", "400").exitCode()).isZero();
        onBase.veil("tag", "users", "--accept-suggestions", "--min-confidence", "0", "--reviewer", "bot").ok();
        onBase.veil("tag", "users", "email", "owner-only", "--reviewer", "alice").ok();
        assertThat(onBase.veil("publish", "users", "--owner", "user_id").exitCode()).isZero();
        PolicyBaselineTest.copy(base, head);
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), head);
    }

    @Test
    void aWideningPullRequestFailsWithAMarkdownSummary() {
        cli.veil("tag", "users", "email", "public", "--reviewer", "bob", "--note", "marketing").ok();
        assertThat(cli.veil("publish", "users", "--allow-widening").exitCode()).isZero();

        CliRun.Result r = cli.veil("policy", "check", "--base", base.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).startsWith("## Veil policy check: failed").contains("| `users` | v1 | v2 |")
                .contains("**Widens exposure**").contains("`email`: owner-only → public, by bob: 'marketing'");
    }

    @Test
    void aNarrowingPullRequestPasses() {
        cli.veil("tag", "users", "email", "secret", "--reviewer", "bob").ok();
        assertThat(cli.veil("publish", "users").exitCode()).isZero();

        CliRun.Result r = cli.veil("policy", "check", "--base", base.toString(), "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode users = r.json().get("tables").get(0);
        assertThat(users.get("status").asText()).isEqualTo("changed");
        assertThat(users.get("version").asInt()).isEqualTo(2);
        assertThat(users.get("widening").asInt()).isZero();
        assertThat(r.json().get("failed").asBoolean()).isFalse();
    }

    @Test
    void aRewrittenBaseVersionFails() throws IOException {
        Path users = head.resolve("users");
        Files.delete(users.resolve("v1.json"));
        Files.delete(users.resolve("CHANGELOG.md"));
        cli.veil("tag", "users", "email", "secret", "--reviewer", "bob").ok();
        assertThat(cli.veil("publish", "users", "--owner", "user_id").exitCode()).isZero();

        CliRun.Result r = cli.veil("policy", "check", "--base", base.toString(), "--format", "json");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.json().get("tables").get(0).get("rewritten").toString()).isEqualTo("[1]");
    }

    @Test
    void aRemovedBaseVersionFails() throws IOException {
        Path users = head.resolve("users");
        Files.delete(users.resolve("v1.json"));
        Files.delete(users.resolve("CHANGELOG.md"));
        Files.delete(users);

        CliRun.Result r = cli.veil("policy", "check", "--base", base.toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(r.out()).contains("removed v1");
    }

    @Test
    void aBaseThatIsNotAPolicyStoreIsBadInput() {
        CliRun.Result missing = cli.veil("policy", "check", "--base", dir.resolve("nowhere").toString());
        CliRun.Result notAStore = cli.veil("policy", "check", "--base", dir.resolve("base").toString());

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("is not a policy store").contains("does not exist");
        assertThat(notAStore.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(notAStore.err()).contains("holds no table folder with policy versions");
    }
}
