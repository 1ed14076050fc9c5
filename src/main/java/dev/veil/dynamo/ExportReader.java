package dev.veil.dynamo;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.veil.model.DynamoValue;

/**
 * Reads a DynamoDB "Export to S3" folder offline, as downloaded: finds
 * {@code manifest-summary.json} and the {@code data/*.json.gz} files (plain {@code .json} too)
 * anywhere below the given folder, and streams every item of the DYNAMODB_JSON lines
 * ({@code {"Item":{"id":{"S":"1"}}}}, or {@code NewImage} in incremental exports) to a sink,
 * one file after another. Nothing is held in memory beyond one line.
 */
public final class ExportReader {

    private static final String MANIFEST = "manifest-summary.json";
    private static final String EXAMPLE = "{\"Item\":{\"id\":{\"S\":\"1\"}}}";

    private final ObjectMapper json = new ObjectMapper();

    /** Reads every item. */
    public ExportResult read(Path folder, ItemSink sink) {
        return read(folder, Long.MAX_VALUE, sink, () -> false);
    }

    /**
     * Reads at most {@code maxItems} items, checking {@code stopRequested} between items.
     * The sink's segment is the index of the data file in {@link ExportResult#dataFiles()}.
     *
     * @throws ExportReadException when the folder holds no export, or a file is broken or unreadable
     */
    public ExportResult read(Path folder, long maxItems, ItemSink sink, BooleanSupplier stopRequested) {
        ExportLayout layout = locate(folder);
        long items = 0;
        boolean stopped = false;
        for (int index = 0; index < layout.dataFiles().size() && !stopped; index++) {
            Path file = layout.dataFiles().get(index);
            try (BufferedReader reader = open(file)) {
                long lineNumber = 0;
                String line;
                while ((line = readLine(reader, file, lineNumber + 1)) != null) {
                    lineNumber++;
                    if (line.isBlank()) {
                        continue;
                    }
                    // Checked only when another item exists, so reading exactly everything is not "stopped".
                    if (items >= maxItems || stopRequested.getAsBoolean()) {
                        stopped = true;
                        break;
                    }
                    sink.accept(index, parseLine(line, file, lineNumber));
                    items++;
                }
            } catch (IOException e) {
                throw unreadable(file, e);
            }
        }
        return new ExportResult(layout.root(), layout.dataFiles(), items, layout.tableArn(), layout.itemCount(),
                stopped);
    }

    private record ExportLayout(Path root, List<Path> dataFiles, Optional<String> tableArn, OptionalLong itemCount) {
    }

