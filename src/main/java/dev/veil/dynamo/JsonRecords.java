package dev.veil.dynamo;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import dev.veil.model.DynamoType;
import dev.veil.model.DynamoValue;

/**
 * DYNAMODB_JSON records read token by token with Jackson's streaming parser, straight into model
 * values: no tree per line, no line strings. Error texts name the attribute path and the column,
 * never a value, because a malformed line may well hold a secret.
 */
final class JsonRecords implements RecordStream {

    static final String EXAMPLE = "{\"Item\":{\"id\":{\"S\":\"1\"}}}";
    // The caller owns the stream: it still reads the file's last bytes for the MD5 check.
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    private final InputStream in;
    private final JsonParser parser;
    private final AttributeTrail trail = new AttributeTrail();
    private Map<String, DynamoValue> item;
    private long line;

    JsonRecords(InputStream in) throws IOException {
        this.in = in;
        this.parser = FACTORY.createParser(in);
    }

    @Override
    public Kind next() throws IOException {
        try {
            JsonToken t = parser.nextToken();
            line = parser.currentTokenLocation().getLineNr();
            if (t == null) {
                return Kind.END;
            }
            if (t != JsonToken.START_OBJECT) {
                throw broken("expected a JSON object such as " + EXAMPLE);
            }
            Map<String, DynamoValue> found = null;
            boolean incremental = false;
            while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ((field.equals("Item") || field.equals("NewImage")) && found == null) {
                    trail.clear();
                    found = attributes(field);
                } else {
                    incremental |= field.equals("Keys") || field.equals("Metadata") || field.equals("OldImage");
                    parser.skipChildren();
                }
            }
            if (found == null && !incremental) {
                throw broken("no \"Item\" object (expected a line such as " + EXAMPLE + ")");
            }
            item = found;
            return found == null ? Kind.DELETE : Kind.ITEM;
        } catch (JsonEOFException e) {
            throw new BrokenRecord(line, "the record is cut off at column " + e.getLocation().getColumnNr());
        } catch (StreamReadException e) {
            // Jackson's own message quotes the offending token: never pass it on.
            boolean sameLine = e.getLocation() != null && e.getLocation().getLineNr() == line;
            throw new BrokenRecord(line, sameLine ? "column " + e.getLocation().getColumnNr() + ": not valid JSON"
                    : "not valid JSON (the record does not end on its line)");
        }
    }

    @Override
    public Map<String, DynamoValue> item() {
        return item;
    }

    @Override
    public long line() {
        return line;
    }

    private BrokenRecord broken(String problem) {
        return new BrokenRecord(line, problem);
    }

    // where: the record's field ("Item", "NewImage") for the item itself, "" for a nested map.
    private Map<String, DynamoValue> attributes(String where) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw broken(where.isEmpty() ? "attribute " + trail + " (M) is not a JSON object of attributes"
                    : "\"" + where + "\" is not a JSON object of attributes");
        }
        Map<String, DynamoValue> out = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            trail.enter(name);
            out.put(name, value());
            trail.leave();
        }
        return out;
    }

    // The value at the trail's path; the path is spelt out only in an error's text.
    private DynamoValue value() throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT || parser.nextToken() != JsonToken.FIELD_NAME) {
            throw shape();
        }
        DynamoType type = typeKey(parser.currentName());
        JsonToken t = parser.nextToken();
        DynamoValue v = switch (type) {
            case S -> new DynamoValue.S(text());
            case N -> new DynamoValue.N(number());
            case B -> new DynamoValue.B(bytes());
            case BOOL -> {
                if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
                    throw broken("attribute " + trail + ": BOOL must be true or false");
                }
                yield new DynamoValue.Bool(t == JsonToken.VALUE_TRUE);
            }
            case NULL -> {
                parser.skipChildren();
                yield new DynamoValue.Null();
            }
            case M -> new DynamoValue.M(attributes(""));
            case L -> {
                List<DynamoValue> list = new ArrayList<>();
                int i = 0;
                for (JsonToken e = array(); e != JsonToken.END_ARRAY; e = parser.nextToken()) {
                    trail.enter(i++);
                    list.add(value());
                    trail.leave();
                }
                yield new DynamoValue.L(list);
            }
            case SS -> {
                List<String> list = new ArrayList<>();
                for (JsonToken e = array(); e != JsonToken.END_ARRAY; e = parser.nextToken()) {
                    list.add(text());
                }
                yield new DynamoValue.SS(list);
            }
            case NS -> {
                List<String> list = new ArrayList<>();
                for (JsonToken e = array(); e != JsonToken.END_ARRAY; e = parser.nextToken()) {
                    list.add(number());
                }
                yield new DynamoValue.NS(list);
            }
            case BS -> {
                List<DynamoValue.Bytes> list = new ArrayList<>();
                for (JsonToken e = array(); e != JsonToken.END_ARRAY; e = parser.nextToken()) {
                    list.add(bytes());
                }
                yield new DynamoValue.BS(list);
            }
        };
        if (parser.nextToken() != JsonToken.END_OBJECT) {
            throw shape();
        }
        return v;
    }

    // A switch on the exact key: no upper-casing, no Optional, nothing allocated per value.
    private DynamoType typeKey(String code) {
        return switch (code) {
            case "S" -> DynamoType.S;
            case "N" -> DynamoType.N;
            case "B" -> DynamoType.B;
            case "BOOL" -> DynamoType.BOOL;
            case "NULL" -> DynamoType.NULL;
            case "M" -> DynamoType.M;
            case "L" -> DynamoType.L;
            case "SS" -> DynamoType.SS;
            case "NS" -> DynamoType.NS;
            case "BS" -> DynamoType.BS;
            default -> throw broken("attribute " + trail
                    + " has an unknown type key (expected S, N, B, BOOL, NULL, M, L, SS, NS or BS)");
        };
    }

    private BrokenRecord shape() {
        return broken("attribute " + trail + " must be an object with exactly one type key such as {\"S\":\"text\"}");
    }

    private JsonToken array() throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw broken("attribute " + trail + " must hold a JSON array");
        }
        return parser.nextToken();
    }

    private String text() throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw broken("attribute " + trail + " must hold a JSON string");
        }
        return parser.getText();
    }

    private String number() throws IOException {
        JsonToken t = parser.currentToken();
        if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw broken("attribute " + trail + " must hold a number as a string, such as \"42\"");
        }
        String text = parser.getText();
        if (!looksNumeric(text)) {
            throw broken("attribute " + trail + " must hold a number as a string, such as \"42\"");
        }
        return text;
    }

    /** A cheap check before the exact one: most numbers are plain digits. */
    private static boolean looksNumeric(String text) {
        int n = text.length();
        if (n == 0 || n > 400) {
            return false;
        }
        boolean plain = true;
        for (int i = 0; i < n && plain; i++) {
            char c = text.charAt(i);
            plain = (c >= '0' && c <= '9') || (i == 0 && c == '-' && n > 1);
        }
        if (plain) {
            return true;
        }
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private DynamoValue.Bytes bytes() throws IOException {
        String text = text();
        try {
            return DynamoValue.Bytes.of(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw broken("attribute " + trail + " must hold base64 text");
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
        in.close();
    }
}
