package dev.veil.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import com.amazon.ion.IonType;
import com.amazon.ion.IonWriter;
import com.amazon.ion.system.IonTextWriterBuilder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.veil.model.DynamoValue;

/**
 * Writes DynamoDB Export-to-S3 exports as the service lays them out
 * ({@code AWSDynamoDB/<id>/manifest-summary.json}, {@code manifest-files.json} with each file's
 * record count and MD5, {@code data/<name>.json.gz} or {@code .ion.gz}), in either format, full or
 * incremental, from the same users-like items, so tests can check that every form gives the same
 * profile. Its {@link #main} writes the inputs of the export benchmark
 * ({@code src/test/bench/export_bench.sh}, docs/PERFORMANCE.md).
 */
public final class ExportFixtures {

    /** Full or incremental, DYNAMODB_JSON or ION. */
    public enum Form {
        JSON_FULL(false, false), ION_FULL(true, false), JSON_INCREMENTAL(false, true), ION_INCREMENTAL(true, true);

        final boolean ion;
        final boolean incremental;

        Form(boolean ion, boolean incremental) {
            this.ion = ion;
            this.incremental = incremental;
        }
    }

    /** The export's id folder, below {@code AWSDynamoDB/}. */
    public static final String EXPORT_ID = "01700000000000-0a1b2c3d";

    private static final JsonFactory JSON = new JsonFactory();

    private ExportFixtures() {
    }

