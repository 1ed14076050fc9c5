package dev.veil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalDynamoPackageTest {

    private static final Path PROJECT = Path.of(System.getProperty("veil.projectDir", "."));

    @ParameterizedTest
    @ValueSource(strings = {"package.json", "package-lock.json"})
    void bundledCopyEqualsThePackagingFileByteForByte(String name) throws IOException {
        byte[] packaging = Files.readAllBytes(PROJECT.resolve("packaging/local-dynamodb").resolve(name));
        byte[] source = Files.readAllBytes(PROJECT.resolve("src/main/resources/dev/veil/demo/local-dynamodb")
                .resolve(name));

        assertThat(source).isEqualTo(packaging);
        assertThat(LocalDynamoPackage.resource(name)).isEqualTo(packaging);
    }

    @Test
    void extractWritesThePackageFilesIntoTheInstallFolder(@TempDir Path dir) throws IOException {
        Path folder = LocalDynamoPackage.extract(dir.resolve("local-dynamodb"));

        for (String name : LocalDynamoPackage.FILES) {
            assertThat(folder.resolve(name)).hasBinaryContent(LocalDynamoPackage.resource(name));
        }
    }

    @Test
    void aChangedLockFileIsRewrittenAndForcesAReinstall(@TempDir Path dir) throws IOException {
        Path folder = LocalDynamoPackage.extract(dir);
        Path cli = LocalDynamoPackage.cli(folder);
        Files.createDirectories(cli.getParent());
        Files.writeString(cli, "// installed");
        Files.writeString(folder.resolve("package-lock.json"), "{}");

        LocalDynamoPackage.extract(dir);

        assertThat(folder.resolve("package-lock.json")).hasBinaryContent(LocalDynamoPackage.resource("package-lock.json"));
        assertThat(cli).doesNotExist();
    }

    @Test
    void anUnchangedInstallIsLeftAlone(@TempDir Path dir) throws IOException {
        Path folder = LocalDynamoPackage.extract(dir);
        Path cli = LocalDynamoPackage.cli(folder);
        Files.createDirectories(cli.getParent());
        Files.writeString(cli, "// installed");

        LocalDynamoPackage.extract(dir);

        assertThat(cli).exists();
    }
}
