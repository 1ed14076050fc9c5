package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.demo.LocalDynamo;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The steward's path through the command line: sample, tag, review, publish, change, diff, validate. */
@ExtendWith(LocalDynamoExtension.class)
class StewardWorkflowTest {

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void seedDemo(DynamoDbClient dynamo, LocalDynamo local) {
        DemoTables.seeded(dynamo);
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
        assertThat(cli.veil("sample", "users", "--items", "400").exitCode()).isZero();
    }

    @Test
    void suggestsSecretForCredentialsAndOwnerOnlyForPersonalData() {
        Map<String, JsonNode> attrs = byPath(cli.veil("sample", "users", "--items", "400", "--json").json(), "attributes");
        for (String secret : new String[] {"password_hash", "api_key", "internal_role", "two_factor_secret",
            "backup_code_hashes"}) {
            assertThat(attrs.get(secret).at("/suggestion/class").asText()).as(secret).isEqualTo("secret");
            assertThat(attrs.get(secret).at("/suggestion/reasons").size()).as(secret).isPositive();
        }
        for (String personal : new String[] {"email", "phone", "date_of_birth", "address", "last_name"}) {
            assertThat(attrs.get(personal).at("/suggestion/class").asText()).as(personal).isEqualTo("owner-only");
        }
    }

    @Test
    void tagsReviewsAndLogsEveryDecision() {
        CliRun.Result tag = cli.veil("tag", "users", "email", "owner-only", "--reviewer", "alice", "--note", "personal data");
        assertThat(tag.exitCode()).as(tag.err()).isZero();
        assertThat(tag.out()).contains("unreviewed → owner-only");
        assertThat(cli.veil("tag", "users", "--accept-suggestions", "--min-confidence", "0.5", "--reviewer", "bot")
                .exitCode()).isZero();

        Map<String, JsonNode> review = byPath(cli.veil("review", "users", "--json").json(), "attributes");
        assertThat(review.get("email").at("/decision/reviewer").asText()).isEqualTo("alice");
        assertThat(review.get("email").at("/decision/note").asText()).isEqualTo("personal data");
        assertThat(review.get("password_hash").at("/decision/class").asText()).isEqualTo("secret");
        assertThat(review.get("password_hash").at("/decision/source").asText()).isEqualTo("accepted-suggestion");

        JsonNode log = cli.veil("audit-log", "users", "--json").json().get("entries");
        assertThat(log.get(0).get("path").asText()).isEqualTo("email");
        assertThat(log.get(0).get("old").isNull()).isTrue();
        assertThat(log.get(0).get("new").asText()).isEqualTo("owner-only");
        assertThat(log.size()).isGreaterThan(5);
    }

    @Test
    void tagsAPathAheadOfAnySample() {
        CliRun.Result r = cli.veil("tag", "users", "ssn", "secret", "--note", "coming next sprint", "--new-path");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, JsonNode> review = byPath(cli.veil("review", "users", "--json").json(), "attributes");
        assertThat(review.get("ssn").get("sampled").asBoolean()).isFalse();
        assertThat(review.get("ssn").at("/decision/class").asText()).isEqualTo("secret");
    }

    @Test
    void refusesUnknownClassesAndMalformedPaths() {
        CliRun.Result badClass = cli.veil("tag", "users", "email", "private");
        assertThat(badClass.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badClass.err()).contains("private").contains("public, owner-only, secret");
        CliRun.Result badPath = cli.veil("tag", "users", "address..city", "public");
        assertThat(badPath.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badPath.err()).contains("column 9");
    }

    @Test
    void publishesChainsAndFlagsTheWideningChange() throws IOException {
        cli.veil("tag", "users", "--accept-suggestions", "--min-confidence", "0", "--reviewer", "bot").ok();
        cli.veil("tag", "users", "email", "owner-only", "--reviewer", "alice", "--note", "personal data").ok();
        CliRun.Result v1 = cli.veil("publish", "users", "--owner", "user_id");
        assertThat(v1.exitCode()).as(v1.err()).isZero();
        assertThat(v1.out()).contains("Published users v1");

        CliRun.Result again = cli.veil("publish", "users");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Nothing changed");

        cli.veil("tag", "users", "email", "public", "--reviewer", "bob", "--note", "marketing wants it").ok();
        CliRun.Result v2 = cli.veil("publish", "users", "--allow-widening", "--note", "approved by ana");
        assertThat(v2.exitCode()).as(v2.err()).isZero();
        assertThat(v2.out()).contains("Published users v2");

        JsonNode policy2 = cli.veil("policy", "show", "users", "--json").json();
        JsonNode policy1 = cli.veil("policy", "show", "users", "--version", "1", "--json").json();
        assertThat(policy2.get("previous").asText()).isEqualTo(policy1.get("digest").asText());
        assertThat(policy2.get("owner").asText()).isEqualTo("user_id");

        JsonNode diff = cli.veil("policy", "diff", "users", "1", "2", "--json").json();
        assertThat(diff.toString()).contains("email").contains("widening");
        CliRun.Result text = cli.veil("policy", "diff", "users", "1", "2");
        assertThat(text.out()).containsIgnoringCase("widening");

        assertThat(Files.readString(dir.resolve("policies/users/CHANGELOG.md"))).contains("email").contains("bob");
        assertThat(cli.veil("policy", "validate", dir.resolve("policies").toString()).exitCode()).isZero();
    }

    @Test
    void aTamperedPolicyFileFailsValidationWithFileLineAndColumn() throws IOException {
        cli.veil("tag", "users", "--accept-suggestions", "--min-confidence", "0").ok();
        assertThat(cli.veil("publish", "users", "--owner", "user_id").exitCode()).isZero();
        Path v1 = dir.resolve("policies/users/v1.json");
        String text = Files.readString(v1);
        Files.writeString(v1, text.replaceFirst("\"secret\"", "\"public\""));

        CliRun.Result r = cli.veil("policy", "validate", v1.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).containsPattern("v1\\.json:\\d+:\\d+");
        assertThat(cli.veil("policy", "show", "users").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    static Map<String, JsonNode> byPath(JsonNode json, String array) {
        Map<String, JsonNode> out = new HashMap<>();
        json.get(array).forEach(a -> out.put(a.get("path").asText(), a));
        return out;
    }
}
