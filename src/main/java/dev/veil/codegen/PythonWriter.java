package dev.veil.codegen;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes Python source: owns indentation and string literals. Every literal is pure ASCII —
 * quotes, backslashes, control characters, U+2028 and anything non-ASCII are escaped — so no
 * attribute name can end a string, a comment or a line.
 */
final class PythonWriter {
    /** PEP 8's line length. */
    static final int MAX_LINE = 79;

    private final StringBuilder out = new StringBuilder();
    private int indent;

    PythonWriter line(String text) {
        if (!text.isEmpty()) {
            out.append("    ".repeat(indent)).append(text);
        }
        out.append('\n');
        return this;
    }

    PythonWriter blank() {
        out.append('\n');
        return this;
    }

    PythonWriter indent() {
        indent++;
        return this;
    }

    PythonWriter dedent() {
        indent--;
        return this;
    }

    /**
     * {@code NAME = "value"}; a value that would run past 79 columns (PEP 8) goes in parentheses
     * as adjacent literals, split after {@code ", "} where it can be.
     */
    PythonWriter assign(String name, String value) {
        String single = name + " = " + literal(value);
        if (single.length() + 4 * indent <= MAX_LINE) {
            return line(single);
        }
        line(name + " = (");
        indent();
        for (String piece : pieces(value, MAX_LINE - 4 * indent - 2)) {
            line(literal(piece));
        }
        dedent();
        return line(")");
    }

    /** {@code "key": "value",} in a dict display, split as {@link #assign} splits. */
    PythonWriter entry(String key, String value) {
        String single = literal(key) + ": " + literal(value) + ",";
        if (single.length() + 4 * indent <= MAX_LINE) {
            return line(single);
        }
        line(literal(key) + ": (");
        indent();
        for (String piece : pieces(value, MAX_LINE - 4 * indent - 2)) {
            line(literal(piece));
        }
        dedent();
        return line("),");
    }

    /** Pieces whose literals hold at most {@code width} characters, cut after ", " where possible. */
    static List<String> pieces(String value, int width) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int length = 0;
        int lastCut = -1;
        int i = 0;
        while (i < value.length()) {
            int cp = value.codePointAt(i);
            int escaped = literal(new String(Character.toChars(cp))).length() - 2;
            if (length + escaped > width && i > start) {
                int end = lastCut > start ? lastCut : i;
                out.add(value.substring(start, end));
                start = end;
                length = literal(value.substring(start, i)).length() - 2;
                lastCut = -1;
            }
            length += escaped;
            i += Character.charCount(cp);
            if (cp == ' ' && i >= 2 && value.charAt(i - 2) == ',') {
                lastCut = i;
            }
        }
        out.add(value.substring(start));
        return out;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** A double-quoted, ASCII-only Python string literal. */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (cp >= 0x20 && cp < 0x7f) {
                        sb.append((char) cp);
                    } else if (cp <= 0xff) {
                        sb.append(String.format("\\x%02x", cp));
                    } else if (cp <= 0xffff) {
                        sb.append(String.format("\\u%04x", cp));
                    } else {
                        sb.append(String.format("\\U%08x", cp));
                    }
                }
            }
        });
        return sb.append('"').toString();
    }
}
