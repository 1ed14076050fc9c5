package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.dynamo.ExportLocation;
import dev.veil.model.DynamoValue;
import dev.veil.testing.ExportFixtures;
import dev.veil.testing.ExportFixtures.Form;
import dev.veil.testing.LocalS3;
import dev.veil.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code veil sample --from-export} over every form of export, from a folder and in place from a
 * real S3-compatible server: the same items give the same profile, and a broken export is a
 * clear error that stores nothing.
 */
class SampleFromExportTest {

    private static final List<Map<String, DynamoValue>> ITEMS = ExportFixtures.users(300, 42);
    private static LocalS3 s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void startS3() {
        s3 = LocalS3.start();
    }

    @AfterAll
    static void stopS3() {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void everyFormFromAFolderAndFromS3GivesTheSameProfile() {
        JsonNode expected = null;
        for (Form form : Form.values()) {
            Path export = ExportFixtures.write(dir.resolve(form.name()), form, ITEMS, 4, 7);
            JsonNode fromFolder = profile(sample(Map.of(), export.toString()));
            s3.upload(dir.resolve(form.name()), "exports", form.name() + "/");
            JsonNode fromS3 = profile(sample(Map.of(ExportLocation.S3_ENDPOINT_ENV, s3.endpoint().toString()),
                    "s3://exports/" + form.name()));
            if (expected == null) {
                expected = fromFolder;
                assertThat(expected.get("itemsSampled").asInt()).isEqualTo(ITEMS.size());
            }
            assertThat(fromFolder).as(form + " from a folder").isEqualTo(expected);
            assertThat(fromS3).as(form + " from S3").isEqualTo(expected);
        }
    }

    @Test
    void aTruncatedGzipIsBadInputNamingTheFileAndStoresNothing() throws IOException {
        Path export = ExportFixtures.write(dir.resolve("e"), Form.JSON_FULL, ITEMS, 3, 0);
        Path file = dataFiles(export).get(2);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 40));

        CliRun.Result r = run(Map.of(), "sample", "t", "--from-export", dir.resolve("e").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(file.getFileName().toString()).contains("cut off or corrupt");
        assertThat(storedRuns()).isZero();
    }

    @Test
    void aManifestWhoseItemCountDisagreesIsBadInputAndStoresNothing() throws IOException {
        Path export = ExportFixtures.write(dir.resolve("e"), Form.ION_FULL, ITEMS, 2, 0);
        Path summary = export.resolve("manifest-summary.json");
        Files.writeString(summary, Files.readString(summary).replace("\"itemCount\":300", "\"itemCount\":301"));

        CliRun.Result r = run(Map.of(), "sample", "t", "--from-export", dir.resolve("e").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("manifest-summary.json").contains("301");
        assertThat(storedRuns()).isZero();
    }

    @Test
    void anS3PrefixWithNoExportIsBadInputAndStoresNothing() {
        s3.upload(ExportFixtures.write(dir.resolve("e"), Form.JSON_FULL, ITEMS, 1, 0).getParent().getParent(),
                "holder", "real/");

        CliRun.Result r = run(Map.of(ExportLocation.S3_ENDPOINT_ENV, s3.endpoint().toString()),
                "sample", "t", "--from-export", "s3://holder/nothing-here");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("No DynamoDB export under s3://holder/nothing-here");
        assertThat(storedRuns()).isZero();
    }

    @Test
    void anUnreachableS3EndpointIsExitThree() {
        CliRun.Result r = run(Map.of(ExportLocation.S3_ENDPOINT_ENV, "http://127.0.0.1:1"),
                "sample", "t", "--from-export", "s3://exports/x");

        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).contains("s3://exports/x");
        assertThat(storedRuns()).isZero();
    }

    @Test
    void aMalformedLineNeverPrintsTheValueItHolds() throws IOException {
        Path export = ExportFixtures.write(dir.resolve("e"), Form.JSON_FULL, ITEMS.subList(0, 2), 1, 0);
        Path file = dataFiles(export).get(0);
        Files.write(file, ExportFixtures.gzip("{\"Item\":{\"api_key\":{\"S\":sk_live_51HxTopSecretValue}}}\n"));

        CliRun.Result r = run(Map.of(), "sample", "t", "--from-export", dir.resolve("e").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains(file.getFileName() + ":1").doesNotContain("sk_live").doesNotContain("TopSecret");
    }

    private JsonNode sample(Map<String, String> env, String location) {
        CliRun.Result r = run(env, "sample", "t", "--from-export", location, "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.json();
    }

    /** The profile without what names its source and time. */
    static JsonNode profile(JsonNode sample) {
        ObjectNode copy = sample.deepCopy();
        copy.remove("source");
        copy.remove("sampledAt");
        return copy;
    }

    private CliRun.Result run(Map<String, String> env, String... args) {
        String[] all = Stream.concat(Arrays.stream(args), Stream.of("--workspace", dir.resolve("ws").toString(),
                "--endpoint", "http://127.0.0.1:1")).toArray(String[]::new);
        return CliRun.withEnv(env, all);
    }

    private long storedRuns() {
        if (!Files.exists(dir.resolve("ws"))) {
            return 0;
        }
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            return ws.runs("t").size();
        }
    }

    private static List<Path> dataFiles(Path export) throws IOException {
        try (Stream<Path> files = Files.list(export.resolve("data"))) {
            return files.sorted().toList();
        }
    }
}
