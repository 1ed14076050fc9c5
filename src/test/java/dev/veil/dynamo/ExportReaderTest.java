package dev.veil.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import dev.veil.model.DynamoValue;
import dev.veil.work.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportReaderTest {

    private static final String ALL_TYPES = "{\"Item\":{\"id\":{\"S\":\"u1\"},\"n\":{\"N\":\"12345678901234567890123456789012345678\"},"
            + "\"b\":{\"B\":\"AAEC\"},\"ok\":{\"BOOL\":true},\"gone\":{\"NULL\":true},"
            + "\"address\":{\"M\":{\"city\":{\"S\":\"Paris\"}}},\"orders\":{\"L\":[{\"M\":{\"total\":{\"N\":\"9.99\"}}}]},"
            + "\"tags\":{\"SS\":[\"a\",\"b\"]},\"lucky\":{\"NS\":[\"7\",\"-1.5\"]},\"keys\":{\"BS\":[\"AQ==\"]}}}";

    @TempDir
    Path dir;

    private final List<Map<String, DynamoValue>> items = new ArrayList<>();
    private final List<Integer> segments = new ArrayList<>();

    @Test
    void readsGzippedAndPlainDataFilesOfAnExportFoundBelowTheFolder() throws IOException {
        Path export = exportFolder("AWSDynamoDB/01700000000000-abcdef", 4);
        gzip(export.resolve("data/aaaa.json.gz"), line("1"), line("2"));
        write(export.resolve("data/bbbb.json"), line("3"), "", line("4"));

        ExportResult result = new ExportReader().read(dir, this::collect);

        assertThat(result.items()).isEqualTo(4);
        assertThat(result.layout().root()).isEqualTo(export.toString());
        assertThat(result.layout().dataFiles()).extracting(DataFile::fileName)
                .containsExactly("aaaa.json.gz", "bbbb.json");
        assertThat(result.layout().tableArn()).contains("arn:aws:dynamodb:eu-west-1:123456789012:table/users");
        assertThat(result.layout().itemCount()).hasValue(4);
        assertThat(items).extracting(i -> i.get("id")).containsExactly(
                new DynamoValue.S("1"), new DynamoValue.S("2"), new DynamoValue.S("3"), new DynamoValue.S("4"));
        assertThat(segments).containsExactly(0, 0, 1, 1);
    }

    @Test
    void everyTypeOfDynamoDbJsonIsReadExactly() throws IOException {
        Path export = exportFolder("export", 1);
        gzip(export.resolve("data/x.json.gz"), ALL_TYPES);

        new ExportReader().read(dir, this::collect);

        Map<String, DynamoValue> item = items.get(0);
        assertThat(item.get("n")).isEqualTo(new DynamoValue.N("12345678901234567890123456789012345678"));
        assertThat(item.get("b")).isEqualTo(new DynamoValue.B(DynamoValue.Bytes.of(new byte[] {0, 1, 2})));
        assertThat(item.get("ok")).isEqualTo(new DynamoValue.Bool(true));
        assertThat(item.get("gone")).isEqualTo(new DynamoValue.Null());
        assertThat(item.get("address")).isEqualTo(new DynamoValue.M(Map.of("city", new DynamoValue.S("Paris"))));
        assertThat(item.get("orders")).isEqualTo(new DynamoValue.L(List.of(
                new DynamoValue.M(Map.of("total", new DynamoValue.N("9.99"))))));
        assertThat(item.get("tags")).isEqualTo(new DynamoValue.SS(List.of("a", "b")));
        assertThat(item.get("lucky")).isEqualTo(new DynamoValue.NS(List.of("7", "-1.5")));
        assertThat(item.get("keys")).isEqualTo(new DynamoValue.BS(List.of(DynamoValue.Bytes.of(new byte[] {1}))));
    }

    @Test
    void incrementalExportLinesAreReadFromTheirNewImage() throws IOException {
        Path export = exportFolder("export", 1);
        write(export.resolve("data/inc.json"), "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1\"}},"
                + "\"Keys\":{\"id\":{\"S\":\"9\"}},\"NewImage\":{\"id\":{\"S\":\"9\"},\"x\":{\"N\":\"1\"}}}");

        new ExportReader().read(dir, this::collect);

        assertThat(items).containsExactly(Map.of("id", new DynamoValue.S("9"), "x", new DynamoValue.N("1")));
    }

    @Test
    void brokenLineIsReportedWithFileAndLineAndWhatToDo() throws IOException {
        Path export = exportFolder("export", 3);
        Path file = export.resolve("data/broken.json.gz");
        gzip(file, line("1"), "{\"Item\":{\"id\":{\"S\":\"2\"}", line("3"));

        assertThatThrownBy(() -> new ExportReader().read(dir, this::collect))
                .isInstanceOfSatisfying(ExportReadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ExportReadException.Kind.MALFORMED);
                    assertThat(e.file()).contains(file);
                    assertThat(e.line()).hasValue(2);
                })
                .hasMessageStartingWith(file + ":2: ")
                .hasMessageContaining("download the file again");
    }

    @Test
    void valueOfTheWrongShapeNamesTheAttributePath() throws IOException {
        Path export = exportFolder("export", 1);
        Path file = export.resolve("data/bad.json");
        write(file, "{\"Item\":{\"address\":{\"M\":{\"zip\":{\"N\":\"abc\"}}}}}");

        assertThatThrownBy(() -> new ExportReader().read(dir, this::collect))
                .isInstanceOf(ExportReadException.class)
                .hasMessageContaining(file + ":1: attribute address.zip must hold a number");
    }

    @Test
    void valueInsideAListOfMapsNamesItsElementIndex() throws IOException {
        Path export = exportFolder("export", 1);
        Path file = export.resolve("data/bad.json");
        write(file, "{\"Item\":{\"id\":{\"S\":\"1\"},\"orders\":{\"L\":[{\"M\":{\"total\":{\"N\":\"1\"}}},"
                + "{\"M\":{\"total\":{\"N\":\"x\"}}}]}}}");

        assertThatThrownBy(() -> new ExportReader().read(dir, this::collect))
                .isInstanceOf(ExportReadException.class)
                .hasMessageContaining(file + ":1: attribute orders[1].total must hold a number");
    }

    @Test
    void ionValueInsideAListOfStructsNamesItsElementIndex() throws IOException {
        Path export = exportFolder("export", 1);
        Path file = export.resolve("data/bad.ion");
        write(file, "$ion_1_0 {Item:{id:\"1\",orders:[{total:1.}, {tags:$dynamodb_SS::[\"a\", 2]}]}}");

        assertThatThrownBy(() -> new ExportReader().read(dir, this::collect))
                .isInstanceOf(ExportReadException.class)
                .hasMessageContaining(file + ":1: attribute orders[1].tags is annotated $dynamodb_SS")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("orders[0]"));
    }

    @Test
    void typeKeyMustBeSpeltAsDynamoDbWritesIt() throws IOException {
        Path export = exportFolder("export", 1);
        Path file = export.resolve("data/bad.json");
        write(file, "{\"Item\":{\"address\":{\"M\":{\"city\":{\"s\":\"Lyon\"}}}}}");

        assertThatThrownBy(() -> new ExportReader().read(dir, this::collect))
                .isInstanceOf(ExportReadException.class)
                .hasMessageContaining(file + ":1: attribute address.city has an unknown type key");
    }

    @Test
    void lineWithoutAnItemSaysWhatALineShouldLookLike() throws IOException {
        Path export = exportFolder("export", 1);
        write(export.resolve("data/odd.json"), "{\"id\":{\"S\":\"1\"}}");

        assertThatThrownBy(() -> new ExportReader().read(dir, this::collect))
                .isInstanceOf(ExportReadException.class)
                .hasMessageContaining(":1: no \"Item\" object")
                .hasMessageContaining("{\"Item\":{\"id\":{\"S\":\"1\"}}}");
    }

    @Test
    void truncatedGzipIsMalformedNotAnIoFailure() throws IOException {
        Path export = exportFolder("export", 2);
        Path file = export.resolve("data/cut.json.gz");
        gzip(file, line("1"), line("2"));
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 12));

        assertThatThrownBy(() -> new ExportReader().read(dir, this::collect))
                .isInstanceOfSatisfying(ExportReadException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExportReadException.Kind.MALFORMED))
                .hasMessageContaining(file.toString());
    }

    @Test
    void folderWithoutAnExportSaysWhatWasExpected() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> new ExportReader().read(dir, this::collect))
                .isInstanceOfSatisfying(ExportReadException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExportReadException.Kind.NOT_AN_EXPORT))
                .hasMessageContaining("manifest-summary.json")
                .hasMessageContaining("data/*.json.gz");
    }

    @Test
    void twoExportsUnderOneFolderAreRefusedNamingBoth() throws IOException {
        write(exportFolder("a", 1).resolve("data/1.json"), line("1"));
        write(exportFolder("b", 1).resolve("data/1.json"), line("1"));

        assertThatThrownBy(() -> new ExportReader().read(dir, this::collect))
                .isInstanceOf(ExportReadException.class)
                .hasMessageContaining(dir.resolve("a").toString())
                .hasMessageContaining(dir.resolve("b").toString());
    }

    @Test
    void exportFormatsVeilDoesNotReadAreRefusedWithAnAlternative() throws IOException {
        Path export = Files.createDirectories(dir.resolve("parquet"));
        Files.writeString(export.resolve("manifest-summary.json"), "{\"exportFormat\":\"PARQUET\",\"itemCount\":1}");
        write(export.resolve("data/1.json"), line("1"));

        assertThatThrownBy(() -> new ExportReader().read(dir, this::collect))
                .isInstanceOfSatisfying(ExportReadException.class,
                        e -> assertThat(e.kind()).isEqualTo(ExportReadException.Kind.UNSUPPORTED))
                .hasMessageContaining("DYNAMODB_JSON or ION");
    }

    @Test
    void readingStopsAtTheItemLimit() throws IOException {
        Path export = exportFolder("export", 5);
        gzip(export.resolve("data/1.json.gz"), line("1"), line("2"), line("3"));
        gzip(export.resolve("data/2.json.gz"), line("4"), line("5"));

        ExportResult result = new ExportReader().read(dir, 4, this::collect, Cancellation.none());

        assertThat(result.items()).isEqualTo(4);
        assertThat(result.stopped()).isTrue();
        assertThat(items).hasSize(4);
    }

    @Test
    void aLimitEqualToTheExportSizeReadsEverythingWithoutStopping() throws IOException {
        Path export = exportFolder("export", 2);
        gzip(export.resolve("data/1.json.gz"), line("1"), line("2"));

        ExportResult result = new ExportReader().read(dir, 2, this::collect, Cancellation.none());

        assertThat(result.items()).isEqualTo(2);
        assertThat(result.stopped()).isFalse();
    }

    @Test
    void readingStopsWhenAskedTo() throws IOException {
        Path export = exportFolder("export", 3);
        gzip(export.resolve("data/1.json.gz"), line("1"), line("2"), line("3"));

        Cancellation stop = new Cancellation();
        ExportResult result = new ExportReader().read(dir, Long.MAX_VALUE, (segment, item) -> {
            collect(segment, item);
            if (items.size() >= 2) {
                stop.cancel();
            }
        }, stop);

        assertThat(result.items()).isEqualTo(2);
        assertThat(result.stopped()).isTrue();
    }

    private void collect(int segment, Map<String, DynamoValue> item) {
        segments.add(segment);
        items.add(item);
    }

    private Path exportFolder(String relative, long itemCount) throws IOException {
        Path export = Files.createDirectories(dir.resolve(relative));
        Files.createDirectories(export.resolve("data"));
        Files.writeString(export.resolve("manifest-summary.json"), "{\"version\":\"2020-06-30\",\"exportId\":\"01\","
                + "\"tableArn\":\"arn:aws:dynamodb:eu-west-1:123456789012:table/users\",\"itemCount\":" + itemCount
                + ",\"exportFormat\":\"DYNAMODB_JSON\",\"outputFormat\":\"DYNAMODB_JSON\"}");
        return export;
    }

    private static String line(String id) {
        return "{\"Item\":{\"id\":{\"S\":\"" + id + "\"},\"email\":{\"S\":\"u" + id + "@example.com\"}}}";
    }

    private static void gzip(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }
}
