package dev.veil.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON tree that remembers where each value and key stood in the text, so that every later
 * check can point at a line and column. Locations are keyed by JSON Pointer (RFC 6901).
 */
final class LocatedJson {
    /**
     * DynamoDB allows attribute names of 64 KB, so keys may be that long; Jackson's default limit
     * (50,000 characters) would make such a table impossible to publish.
     */
    static final int MAX_NAME_LENGTH = JsonLimits.MAX_NAME_LENGTH;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(JsonLimits.longNames())
            .build();
    /** What Jackson quotes of the input: a character with its code, or a whole token. */
    private static final Pattern QUOTED_CHAR = Pattern.compile("\\('.{1,2}' \\((code \\d+)[^)]*\\)\\)", Pattern.DOTALL);
    private static final Pattern QUOTED_TOKEN = Pattern.compile("'(?!(?:null|true|false)')[^']*'", Pattern.DOTALL);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '(.*)'", Pattern.DOTALL);
    private static final String RESTORE = "restore the file from version control (git checkout -- FILE): "
            + "published policies are written only by `veil publish`, never by hand";

    private final JsonNode root;
    private final Map<String, Issue.Spot> values;
    private final Map<String, Issue.Spot> keys;

    private LocatedJson(JsonNode root, Map<String, Issue.Spot> values, Map<String, Issue.Spot> keys) {
        this.root = root;
        this.values = values;
        this.keys = keys;
    }

    /** Thrown for text that is not one JSON value. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Issue issue;

        SyntaxError(Issue issue) {
            super(issue.message(), null, false, false);
            this.issue = issue;
        }

        Issue issue() {
            return issue;
        }
    }

    static LocatedJson parse(String text) throws SyntaxError {
        Map<String, Issue.Spot> values = new HashMap<>();
        Map<String, Issue.Spot> keys = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new SyntaxError(new Issue(1, 1, "the file is empty",
                        "a policy file holds one JSON object; " + RESTORE));
            }
            JsonNode root = read(p, "", values, keys);
            if (p.nextToken() != null) {
                Issue.Spot s = spot(p.currentTokenLocation());
                throw new SyntaxError(Issue.at(s, "unexpected content after the end of the policy object",
                        "a policy file holds exactly one JSON object; delete what follows it"));
            }
            return new LocatedJson(root, values, keys);
        } catch (JsonProcessingException e) {
            throw new SyntaxError(describe(e, text));
        } catch (IOException e) {
            // Reading from a String does no I/O; anything here is a parser failure.
            throw new SyntaxError(new Issue(1, 1, "not valid JSON: " + e.getMessage(), RESTORE));
        }
    }

    private static JsonNode read(JsonParser p, String pointer, Map<String, Issue.Spot> values,
                                 Map<String, Issue.Spot> keys) throws IOException {
        values.put(pointer, spot(p.currentTokenLocation()));
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + escape(name);
                    keys.put(child, spot(p.currentTokenLocation()));
                    p.nextToken();
                    o.set(name, read(p, child, values, keys));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, pointer + "/" + i++, values, keys));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalStateException("unexpected token " + t);
        }
    }

    private static Issue describe(JsonProcessingException e, String text) {
        Issue.Spot s = spot(e.getLocation());
        String original = Optional.ofNullable(e.getOriginalMessage()).orElse("malformed JSON");
        if (e instanceof JsonEOFException || original.contains("end-of-input")) {
            String detail = firstSentence(original).replace("Unexpected end-of-input", "").replaceFirst("^[:\\s]+", "")
                    .replace("close marker for Array", "a closing ]").replace("close marker for Object", "a closing }")
                    .replace("within/between Object entries", "inside an object").replace("within/between Array entries", "inside a list")
                    .replace("in VALUE_STRING", "inside a string").replace("in field name", "inside a key");
            return Issue.at(s, "the file ends unexpectedly" + (detail.isEmpty() ? "" : " (" + detail + ")")
                    + ": it looks truncated", RESTORE);
        }
        Matcher dup = DUPLICATE.matcher(original);
        if (dup.find()) {
            return Issue.at(keyStart(text, e.getLocation()).orElse(s), "duplicate key " + quote(dup.group(1)) + ": a key may appear only once in an object",
                    "remove one of the two entries; if both were meant, they need different names");
        }
        return Issue.at(s, "not valid JSON: " + withoutInput(firstSentence(original)), RESTORE);
    }

    /**
     * Jackson reports a duplicate key just after it; step back over its closing quote to the
     * opening one (a quote preceded by an even number of backslashes) so the column points at the key.
     */
    private static Optional<Issue.Spot> keyStart(String text, JsonLocation l) {
        if (l == null || l.getCharOffset() <= 0 || l.getCharOffset() > text.length()) {
            return Optional.empty();
        }
        int i = (int) l.getCharOffset() - 1;
        while (i >= 0 && text.charAt(i) != '"') {
            i--;
        }
        for (i--; i >= 0; i--) {
            if (text.charAt(i) == '"' && precedingBackslashes(text, i) % 2 == 0) {
                return Optional.of(Issue.Spot.of(text, i));
            }
        }
        return Optional.empty();
    }

    private static int precedingBackslashes(String text, int i) {
        int n = 0;
        while (i - 1 - n >= 0 && text.charAt(i - 1 - n) == '\\') {
            n++;
        }
        return n;
    }

    /**
     * Jackson's message without the input it quotes: the file may hold a secret where the JSON
     * went wrong (a pasted value), and the message goes to terminals and CI logs. The location
     * says where to look.
     */
    static String withoutInput(String jacksonMessage) {
        String m = QUOTED_CHAR.matcher(jacksonMessage).replaceAll("($1)");
        return QUOTED_TOKEN.matcher(m).replaceAll("(text not shown)");
    }

    private static String firstSentence(String jacksonMessage) {
        // Jackson appends "(start marker at [...])" and line breaks; the location is reported separately.
        int marker = jacksonMessage.indexOf(" (start marker at");
        String m = marker < 0 ? jacksonMessage : jacksonMessage.substring(0, marker);
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).trim();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        CanonicalJson.quote(s, sb);
        return sb.toString();
    }

    private static Issue.Spot spot(JsonLocation l) {
        if (l == null) {
            return Issue.Spot.START;
        }
        return new Issue.Spot(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    /** A JSON Pointer reference token for {@code name}. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    JsonNode root() {
        return root;
    }

    /** Where the value at {@code pointer} starts; the nearest located ancestor when unknown. */
    Issue.Spot valueAt(String pointer) {
        String p = pointer;
        while (true) {
            Issue.Spot s = values.get(p);
            if (s != null || p.isEmpty()) {
                return s == null ? Issue.Spot.START : s;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** Where the key naming the value at {@code pointer} stands, else where the value starts. */
    Issue.Spot keyAt(String pointer) {
        Issue.Spot s = keys.get(pointer);
        return s == null ? valueAt(pointer) : s;
    }
}
