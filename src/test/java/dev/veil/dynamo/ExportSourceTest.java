package dev.veil.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.veil.model.DynamoValue;
import dev.veil.testing.ExportFixtures;
import dev.veil.testing.ExportFixtures.Form;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExportSourceTest {

    private static final List<Map<String, DynamoValue>> ITEMS = ExportFixtures.users(60, 7);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Form.class)
    void everyFormatFullAndIncrementalYieldsExactlyTheExportedItems(Form form) {
        ExportFixtures.write(dir, form, ITEMS, 3, 4);

        List<Map<String, DynamoValue>> read = new ArrayList<>();
        ExportResult result = new ExportReader().read(dir, (segment, item) -> read.add(item));

        assertThat(result.items()).isEqualTo(ITEMS.size());
        assertThat(result.records()).isEqualTo(ITEMS.size() + (form.name().endsWith("INCREMENTAL") ? 4 : 0));
        assertThat(byId(read)).isEqualTo(byId(ITEMS));
    }

    @Test
    void incrementalExportsAreRecognisedFromTheirManifest() {
        ExportFixtures.write(dir, Form.ION_INCREMENTAL, ITEMS, 2, 1);

        try (ExportSource source = ExportSource.folder(dir)) {
            assertThat(source.layout().incremental()).isTrue();
            assertThat(source.layout().everyFileCounted()).isTrue();
            assertThat(source.layout().dataFiles()).allSatisfy(f -> assertThat(f.format()).isEqualTo(ExportFormat.ION));
        }
    }

    @Test
    void aTruncatedGzipNamesTheFileAndIsBadInput() throws IOException {
        Path export = ExportFixtures.write(dir, Form.JSON_FULL, ITEMS, 2, 0);
        Path file = dataFiles(export).get(1);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> new ExportReader().read(dir, (s, i) -> { }))
                .isInstanceOfSatisfying(ExportReadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ExportReadException.Kind.MALFORMED);
                    assertThat(e.kind().isBadInput()).isTrue();
                    assertThat(e.file()).contains(file);
                })
                .hasMessageStartingWith(file + ":")
                .hasMessageContaining("cut off or corrupt");
    }

    @Test
    void aFileHoldingFewerRecordsThanItsManifestLineSaysIsRefused() throws IOException {
        Path export = ExportFixtures.write(dir, Form.JSON_FULL, ITEMS, 2, 0);
        Path manifest = export.resolve("manifest-files.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"itemCount\":30", "\"itemCount\":31"));

        assertThatThrownBy(() -> new ExportReader().read(dir, (s, i) -> { }))
                .isInstanceOfSatisfying(ExportReadException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExportReadException.Kind.MALFORMED))
                .hasMessageContaining("holds 30 records, but manifest-files.json says 31");
    }

    @Test
    void aSummaryWhoseItemCountDisagreesIsRefused() throws IOException {
        Path export = ExportFixtures.write(dir, Form.ION_FULL, ITEMS, 2, 0);
        Path summary = export.resolve("manifest-summary.json");
        Files.writeString(summary, Files.readString(summary).replace("\"itemCount\":60", "\"itemCount\":61"));

        assertThatThrownBy(() -> new ExportReader().read(dir, (s, i) -> { }))
                .isInstanceOf(ExportReadException.class)
                .hasMessageContaining("manifest-summary.json: says the export holds 61 items, but its data files hold 60");
    }

    @Test
    void aFileWhoseMd5DiffersFromTheManifestIsRefused() throws IOException {
        Path export = ExportFixtures.write(dir, Form.JSON_FULL, ITEMS, 1, 0);
        Path file = dataFiles(export).get(0);
        String text = new String(new java.util.zip.GZIPInputStream(Files.newInputStream(file)).readAllBytes());
        Files.write(file, ExportFixtures.gzip(text.replace("Lyon", "Nice")));

        assertThatThrownBy(() -> new ExportReader().read(dir, (s, i) -> { }))
                .isInstanceOf(ExportReadException.class)
                .hasMessageContaining(file + ": its MD5 checksum differs");
    }

    @Test
    void aDataFileTheManifestListsButIsMissingIsRefused() throws IOException {
        Path export = ExportFixtures.write(dir, Form.JSON_FULL, ITEMS, 2, 0);
        Files.delete(dataFiles(export).get(0));

        assertThatThrownBy(() -> new ExportReader().read(dir, (s, i) -> { }))
                .isInstanceOf(ExportReadException.class)
                .hasMessageContaining("not there");
    }

    @ParameterizedTest
    @EnumSource(value = Form.class, names = {"JSON_FULL", "ION_FULL"})
    void aMalformedLineIsReportedWithoutQuotingAnyOfIt(Form form) throws IOException {
        Path export = ExportFixtures.write(dir, form, ITEMS.subList(0, 1), 1, 0);
        Path file = dataFiles(export).get(0);
        String secret = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
        String broken = form == Form.ION_FULL
                ? "$ion_1_0 {Item:{api_key:" + secret + "\"}}"
                : "{\"Item\":{\"api_key\":{\"S\":" + secret + "\"}}}";
        Files.write(file, ExportFixtures.gzip(ExportFixtures.record(form, ITEMS.get(0), 0) + "\n" + broken + "\n"));

        assertThatThrownBy(() -> new ExportReader().read(dir, (s, i) -> { }))
                .isInstanceOfSatisfying(ExportReadException.class, e -> assertThat(e.line()).hasValue(2))
                .hasMessageStartingWith(file + ":2: ")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain("sk_live").doesNotContain("4eC39"));
    }

    @Test
    void aValueOfTheWrongTypeNamesItsPathButNotTheValue() throws IOException {
        Path export = ExportFixtures.write(dir, Form.JSON_FULL, ITEMS.subList(0, 1), 1, 0);
        Path file = dataFiles(export).get(0);
        Files.write(file, ExportFixtures.gzip("{\"Item\":{\"card\":{\"N\":\"4111 1111 1111 1111\"}}}\n"));

        assertThatThrownBy(() -> new ExportReader().read(dir, (s, i) -> { }))
                .hasMessageContaining(":1: attribute card must hold a number")
                .satisfies(e -> assertThat(fullText(e)).doesNotContain("4111"));
    }

    private static String fullText(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append('\n');
        }
        return b.toString();
    }

    private static List<Path> dataFiles(Path export) throws IOException {
        try (Stream<Path> files = Files.list(export.resolve("data"))) {
            return files.sorted().toList();
        }
    }

    private static List<Map<String, DynamoValue>> byId(List<Map<String, DynamoValue>> items) {
        List<Map<String, DynamoValue>> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(i -> ((DynamoValue.S) i.get("user_id")).value()));
        return sorted;
    }
}
