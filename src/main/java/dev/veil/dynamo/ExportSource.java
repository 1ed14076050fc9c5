package dev.veil.dynamo;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.work.Cancellation;

/**
 * One DynamoDB Export-to-S3 export, in a local folder or in S3: finds its
 * {@code manifest-summary.json} and {@code data/*.json.gz} or {@code data/*.ion.gz} files
 * anywhere below the location, and reads any one data file as a stream of records, checked
 * against {@code manifest-files.json} (record count and MD5) when read whole. Data files are
 * independent, so several threads (or Spark tasks) may each read their own at once.
 */
public final class ExportSource implements AutoCloseable {

    private static final String MANIFEST = "manifest-summary.json";
    private static final String FILES_MANIFEST = "manifest-files.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExportStore store;
    private final ExportLayout layout;

    private ExportSource(ExportStore store) {
        this.store = store;
        try {
            this.layout = locate();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** An export in a local folder. */
    public static ExportSource folder(Path folder) {
        return new ExportSource(new FolderStore(folder));
    }

    /**
     * The export at {@code location}; S3 is reached with {@link S3Clients#create} (the SDK's
     * default chains, with the region and profile of {@code connection}).
     */
    public static ExportSource open(ExportLocation location, ConnectionSettings connection) {
        if (location instanceof ExportLocation.Folder f) {
            return folder(f.path());
        }
        ExportLocation.S3 s3 = (ExportLocation.S3) location;
        return new ExportSource(new S3Store(S3Clients.create(connection, s3), s3));
    }

    /** What the manifests say and which data files there are. */
    public ExportLayout layout() {
        return layout;
    }

    /**
     * What reading one data file gave.
     *
     * @param records  records read (items and deletes)
     * @param items    items handed to the sink
     * @param complete the whole file was read (and checked against the manifest)
     */
    public record FileRead(long records, long items, boolean complete) {
    }

    /**
     * Reads data file {@code index}, handing at most {@code maxItems} items to the sink (segment =
     * {@code index}), checking {@code stop} before each. A file read whole is checked
     * against {@code manifest-files.json}.
     *
     * @throws ExportReadException when the file is broken, disagrees with the manifest or cannot be read
     */
    public FileRead read(int index, long maxItems, ItemSink sink, Cancellation stop) {
        DataFile file = layout.dataFiles().get(index);
        MessageDigest md5 = file.md5Checksum().isPresent() ? md5() : null;
        long records = 0;
        long items = 0;
        long line = 0;
        try (InputStream raw = store.open(file.key());
             InputStream counted = md5 == null ? raw : new DigestInputStream(raw, md5);
             RecordStream stream = records(file, counted)) {
            while (true) {
                RecordStream.Kind kind;
                try {
                    kind = stream.next();
                } finally {
                    line = stream.line();
                }
                if (kind == RecordStream.Kind.END) {
                    break;
                }
                // Checked only when another record exists, so reading exactly everything is complete.
                if (items >= maxItems || stop.isRequested()) {
                    return new FileRead(records, items, false);
                }
                records++;
                if (kind == RecordStream.Kind.ITEM) {
                    sink.accept(index, stream.item());
                    items++;
                }
            }
            if (md5 != null) {
                counted.transferTo(OutputStream.nullOutputStream());
            }
        } catch (RecordStream.BrokenRecord e) {
            throw broken(file, e.line(), e.getMessage(), null);
        } catch (ZipException | EOFException e) {
            throw broken(file, Math.max(1, line), "the compressed data is cut off or corrupt", e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        check(file, records, md5);
        return new FileRead(records, items, true);
    }

    /**
     * Checks the records of the whole export against {@code manifest-summary.json}.
     *
     * @throws ExportReadException when they disagree
     */
    public void checkTotal(long records) {
        if (layout.itemCount().isPresent() && layout.itemCount().getAsLong() != records) {
            throw new ExportReadException(ExportReadException.Kind.MALFORMED,
                    layout.root() + "/" + MANIFEST + ": says the export holds " + layout.itemCount().getAsLong()
                            + " items, but its data files hold " + records + ". Some data files are missing or "
                            + "belong to another export: download the whole export prefix again.",
                    pathOf(MANIFEST), OptionalLong.empty(), null);
        }
    }

    private void check(DataFile file, long records, MessageDigest md5) {
        if (file.itemCount().isPresent() && file.itemCount().getAsLong() != records) {
            throw new ExportReadException(ExportReadException.Kind.MALFORMED,
                    file.name() + ": holds " + records + " records, but " + FILES_MANIFEST + " says "
                            + file.itemCount().getAsLong() + ". The file is incomplete or belongs to another "
                            + "export: download it again.",
                    pathOf(file.key()), OptionalLong.empty(), null);
        }
        if (md5 != null) {
            byte[] digest = md5.digest();
            String expected = file.md5Checksum().get();
            boolean same = expected.equals(Base64.getEncoder().encodeToString(digest))
                    || expected.equalsIgnoreCase(HexFormat.of().formatHex(digest));
            if (!same) {
                throw new ExportReadException(ExportReadException.Kind.MALFORMED,
                        file.name() + ": its MD5 checksum differs from the one " + FILES_MANIFEST
                                + " states. The file is corrupt or was changed: download it again.",
                        pathOf(file.key()), OptionalLong.empty(), null);
            }
        }
    }

    private static RecordStream records(DataFile file, InputStream in) throws IOException {
        InputStream data = in;
        if (file.key().endsWith(".gz")) {
            try {
                data = new GZIPInputStream(in, 64 * 1024);
            } catch (ZipException | EOFException e) {
                throw new RecordStream.BrokenRecord(1, "not a gzip file");
            }
        }
        return file.format() == ExportFormat.ION ? new IonRecords(data) : new JsonRecords(data);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks MD5", e);
        }
    }

    private ExportLayout locate() {
        List<String> keys = store.keys();
        List<String> manifests = keys.stream().filter(k -> fileName(k).equals(MANIFEST)).toList();
        if (manifests.size() > 1) {
            throw new ExportReadException(ExportReadException.Kind.NOT_AN_EXPORT,
                    "Found " + manifests.size() + " exports under " + store.describe() + " ("
                            + manifests.stream().map(m -> store.describe(parent(m))).collect(Collectors.joining(", "))
                            + "). Point at the folder of one of them.",
                    pathOf(""), OptionalLong.empty(), null);
        }
        String root = manifests.isEmpty() ? "" : parent(manifests.get(0));
        String under = root.isEmpty() ? "" : root + "/";
        List<String> data = keys.stream().filter(k -> k.startsWith(under) && isDataFile(k)).toList();
        String rootName = root.isEmpty() ? store.describe() : store.describe(root);
        if (data.isEmpty()) {
            throw new ExportReadException(ExportReadException.Kind.NOT_AN_EXPORT,
                    "No DynamoDB export under " + rootName + ": expected " + MANIFEST + " and data/*.json.gz "
                            + "(or data/*.ion.gz) as Export to S3 writes them. Check the address, or download the "
                            + "whole export prefix.",
                    pathOf(root), OptionalLong.empty(), null);
        }
        if (manifests.isEmpty()) {
            return new ExportLayout(rootName, data.stream().map(k -> dataFile(k, Optional.empty())).toList(),
                    Optional.empty(), OptionalLong.empty(), false);
        }
        JsonNode manifest = readManifest(manifests.get(0));
        String format = manifest.path("exportFormat").asText("DYNAMODB_JSON");
        if (!format.equals("DYNAMODB_JSON") && !format.equals("ION")) {
            throw new ExportReadException(ExportReadException.Kind.UNSUPPORTED,
                    store.describe(manifests.get(0)) + ": export format " + format + " is not one Veil reads. "
                            + "Export the table again with export format DYNAMODB_JSON or ION.",
                    pathOf(manifests.get(0)), OptionalLong.empty(), null);
        }
        Map<String, JsonNode> listed = filesManifest(under + FILES_MANIFEST, keys);
        List<DataFile> files = new ArrayList<>();
        for (String k : data) {
            files.add(dataFile(k, Optional.ofNullable(listed.remove(fileName(k)))));
        }
        if (!listed.isEmpty()) {
            String missing = listed.values().iterator().next().path("dataFileS3Key").asText();
            throw new ExportReadException(ExportReadException.Kind.MALFORMED,
                    store.describe(under + FILES_MANIFEST) + ": lists " + listed.size() + " data file(s) that are "
                            + "not there, such as " + missing + ". Download the whole export prefix again.",
                    pathOf(under + FILES_MANIFEST), OptionalLong.empty(), null);
        }
        Optional<String> arn = Optional.ofNullable(manifest.path("tableArn").textValue());
        JsonNode count = manifest.path("itemCount");
        OptionalLong itemCount = count.canConvertToLong() ? OptionalLong.of(count.asLong()) : OptionalLong.empty();
        boolean incremental = manifest.path("exportType").asText("").equals("INCREMENTAL_EXPORT");
        return new ExportLayout(rootName, files, arn, itemCount, incremental);
    }

    private DataFile dataFile(String key, Optional<JsonNode> listed) {
        OptionalLong count = listed.map(n -> n.path("itemCount")).filter(JsonNode::canConvertToLong)
                .map(n -> OptionalLong.of(n.asLong())).orElse(OptionalLong.empty());
        Optional<String> md5 = listed.map(n -> n.path("md5Checksum").textValue());
        return new DataFile(key, store.describe(key), ExportFormat.ofFile(key).orElseThrow(), count, md5);
    }

    /** {@code manifest-files.json}'s lines by data file name; empty when there is none. */
    private Map<String, JsonNode> filesManifest(String key, List<String> keys) {
        Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
        if (!keys.contains(key)) {
            return out;
        }
        String text;
        try (InputStream in = store.open(key)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(key, e);
        }
        long lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = parseManifestLine(key, line, lineNumber);
            String dataKey = node.path("dataFileS3Key").asText("");
            if (dataKey.isEmpty()) {
                throw new ExportReadException(ExportReadException.Kind.MALFORMED, store.describe(key) + ":"
                        + lineNumber + ": no \"dataFileS3Key\". Download the export's " + FILES_MANIFEST + " again.",
                        pathOf(key), OptionalLong.of(lineNumber), null);
            }
            out.put(fileName(dataKey), node);
        }
        return out;
    }

    private JsonNode parseManifestLine(String key, String line, long lineNumber) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below, without Jackson's text (it may quote the line)
        }
        throw new ExportReadException(ExportReadException.Kind.MALFORMED, store.describe(key) + ":" + lineNumber
                + ": not a JSON object. Download the export's " + FILES_MANIFEST + " again.",
                pathOf(key), OptionalLong.of(lineNumber), null);
    }

