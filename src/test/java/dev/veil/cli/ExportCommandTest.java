package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.demo.LocalDynamo;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code veil export}: policy plus generated code into a service repository, stable and atomic. */
@ExtendWith(LocalDynamoExtension.class)
class ExportCommandTest {

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void publishUsers(DynamoDbClient dynamo, LocalDynamo local) {
        DemoTables.seeded(dynamo);
        cli = new CliRun(local.endpoint(), dir.resolve("ws"), dir.resolve("policies"));
        assertThat(cli.veil("sample", "users", "--items", "300").exitCode()).isZero();
        assertThat(cli.veil("tag", "users", "--accept-suggestions", "--min-confidence", "0.3").exitCode()).isZero();
        assertThat(cli.veil("publish", "users", "--owner", "user_id").exitCode()).isZero();
    }

    @Test
    void writesThePolicyAndEveryLanguageAndSaysWhatItWrote() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("service"));
        Files.writeString(repo.resolve("keep-me.txt"), "not Veil's");
        CliRun.Result r = cli.veil("export", "users", "--out", repo.toString(), "--java-package", "com.example.users");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("created").contains("users.policy.json").contains("UsersSanitizer.java")
                .contains("users_sanitizer.py").contains("usersSanitizer.ts").contains("usersReads.ts");
        assertThat(repo.resolve("com/example/users/UsersSanitizer.java")).exists();
        assertThat(Files.readString(repo.resolve("users.policy.json")))
                .isEqualTo(Files.readString(dir.resolve("policies/users/v1.json")));
        assertThat(Files.readString(repo.resolve("keep-me.txt"))).isEqualTo("not Veil's");
    }

    @Test
    void reExportingAnUnchangedPolicyChangesNoByte() throws IOException {
        Path repo = dir.resolve("service");
        assertThat(cli.veil("export", "users", "--out", repo.toString()).exitCode()).isZero();
        List<Path> files = files(repo);
        FileTime old = FileTime.fromMillis(1_000_000L);
        for (Path f : files) {
            Files.setLastModifiedTime(f, old);
        }
        CliRun.Result again = cli.veil("export", "users", "--out", repo.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).doesNotContain("created").doesNotContain("updated").contains("unchanged");
        for (Path f : files) {
            assertThat(Files.getLastModifiedTime(f)).as(f.toString()).isEqualTo(old);
        }
        assertThat(files(repo)).hasSameSizeAs(files);
    }

    @Test
    void onlyTheChosenLanguagesAreWritten() throws IOException {
        Path repo = dir.resolve("py-only");
        assertThat(cli.veil("export", "users", "--out", repo.toString(), "--lang", "python").exitCode()).isZero();
        assertThat(files(repo)).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("users.policy.json", "users_sanitizer.py");
    }

    @Test
    void refusesAnUnknownLanguageAndATableWithoutPolicy() {
        CliRun.Result lang = cli.veil("export", "users", "--out", dir.resolve("x").toString(), "--lang", "cobol");
        assertThat(lang.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(lang.err()).contains("cobol");
        CliRun.Result none = cli.veil("export", "orders", "--out", dir.resolve("y").toString());
        assertThat(none.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(none.err()).contains("no policy published for orders");
        assertThat(dir.resolve("y")).doesNotExist();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
