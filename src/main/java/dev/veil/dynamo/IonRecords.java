package dev.veil.dynamo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.amazon.ion.IonException;
import com.amazon.ion.IonReader;
import com.amazon.ion.IonType;
import com.amazon.ion.system.IonReaderBuilder;

import dev.veil.model.DynamoValue;

/**
 * ION records ({@code $ion_1_0 {Item:{id:"1",tags:$dynamodb_SS::["a"]}}}, one per line as Export
 * to S3 writes them) read with ion-java's streaming reader, one line at a time so that errors
 * can name the line. Sets arrive as lists annotated {@code $dynamodb_SS}, {@code $dynamodb_NS} or
 * {@code $dynamodb_BS}; numbers as Ion decimals (written in plain notation, as DynamoDB JSON
 * writes them); binaries as blobs. Error texts never quote the input.
 */
final class IonRecords implements RecordStream {

    static final String EXAMPLE = "$ion_1_0 {Item:{id:\"1\"}}";
    private static final IonReaderBuilder BUILDER = IonReaderBuilder.standard();

    private final BufferedReader lines;
    private IonReader reader;
    private long lineNumber;
    private Map<String, DynamoValue> item;
    private final AttributeTrail trail = new AttributeTrail();

    IonRecords(InputStream in) {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
    }

    @Override
    public Kind next() throws IOException {
        while (true) {
            if (reader == null) {
                String line = lines.readLine();
                if (line == null) {
                    return Kind.END;
                }
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                reader = BUILDER.build(line);
            }
            try {
                IonType type = reader.next();
                if (type == null) {
                    reader.close();
                    reader = null;
                    continue;
                }
                return record(type);
            } catch (IonException | UnsupportedOperationException | IllegalStateException e) {
                // ion-java's messages may quote the offending text: never pass them on.
                throw new BrokenRecord(lineNumber, "not valid Ion (expected a record such as " + EXAMPLE + ")");
            }
        }
    }

    private Kind record(IonType type) throws IOException {
        if (type != IonType.STRUCT || reader.isNullValue()) {
            throw new BrokenRecord(lineNumber, "expected an Ion struct such as " + EXAMPLE);
        }
        Map<String, DynamoValue> found = null;
        boolean incremental = false;
        reader.stepIn();
        for (IonType t = reader.next(); t != null; t = reader.next()) {
            String field = reader.getFieldName();
            if ((field.equals("Item") || field.equals("NewImage")) && found == null) {
                if (t != IonType.STRUCT || reader.isNullValue()) {
                    throw new BrokenRecord(lineNumber, "\"" + field + "\" is not a struct of attributes");
                }
                trail.clear();
                found = attributes();
            } else {
                incremental |= field.equals("Keys") || field.equals("Metadata") || field.equals("OldImage");
            }
        }
        reader.stepOut();
        if (found == null && !incremental) {
            throw new BrokenRecord(lineNumber, "no \"Item\" struct (expected a line such as " + EXAMPLE + ")");
        }
        item = found;
        return found == null ? Kind.DELETE : Kind.ITEM;
    }

    private Map<String, DynamoValue> attributes() {
        Map<String, DynamoValue> out = new LinkedHashMap<>();
        reader.stepIn();
        for (IonType t = reader.next(); t != null; t = reader.next()) {
            String name = reader.getFieldName();
            trail.enter(name);
            out.put(name, value(t));
            trail.leave();
        }
        reader.stepOut();
        return out;
    }

    // The value at the trail's path; the path is spelt out only in an error's text.
    private DynamoValue value(IonType type) {
        if (reader.isNullValue()) {
            return new DynamoValue.Null();
        }
        return switch (type) {
            case STRING, SYMBOL -> new DynamoValue.S(reader.stringValue());
            case INT -> new DynamoValue.N(reader.bigIntegerValue().toString());
            case DECIMAL -> new DynamoValue.N(plain(reader.bigDecimalValue()));
            case FLOAT -> new DynamoValue.N(plain(BigDecimal.valueOf(reader.doubleValue())));
            case BOOL -> new DynamoValue.Bool(reader.booleanValue());
            case BLOB, CLOB -> new DynamoValue.B(DynamoValue.Bytes.of(reader.newBytes()));
            case TIMESTAMP -> new DynamoValue.S(reader.timestampValue().toString());
            case STRUCT -> new DynamoValue.M(attributes());
            case LIST, SEXP -> list();
            default -> throw new BrokenRecord(lineNumber, "attribute " + trail + " holds an Ion " + type
                    + ", which no DynamoDB type maps to");
        };
    }

    private DynamoValue list() {
        String set = setAnnotation();
        List<DynamoValue> elements = new ArrayList<>();
        reader.stepIn();
        int i = 0;
        for (IonType t = reader.next(); t != null; t = reader.next()) {
            trail.enter(i++);
            elements.add(value(t));
            trail.leave();
        }
        reader.stepOut();
        if (set.isEmpty()) {
            return new DynamoValue.L(elements);
        }
        try {
            return switch (set) {
                case "SS" -> new DynamoValue.SS(elements.stream().map(e -> ((DynamoValue.S) e).value()).toList());
                case "NS" -> new DynamoValue.NS(elements.stream().map(e -> ((DynamoValue.N) e).value()).toList());
                default -> new DynamoValue.BS(elements.stream().map(e -> ((DynamoValue.B) e).value()).toList());
            };
        } catch (ClassCastException e) {
            throw new BrokenRecord(lineNumber, "attribute " + trail + " is annotated $dynamodb_" + set
                    + " but holds an element of another type");
        }
    }

    private String setAnnotation() {
        for (String a : reader.getTypeAnnotations()) {
            switch (a) {
                case "$dynamodb_SS", "$dynamodb_NS", "$dynamodb_BS" -> {
                    return a.substring("$dynamodb_".length());
                }
                default -> {
                    // other annotations carry no DynamoDB meaning
                }
            }
        }
        return "";
    }

    private static String plain(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.toPlainString();
    }

    @Override
    public Map<String, DynamoValue> item() {
        return item;
    }

    @Override
    public long line() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
        lines.close();
    }
}
