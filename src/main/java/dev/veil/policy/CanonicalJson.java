package dev.veil.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * The one writer of canonical policy text: object keys sorted by Unicode code point, two-space
 * indent, {@code ": "} after keys, one array element per line, {@code {}} and {@code []} when
 * empty, LF line ends and a trailing newline. Strings are written raw (UTF-8) except {@code "},
 * {@code \}, control characters and lone surrogates, which are escaped.
 *
 * <p>This is exactly what Python writes with
 * {@code json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"}, so anyone can
 * check a digest without Veil.
 */
final class CanonicalJson {
    /** Sorts like Python's {@code sorted()} on str: by code point, not UTF-16 unit. */
    static final Comparator<String> CODE_POINT_ORDER = CanonicalJson::compareCodePoints;

    private CanonicalJson() {
    }

    static String write(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, 0, sb);
        return sb.append('\n').toString();
    }

    private static void write(JsonNode node, int depth, StringBuilder sb) {
        if (node.isObject()) {
            writeObject(node, depth, sb);
        } else if (node.isArray()) {
            writeArray(node, depth, sb);
        } else if (node.isTextual()) {
            quote(node.textValue(), sb);
        } else if (node.isIntegralNumber() || node.isBoolean() || node.isNull()) {
            sb.append(node.asText());
        } else {
            throw new IllegalArgumentException("policy documents hold no " + node.getNodeType() + " values");
        }
    }

    private static void writeObject(JsonNode node, int depth, StringBuilder sb) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        if (keys.isEmpty()) {
            sb.append("{}");
            return;
        }
        keys.sort(CODE_POINT_ORDER);
        sb.append("{\n");
        for (int i = 0; i < keys.size(); i++) {
            indent(depth + 1, sb);
            quote(keys.get(i), sb);
            sb.append(": ");
            write(node.get(keys.get(i)), depth + 1, sb);
            sb.append(i < keys.size() - 1 ? ",\n" : "\n");
        }
        indent(depth, sb);
        sb.append('}');
    }

    private static void writeArray(JsonNode node, int depth, StringBuilder sb) {
        if (node.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append("[\n");
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            indent(depth + 1, sb);
            write(it.next(), depth + 1, sb);
            sb.append(it.hasNext() ? ",\n" : "\n");
        }
        indent(depth, sb);
        sb.append(']');
    }

    private static void indent(int depth, StringBuilder sb) {
        sb.append("  ".repeat(depth));
    }

    static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    // A lone surrogate has no UTF-8 encoding, so it must stay an escape to survive the file.
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    /** True when {@code s} holds a surrogate without its partner, which no UTF-8 name can. */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isLoneSurrogate(s, i)) {
                return true;
            }
        }
        return false;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
