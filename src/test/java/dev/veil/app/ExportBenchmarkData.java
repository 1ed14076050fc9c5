package dev.veil.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.veil.model.DynamoValue;
import dev.veil.testing.ExportFixtures;
import dev.veil.testing.ExportFixtures.Form;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the inputs of the export benchmark (docs/PERFORMANCE.md): N users-like items as a
 * DYNAMODB_JSON export of 8 gzipped data files ({@code DIR/export}) and the same items as one
 * plain JSON array ({@code DIR/items.json}, numbers as numbers, sets as arrays, binaries as
 * base64), the input quicktype takes. Run: {@code ExportBenchmarkData DIR N}.
 */
public final class ExportBenchmarkData {

    private ExportBenchmarkData() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        List<Map<String, DynamoValue>> items = ExportFixtures.users(n, 2026);
        ExportFixtures.write(dir.resolve("export"), Form.JSON_FULL, items, 8, 0);
        try (OutputStream out = Files.newOutputStream(dir.resolve("items.json"));
             JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartArray();
            for (Map<String, DynamoValue> item : items) {
                writeMap(g, item);
            }
            g.writeEndArray();
        }
        System.out.println("wrote " + n + " items to " + dir);
    }

    private static void writeMap(JsonGenerator g, Map<String, DynamoValue> map) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, DynamoValue> e : map.entrySet()) {
            g.writeFieldName(e.getKey());
            write(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static void write(JsonGenerator g, DynamoValue v) throws IOException {
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
            writeMap(g, m.value());
        } else if (v instanceof DynamoValue.L l) {
            g.writeStartArray();
            for (DynamoValue e : l.value()) {
                write(g, e);
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
                g.writeNumber(new BigDecimal(s));
            }
            g.writeEndArray();
        } else if (v instanceof DynamoValue.BS bs) {
            g.writeStartArray();
            for (DynamoValue.Bytes b : bs.value()) {
                g.writeString(b.base64());
            }
            g.writeEndArray();
        }
    }
}