    private JsonNode readManifest(String key) {
        try (InputStream in = store.open(key)) {
            JsonNode node = JSON.readTree(in);
            if (node == null || !node.isObject()) {
                throw new ExportReadException(ExportReadException.Kind.MALFORMED,
                        store.describe(key) + ": not a JSON object. Download the export's " + MANIFEST + " again.",
                        pathOf(key), OptionalLong.empty(), null);
            }
            return node;
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new ExportReadException(ExportReadException.Kind.MALFORMED,
                    store.describe(key) + ":" + line + ": not valid JSON. Download the export's " + MANIFEST
                            + " again.", pathOf(key), OptionalLong.of(line), e);
        } catch (IOException e) {
            throw unreadable(key, e);
        }
    }

    private static boolean isDataFile(String key) {
        String parent = parent(key);
        return fileName(parent).equals("data") && ExportFormat.ofFile(fileName(key)).isPresent();
    }

    private static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    private static String parent(String key) {
        int slash = key.lastIndexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }

    private Optional<Path> pathOf(String key) {
        return store instanceof FolderStore f ? Optional.of(f.path(key)) : Optional.empty();
    }

    private ExportReadException broken(DataFile file, long line, String problem, Throwable cause) {
        String example = file.format() == ExportFormat.ION ? IonRecords.EXAMPLE : JsonRecords.EXAMPLE;
        String what = file.format() == ExportFormat.ION ? "Ion" : "DynamoDB JSON";
        return new ExportReadException(ExportReadException.Kind.MALFORMED,
                file.name() + ":" + line + ": " + problem + ". Each line must be one " + what + " item such as "
                        + example + "; download the file again or remove the broken line.",
                pathOf(file.key()), OptionalLong.of(line), cause);
    }

    private ExportReadException unreadable(DataFile file, IOException e) {
        return unreadable(file.key(), e);
    }

    private ExportReadException unreadable(String key, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "file vanished" : e.getMessage();
        return new ExportReadException(ExportReadException.Kind.UNREADABLE,
                "Cannot read " + store.describe(key) + " (" + why + "). Check that the file exists and is readable.",
                pathOf(key), OptionalLong.empty(), e);
    }

    @Override
    public void close() {
        store.close();
    }
}
