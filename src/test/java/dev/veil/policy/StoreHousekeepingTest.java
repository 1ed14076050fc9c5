package dev.veil.policy;

import static dev.veil.policy.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a killed publish or a stray file leaves in the store is seen by every reader and repaired by the next writer. */
class StoreHousekeepingTest {

    @TempDir
    Path root;

    private PolicyStore store() {
        return new PolicyStore(root);
    }

    @Test
    void validateReportsATemporaryFileThatNoPublisherHolds() throws IOException {
        store().publish(Fixtures.users());
        Files.writeString(root.resolve("users/.v2.json.0123456789abcdef.tmp"), "{\"half\":");
        List<PolicyProblem> problems = PolicyValidator.validate(root);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file().getFileName().toString()).isEqualTo(".v2.json.0123456789abcdef.tmp");
            assertThat(p.message()).contains("stray temporary file");
        });
    }

    @Test
    void aPublishRemovesLeftoverTemporaryFilesAndSucceeds() throws IOException {
        store().publish(Fixtures.users());
        Path leftover = root.resolve("users/.v2.json.0123456789abcdef.tmp");
        Files.writeString(leftover, "{\"half\":");
        store().publish(Fixtures.withRule(Fixtures.users(), "email", rule(Classification.PUBLIC, DynamoType.S)));
        assertThat(leftover).doesNotExist();
        assertThat(PolicyValidator.validate(root)).isEmpty();
    }

    @Test
    void validateNoticesAChangelogThatLagsBehindTheVersions() throws IOException {
        store().publish(Fixtures.users());
        String v1Changelog = Files.readString(store().changelog("users"));
        store().publish(Fixtures.withRule(Fixtures.users(), "email", rule(Classification.PUBLIC, DynamoType.S)));
        Files.writeString(store().changelog("users"), v1Changelog);
        assertThat(PolicyValidator.validate(root)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("CHANGELOG.md").contains("lags behind v2.json"));
    }

    @Test
    void theNextPublishRewritesALaggingChangelogFromTheVersions() throws IOException {
        store().publish(Fixtures.users());
        String v1Changelog = Files.readString(store().changelog("users"));
        store().publish(Fixtures.withRule(Fixtures.users(), "email", rule(Classification.PUBLIC, DynamoType.S)));
        String v2Changelog = Files.readString(store().changelog("users"));
        Files.writeString(store().changelog("users"), v1Changelog);
        store().publish(Fixtures.withRule(Fixtures.users(), "email", rule(Classification.PUBLIC, DynamoType.S)));
        assertThat(Files.readString(store().changelog("users"))).isEqualTo(v2Changelog);
    }

    @Test
    void aStrayVersionLikeFileIsRefusedByReadsAsByValidate() throws IOException {
        store().publish(Fixtures.users());
        Files.copy(store().file("users", 1), root.resolve("users/v02.json"));
        assertThat(PolicyValidator.validate(root)).isNotEmpty();
        assertThatThrownBy(() -> store().latest("users")).isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("v02.json");
    }

    @Test
    void aParseErrorNamesWhereButQuotesNoneOfTheInput() throws IOException {
        Files.createDirectories(root.resolve("users"));
        Files.writeString(root.resolve("users/v1.json"), "{\"format\": sk_live_51HxSecretValue}\n");
        assertThat(PolicyValidator.validate(root)).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("not valid JSON").doesNotContain("sk_live").doesNotContain("Secret");
            assertThat(p.line()).isEqualTo(1);
        });
    }
}