    private ExportLayout locate(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ExportReadException(ExportReadException.Kind.NOT_AN_EXPORT,
                    folder + " is not a folder. Give the folder an Export to S3 wrote (downloaded with "
                            + "`aws s3 cp --recursive s3://BUCKET/PREFIX DIR`).",
                    Optional.of(folder), OptionalLong.empty(), null);
        }
        List<Path> manifests = find(folder, p -> p.getFileName().toString().equals(MANIFEST));
        if (manifests.size() > 1) {
            throw new ExportReadException(ExportReadException.Kind.NOT_AN_EXPORT,
                    "Found " + manifests.size() + " exports under " + folder + " ("
                            + manifests.stream().map(m -> m.getParent().toString()).collect(Collectors.joining(", "))
                            + "). Point at the folder of one of them.",
                    Optional.of(folder), OptionalLong.empty(), null);
        }
        Path root = manifests.isEmpty() ? folder : manifests.get(0).getParent();
        List<Path> data = find(root, ExportReader::isDataFile);
        if (data.isEmpty()) {
            throw new ExportReadException(ExportReadException.Kind.NOT_AN_EXPORT,
                    "No DynamoDB export data under " + root + ": expected " + MANIFEST
                            + " and data/*.json.gz as Export to S3 writes them. Download the whole export prefix.",
                    Optional.of(root), OptionalLong.empty(), null);
        }
        if (manifests.isEmpty()) {
            return new ExportLayout(root, data, Optional.empty(), OptionalLong.empty());
        }
        JsonNode manifest = readManifest(manifests.get(0));
        String format = manifest.path("exportFormat").asText("DYNAMODB_JSON");
        if (!format.equals("DYNAMODB_JSON")) {
            throw new ExportReadException(ExportReadException.Kind.UNSUPPORTED,
                    manifests.get(0) + ": export format " + format + " is not supported. Export the table again "
                            + "with export format DYNAMODB_JSON.",
                    Optional.of(manifests.get(0)), OptionalLong.empty(), null);
        }
        Optional<String> arn = Optional.ofNullable(manifest.path("tableArn").textValue());
        JsonNode count = manifest.path("itemCount");
        OptionalLong itemCount = count.canConvertToLong() ? OptionalLong.of(count.asLong()) : OptionalLong.empty();
        return new ExportLayout(root, data, arn, itemCount);
    }

    private static boolean isDataFile(Path path) {
        String name = path.getFileName().toString();
        Path parent = path.getParent();
        return parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("data")
                && (name.endsWith(".json.gz") || name.endsWith(".json"));
    }

    private static List<Path> find(Path folder, Predicate<Path> match) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(match).sorted().collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
            throw new ExportReadException(ExportReadException.Kind.UNREADABLE,
                    "Cannot list " + folder + " (" + e.getMessage() + "). Check that the folder is readable.",
                    Optional.of(folder), OptionalLong.empty(), e);
        }
    }

    private JsonNode readManifest(Path manifest) {
        try {
            JsonNode node = json.readTree(manifest.toFile());
            if (node == null || !node.isObject()) {
                throw new ExportReadException(ExportReadException.Kind.MALFORMED,
                        manifest + ": not a JSON object. Download the export's manifest-summary.json again.",
                        Optional.of(manifest), OptionalLong.empty(), null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ExportReadException(ExportReadException.Kind.MALFORMED,
                    manifest + ":" + e.getLocation().getLineNr() + ": not valid JSON (" + e.getOriginalMessage()
                            + "). Download the export's manifest-summary.json again.",
                    Optional.of(manifest), OptionalLong.of(Math.max(1, e.getLocation().getLineNr())), e);
        } catch (IOException e) {
            throw unreadable(manifest, e);
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        try {
            if (file.getFileName().toString().endsWith(".gz")) {
                in = new GZIPInputStream(in, 64 * 1024);
            }
        } catch (IOException e) {
            in.close();
            throw broken(file, 1, "not a gzip file (" + e.getMessage() + ")", e);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
    }

    private static String readLine(BufferedReader reader, Path file, long lineNumber) throws IOException {
        try {
            return reader.readLine();
        } catch (ZipException | EOFException e) {
            throw broken(file, lineNumber, "the compressed data is cut off or corrupt (" + e.getMessage() + ")", e);
        }
    }

    private Map<String, DynamoValue> parseLine(String line, Path file, long lineNumber) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            throw broken(file, lineNumber, "column " + e.getLocation().getColumnNr() + ": not valid JSON ("
                    + e.getOriginalMessage() + ")", e);
        }
        JsonNode item = node == null ? null : node.has("Item") ? node.get("Item") : node.get("NewImage");
        if (item == null) {
            throw broken(file, lineNumber, "no \"Item\" object (expected a line such as " + EXAMPLE + ")", null);
        }
        try {
            return DynamoJson.item(item, "\"Item\"");
        } catch (IllegalArgumentException e) {
            throw broken(file, lineNumber, e.getMessage(), e);
        }
    }

    private static ExportReadException broken(Path file, long line, String problem, Throwable cause) {
        return new ExportReadException(ExportReadException.Kind.MALFORMED,
                file + ":" + line + ": " + problem + ". Each line must be one DynamoDB JSON item such as " + EXAMPLE
                        + "; download the file again or remove the broken line.",
                Optional.of(file), OptionalLong.of(line), cause);
    }

    private static ExportReadException unreadable(Path file, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "file vanished" : e.getMessage();
        return new ExportReadException(ExportReadException.Kind.UNREADABLE,
                "Cannot read " + file + " (" + why + "). Check that the file exists and is readable.",
                Optional.of(file), OptionalLong.empty(), e);
    }
}
