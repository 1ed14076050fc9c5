package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.veil.app.PolicyEntry;
import dev.veil.demo.LocalDynamo;
import dev.veil.model.Policy;
import dev.veil.policy.PolicyJson;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A fresh workspace over an existing policy store: the published decisions are the baseline of
 * review and publishing, so nothing the team decided shows as unreviewed or gets undone.
 */
@ExtendWith(LocalDynamoExtension.class)
class PolicyBaselineTest {

    private static final Path REPO_POLICIES =
            Path.of(System.getProperty("veil.projectDir", ".")).toAbsolutePath().resolve("policies");

    @TempDir
    Path dir;

    private CliRun cli;
    private Path store;

    @BeforeEach
    void freshWorkspaceOverTheRepositoryPolicies(DynamoDbClient dynamo, LocalDynamo local) throws IOException {
        DemoTables.seeded(dynamo);
        store = dir.resolve("policies");
        copy(REPO_POLICIES, store);
        cli = new CliRun(local.endpoint(), dir.resolve("fresh-ws"), store);
        CliRun.Result sample = cli.veil("sample", "users");
        assertThat(sample.exitCode()).as(sample.err()).isZero();
    }

    @Test
    void reviewShowsEveryClassifiedPathWithItsPublishedDecision() {
        Policy published = PolicyJson.read(store.resolve("users/v1.json"));
        Map<String, JsonNode> review = StewardWorkflowTest.byPath(cli.veil("review", "users", "--json").json(), "attributes");
        List<PolicyEntry> classified = PolicyEntry.of(published).stream().filter(e -> e.classification().isPresent()).toList();
        assertThat(classified).hasSizeGreaterThan(20);
        for (PolicyEntry e : classified) {
            JsonNode row = review.get(e.path().toString());
            assertThat(row).as(e.path().toString()).isNotNull();
            assertThat(row.get("unreviewed").asBoolean()).as(e.path().toString()).isFalse();
            JsonNode d = row.get("decision");
            assertThat(d.get("class").asText()).isEqualTo(e.classification().get().label());
            assertThat(d.get("source").asText()).isEqualTo("policy");
            assertThat(d.get("policyVersion").asInt()).isEqualTo(1);
            assertThat(d.get("reviewer").asText()).isEqualTo(e.review().orElseThrow().reviewer());
            assertThat(d.get("time").asText()).isEqualTo(e.review().orElseThrow().at().toString());
            assertThat(d.get("note").asText()).isEqualTo(e.review().orElseThrow().note());
        }
    }

    @Test
    void publishingFromAFreshWorkspaceWritesNothing() throws IOException {
        CliRun.Result accept = cli.veil("tag", "users", "--accept-suggestions");
        assertThat(accept.exitCode()).as(accept.err()).isZero();
        assertThat(accept.out()).as("every confident suggestion concerns a published path").contains("Accepted 0 suggestions");
        String before = Files.readString(store.resolve("users/CHANGELOG.md"));

        CliRun.Result publish = cli.veil("publish", "users");

        assertThat(publish.exitCode()).as(publish.err()).isZero();
        assertThat(publish.out()).contains("Nothing changed since users v1");
        assertThat(store.resolve("users/v2.json")).doesNotExist();
        assertThat(Files.readString(store.resolve("users/CHANGELOG.md"))).isEqualTo(before);
    }

    @Test
    void acceptingSuggestionsLeavesPublishedDecisionsAlone() {
        cli.veil("tag", "users", "--accept-suggestions", "--min-confidence", "0", "--reviewer", "bot").ok();
        Map<String, JsonNode> review = StewardWorkflowTest.byPath(cli.veil("review", "users", "--json").json(), "attributes");
        assertThat(review.get("deleted_at").at("/decision/source").asText()).isEqualTo("policy");
        assertThat(review.get("deleted_at").at("/decision/class").asText()).isEqualTo("secret");
        assertThat(review.get("login_count").at("/decision/class").asText()).isEqualTo("owner-only");
    }

    @Test
    void aWorkspaceDecisionOverridesThePublishedOne() {
        cli.veil("tag", "users", "phone", "secret", "--reviewer", "ana", "--note", "stricter").ok();
        JsonNode phone = StewardWorkflowTest.byPath(cli.veil("review", "users", "--json").json(), "attributes").get("phone");
        assertThat(phone.at("/decision/class").asText()).isEqualTo("secret");
        assertThat(phone.at("/decision/source").asText()).isEqualTo("manual");
        assertThat(phone.at("/decision").has("policyVersion")).isFalse();
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
