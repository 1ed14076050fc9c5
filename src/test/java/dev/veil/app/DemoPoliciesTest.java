package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.demo.LocalDynamo;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The repository's {@code policies/} holds the demo tables' policies as Veil publishes them from
 * the demo data and the decisions kept in code; this test regenerates them and compares byte for
 * byte, so they never rot. Regenerate with {@code -Dveil.updateDemoPolicies=true}.
 */
@ExtendWith(LocalDynamoExtension.class)
class DemoPoliciesTest {

    private static final Path REPO_POLICIES =
            Path.of(System.getProperty("veil.projectDir", ".")).toAbsolutePath().resolve("policies");

    @Test
    void theRepositoryPoliciesAreWhatVeilPublishesFromTheDemo(DynamoDbClient dynamo, LocalDynamo local,
                                                            @TempDir Path dir) throws IOException {
        DemoTables.seeded(dynamo);
        VeilSettings settings = new VeilSettings(Optional.of(local.endpoint()), Optional.empty(), Optional.empty(),
                dir.resolve("ws"), dir.resolve("policies"));
        List<Path> files;
        try (Veil veil = Veil.open(settings)) {
            files = DemoPolicies.publish(veil);
        }
        assertThat(files).hasSize(6);
        for (Path fresh : files) {
            Path committed = REPO_POLICIES.resolve(dir.resolve("policies").relativize(fresh));
            if (Boolean.getBoolean("veil.updateDemoPolicies")) {
                Files.createDirectories(committed.getParent());
                Files.copy(fresh, committed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            assertThat(Files.readString(committed)).as(committed.toString()).isEqualTo(Files.readString(fresh));
        }
    }

    @Test
    void theRepositoryPoliciesShipTheSchema() throws IOException {
        Path committed = REPO_POLICIES.resolve("veil-policy-1.schema.json");
        try (InputStream in = getClass().getResourceAsStream("/dev/veil/policy/veil-policy-1.schema.json")) {
            byte[] shipped = in.readAllBytes();
            if (Boolean.getBoolean("veil.updateDemoPolicies")) {
                Files.write(committed, shipped);
            }
            assertThat(Files.readAllBytes(committed)).isEqualTo(shipped);
        }
    }

    @Test
    void theRepositoryPoliciesValidate(@TempDir Path dir) {
        VeilSettings settings = new VeilSettings(Optional.empty(), Optional.empty(), Optional.empty(),
                dir.resolve("ws"), REPO_POLICIES);
        try (Veil veil = Veil.open(settings)) {
            assertThat(veil.publishing().validate(REPO_POLICIES)).isEmpty();
        }
    }
}
