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

    /** The runtime's sections, read once: they are the same for every policy. */
    private static final RuntimeText RUNTIME = RuntimeText.load("veil_runtime.py", "# veil: ");

    private final StringBuilder out = new StringBuilder();
    private int indent;

    PythonWriter line(String text) {
        if (!text.isEmpty()) {
            out.append("    ".repeat(indent)).append(text);
        }
        out.append('\n');
        return this;
    }

    /** An empty line. */
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

    /**
     * The module docstring: the header (backslashes and triple quotes escaped, so no name can end
     * it), then the runtime's usage text, which closes the docstring and imports what the runtime
     * needs.
     */
    PythonWriter moduleHeader(String header) {
        line("\"\"\"" + header.replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\"").stripTrailing());
        out.append(RUNTIME.section("usage"));
        return blank();
    }

    /** A {@code #} comment, one line of it per line of {@code text}. */
    PythonWriter comment(String text) {
        text.lines().forEach(l -> line(l.isEmpty() ? "#" : "# " + l));
        return this;
    }

    /**
     * The fixed runtime after the policy's tables: rule compilation, sanitize and is_owner, the
     * filter, the projection choice and the safe helpers of a table of one kind or of one with
     * entities (whose helpers skip the items sanitize drops whole), two blank lines apart.
     */
    PythonWriter runtime(boolean entities) {
        String helpers = RUNTIME.section("helpers");
        List<String> sections = entities
                ? List.of(RUNTIME.section("compile"), RUNTIME.section("sanitize-entities"), RUNTIME.section("filter"),
                        RUNTIME.section("views-entities"), skippingDroppedItems(helpers))
                : List.of(RUNTIME.section("compile"), RUNTIME.section("sanitize-one-kind"), RUNTIME.section("filter"),
                        RUNTIME.section("views-one-kind"), helpers);
        out.append(String.join("\n\n", sections));
        return this;
    }

    /** The helpers of a table with entities: sanitize may drop an item whole, and the helpers skip it. */
    private static String skippingDroppedItems(String helpers) {
        String skip = "            kept = sanitize(item, requester_id)\n"
                + "            if kept is not None:\n"
                + "                yield kept\n";
        return RuntimeText.replaced(RuntimeText.replaced(helpers, "            yield sanitize(item, requester_id)\n", skip),
                "    None when there is no such item.\n",
                "    None when there is no such item, or it matches no entity or several.\n");
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