    /** {@code count} users-like items of every DynamoDB type, the same for the same seed. */
    public static List<Map<String, DynamoValue>> users(int count, long seed) {
        Random random = new Random(seed);
        List<Map<String, DynamoValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, DynamoValue> item = new LinkedHashMap<>();
            item.put("user_id", new DynamoValue.S("u-" + i));
            item.put("email", new DynamoValue.S("user" + i + "@example.com"));
            item.put("password_hash", new DynamoValue.S("$2b$12$" + token(random, 53)));
            if (i % 3 == 0) {
                item.put("api_key", new DynamoValue.S("sk_live_" + token(random, 24)));
            }
            item.put("age", new DynamoValue.N(String.valueOf(18 + random.nextInt(70))));
            item.put("balance", new DynamoValue.N(new BigDecimal(random.nextInt(100000)).movePointLeft(2)
                    .stripTrailingZeros().toPlainString()));
            item.put("big", new DynamoValue.N("12345678901234567890123456789012345678"));
            item.put("active", new DynamoValue.Bool(random.nextBoolean()));
            item.put("avatar", new DynamoValue.B(DynamoValue.Bytes.of(new byte[] {(byte) i, 1, 2})));
            if (i % 5 == 0) {
                item.put("deleted_at", new DynamoValue.Null());
            }
            item.put("address", new DynamoValue.M(Map.of("city", new DynamoValue.S(i % 2 == 0 ? "Lyon" : "Porto"),
                    "zip", new DynamoValue.S(String.valueOf(10000 + random.nextInt(89999))))));
            List<DynamoValue> orders = new ArrayList<>();
            for (int o = 0; o < i % 3; o++) {
                orders.add(new DynamoValue.M(Map.of("order_id", new DynamoValue.S("o-" + i + "-" + o),
                        "total", new DynamoValue.N(String.valueOf(random.nextInt(500) + 1)))));
            }
            item.put("orders", new DynamoValue.L(orders));
            item.put("tags", new DynamoValue.SS(List.of("t" + (i % 4), "all")));
            item.put("lucky", new DynamoValue.NS(List.of(String.valueOf(i % 7), "-1.5")));
            if (i % 4 == 0) {
                item.put("keys", new DynamoValue.BS(List.of(DynamoValue.Bytes.of(new byte[] {9, (byte) i}))));
            }
            items.add(item);
        }
        return items;
    }

    private static String token(Random random, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /**
     * Writes {@code items} as an export below {@code dir} in {@code files} gzipped data files and
     * returns the export's folder. An incremental export also holds {@code deletes} records
     * without a NewImage, spread over the files, which are not items.
     */
    public static Path write(Path dir, Form form, List<Map<String, DynamoValue>> items, int files, int deletes) {
        try {
            Path export = Files.createDirectories(dir.resolve("AWSDynamoDB").resolve(EXPORT_ID));
            Path data = Files.createDirectories(export.resolve("data"));
            List<List<String>> lines = new ArrayList<>();
            for (int f = 0; f < files; f++) {
                lines.add(new ArrayList<>());
            }
            for (int i = 0; i < items.size(); i++) {
                lines.get(i % files).add(record(form, items.get(i), i));
            }
            for (int d = 0; d < (form.incremental ? deletes : 0); d++) {
                lines.get(d % files).add(delete(form, d));
            }
            StringBuilder manifest = new StringBuilder();
            long records = 0;
            for (int f = 0; f < files; f++) {
                String name = String.format("%08x-file%d%s.gz", 0x5eed + f, f, form.ion ? ".ion" : ".json");
                byte[] bytes = gzip(String.join("\n", lines.get(f)) + "\n");
                Files.write(data.resolve(name), bytes);
                records += lines.get(f).size();
                manifest.append("{\"itemCount\":").append(lines.get(f).size()).append(",\"md5Checksum\":\"")
                        .append(md5(bytes)).append("\",\"etag\":\"x-1\",\"dataFileS3Key\":\"AWSDynamoDB/")
                        .append(EXPORT_ID).append("/data/").append(name).append("\"}\n");
            }
            Files.writeString(export.resolve("manifest-files.json"), manifest.toString());
            Files.writeString(export.resolve("manifest-summary.json"), "{\"version\":\"2023-08-01\",\"exportArn\":"
                    + "\"arn:aws:dynamodb:eu-west-1:123456789012:table/users/export/" + EXPORT_ID + "\","
                    + "\"tableArn\":\"arn:aws:dynamodb:eu-west-1:123456789012:table/users\",\"itemCount\":" + records
                    + ",\"exportType\":\"" + (form.incremental ? "INCREMENTAL_EXPORT" : "FULL_EXPORT")
                    + "\",\"exportFormat\":\"" + (form.ion ? "ION" : "DYNAMODB_JSON") + "\",\"outputFormat\":\""
                    + (form.ion ? "ION" : "DYNAMODB_JSON") + "\",\"manifestFilesS3Key\":\"AWSDynamoDB/" + EXPORT_ID
                    + "/manifest-files.json\"}\n");
            return export;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record line as Export to S3 writes it. */
    public static String record(Form form, Map<String, DynamoValue> item, int n) {
        return form.ion ? ionRecord(form, item, n) : jsonRecord(form, item, n);
    }

    private static String jsonRecord(Form form, Map<String, DynamoValue> item, int n) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            if (form.incremental) {
                g.writeObjectFieldStart("Metadata");
                g.writeObjectFieldStart("WriteTimestampMicros");
                g.writeStringField("N", String.valueOf(1_700_000_000_000_000L + n));
                g.writeEndObject();
                g.writeEndObject();
                g.writeObjectFieldStart("Keys");
                jsonValue(g, "user_id", item.get("user_id"));
                g.writeEndObject();
                g.writeObjectFieldStart("NewImage");
            } else {
                g.writeObjectFieldStart("Item");
            }
            for (Map.Entry<String, DynamoValue> e : item.entrySet()) {
                jsonValue(g, e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void jsonValue(JsonGenerator g, String name, DynamoValue v) throws IOException {
        if (name != null) {
            g.writeFieldName(name);
        }
        g.writeStartObject();
        g.writeFieldName(v.type().code());
        if (v instanceof DynamoValue.S s) {
            g.writeString(s.value());
        } else if (v instanceof DynamoValue.N n) {
            g.writeString(n.value());
        } else if (v instanceof DynamoValue.B b) {
            g.writeString(b.value().base64());
        } else if (v instanceof DynamoValue.Bool b) {
            g.writeBoolean(b.value());
        } else if (v instanceof DynamoValue.Null) {
            g.writeBoolean(true);
        } else if (v instanceof DynamoValue.M m) {
            g.writeStartObject();
            for (Map.Entry<String, DynamoValue> e : m.value().entrySet()) {
                jsonValue(g, e.getKey(), e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof DynamoValue.L l) {
            g.writeStartArray();
            for (DynamoValue e : l.value()) {
                jsonValue(g, null, e);
            }
            g.writeEndArray();
        } else if (v instanceof DynamoValue.SS ss) {
            g.writeStartArray();
            for (String s : ss.value()) {
                g.writeString(s);
            }
            g.writeEndArray();
        } else if (v instanceof DynamoValue.NS ns) {
            g.writeStartArray();
            for (String s : ns.value()) {
                g.writeString(s);
            }
            g.writeEndArray();
        } else if (v instanceof DynamoValue.BS bs) {
            g.writeStartArray();
            for (DynamoValue.Bytes b : bs.value()) {
                g.writeString(b.base64());
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static String ionRecord(Form form, Map<String, DynamoValue> item, int n) {
        StringBuilder out = new StringBuilder("$ion_1_0 ");
        try (IonWriter w = IonTextWriterBuilder.standard().build(out)) {
            w.stepIn(IonType.STRUCT);
            if (form.incremental) {
                w.setFieldName("Metadata");
                w.stepIn(IonType.STRUCT);
                w.setFieldName("WriteTimestampMicros");
                w.writeInt(1_700_000_000_000_000L + n);
                w.stepOut();
                w.setFieldName("Keys");
                w.stepIn(IonType.STRUCT);
                ionValue(w, "user_id", item.get("user_id"));
                w.stepOut();
                w.setFieldName("NewImage");
            } else {
                w.setFieldName("Item");
            }
            w.stepIn(IonType.STRUCT);
            for (Map.Entry<String, DynamoValue> e : item.entrySet()) {
                ionValue(w, e.getKey(), e.getValue());
            }
            w.stepOut();
            w.stepOut();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().replace("\n", " ");
    }

    private static void ionValue(IonWriter w, String name, DynamoValue v) throws IOException {
        if (name != null) {
            w.setFieldName(name);
        }
        if (v instanceof DynamoValue.S s) {
            w.writeString(s.value());
        } else if (v instanceof DynamoValue.N n) {
            w.writeDecimal(new BigDecimal(n.value()));
        } else if (v instanceof DynamoValue.B b) {
            w.writeBlob(b.value().toArray());
        } else if (v instanceof DynamoValue.Bool b) {
            w.writeBool(b.value());
        } else if (v instanceof DynamoValue.Null) {
            w.writeNull();
        } else if (v instanceof DynamoValue.M m) {
            w.stepIn(IonType.STRUCT);
            for (Map.Entry<String, DynamoValue> e : m.value().entrySet()) {
                ionValue(w, e.getKey(), e.getValue());
            }
            w.stepOut();
        } else if (v instanceof DynamoValue.L l) {
            w.stepIn(IonType.LIST);
            for (DynamoValue e : l.value()) {
                ionValue(w, null, e);
            }
            w.stepOut();
        } else if (v instanceof DynamoValue.SS ss) {
            w.setTypeAnnotations("$dynamodb_SS");
            w.stepIn(IonType.LIST);
            for (String s : ss.value()) {
                w.writeString(s);
            }
            w.stepOut();
        } else if (v instanceof DynamoValue.NS ns) {
            w.setTypeAnnotations("$dynamodb_NS");
            w.stepIn(IonType.LIST);
            for (String s : ns.value()) {
                w.writeDecimal(new BigDecimal(s));
            }
            w.stepOut();
        } else if (v instanceof DynamoValue.BS bs) {
            w.setTypeAnnotations("$dynamodb_BS");
            w.stepIn(IonType.LIST);
            for (DynamoValue.Bytes b : bs.value()) {
                w.writeBlob(b.toArray());
            }
            w.stepOut();
        }
    }

    private static String delete(Form form, int d) {
        long micros = 1_700_000_100_000_000L + d;
        return form.ion
                ? "$ion_1_0 {Metadata:{WriteTimestampMicros:" + micros + "},Keys:{user_id:\"gone-" + d + "\"}}"
                : "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"" + micros + "\"}},\"Keys\":{\"user_id\":{\"S\":\"gone-"
                        + d + "\"}}}";
    }

    /** Gzips text, as Export to S3 compresses its data files. */
    public static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The base64 MD5 of {@code bytes}, as {@code manifest-files.json} states it. */
    public static String md5(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the export benchmark's inputs: N users-like items as a DYNAMODB_JSON export of 8
     * gzipped data files ({@code DIR/export}) and the same items as one plain JSON array
     * ({@code DIR/items.json}; numbers as numbers, sets as arrays, binaries as base64), the input
     * quicktype takes. Run: {@code ExportFixtures DIR N}.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        List<Map<String, DynamoValue>> items = users(n, 2026);
        write(dir.resolve("export"), Form.JSON_FULL, items, 8, 0);
        try (OutputStream out = Files.newOutputStream(dir.resolve("items.json"));
             JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (Map<String, DynamoValue> item : items) {
                plainMap(g, item);
            }
            g.writeEndArray();
        }
        System.out.println("wrote " + n + " items to " + dir);
    }

    private static void plainMap(JsonGenerator g, Map<String, DynamoValue> map) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, DynamoValue> e : map.entrySet()) {
            g.writeFieldName(e.getKey());
            plainValue(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void plainValue(JsonGenerator g, DynamoValue v) throws IOException {
        if (v instanceof DynamoValue.S s) {
            g.writeString(s.value());
        } else if (v instanceof DynamoValue.N n) {
            g.writeNumber(new BigDecimal(n.value()));
        } else if (v instanceof DynamoValue.B b) {
            g.writeString(b.value().base64());
        } else if (v instanceof DynamoValue.Bool b) {
            g.writeBoolean(b.value());
        } else if (v instanceof DynamoValue.Null) {
            g.writeNull();
        } else if (v instanceof DynamoValue.M m) {
            plainMap(g, m.value());
        } else if (v instanceof DynamoValue.L l) {
            g.writeStartArray();
            for (DynamoValue e : l.value()) {
                plainValue(g, e);
            }
            g.writeEndArray();
        } else if (v instanceof DynamoValue.SS ss) {
            g.writeStartArray();
            for (String e : ss.value()) {
                g.writeString(e);
            }
            g.writeEndArray();
        } else if (v instanceof DynamoValue.NS ns) {
            g.writeStartArray();
            for (String e : ns.value()) {
                g.writeNumber(new BigDecimal(e));
            }
            g.writeEndArray();
        } else if (v instanceof DynamoValue.BS bs) {
            g.writeStartArray();
            for (DynamoValue.Bytes e : bs.value()) {
                g.writeString(e.base64());
            }
            g.writeEndArray();
        }
    }
}
