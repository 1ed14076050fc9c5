package dev.veil.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        if (text.isEmpty()) {
            out.append('\n');
            return this;
        }
        String[] physical = text.split("\n", -1);
        for (int i = 0; i < physical.length; i++) {
            String line = (i == 0 ? "    ".repeat(indent) : "") + physical[i];
            out.append(line).append(line.length() > MAX_LINE ? UNBREAKABLE : "").append('\n');
        }
        return this;
    }

    /**
     * Marks a line that a name too long for 79 columns keeps long (a table's attribute names are
     * the policy's, up to 64 KB): PEP 8's checker then lets that one line pass, and every other
     * line of the module is still held to 79 columns.
     */
    static final String UNBREAKABLE = "  # noqa: E501";

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

    /** A Python value the writer lays out within 79 columns: a tuple, a dict with string keys, or text as it is. */
    sealed interface Value permits Atom, Tuple, Dict {
    }

    /** Python text written as it is: a literal the writer made, {@code None}, {@code {}}. */
    record Atom(String text) implements Value {
    }

    /** A tuple: on one line when it fits, else one element per line. */
    record Tuple(List<Value> elements) implements Value {
    }

    /** A dict display with string keys, one entry per line; at least one entry. */
    record Dict(List<Map.Entry<String, Value>> entries) implements Value {
    }

    /** {@code prefix}, the value and {@code suffix}, starting at the current indentation. */
    PythonWriter value(String prefix, Value value, String suffix) {
        return line(prefix + fit(value, indent, 4 * indent + prefix.length(), suffix.length()) + suffix);
    }

    /**
     * The value at indentation {@code depth}: a tuple on one line (the dicts inside it open and
     * close on its lines) when its first line, after {@code prefix} columns, and its last, before
     * {@code suffix} columns, fit in 79 columns; else one element per line.
     */
    private static String fit(Value value, int depth, int prefix, int suffix) {
        if (!(value instanceof Tuple tuple)) {
            return inline(value, depth);
        }
        String compact = inline(tuple, depth);
        int firstBreak = compact.indexOf('\n');
        int first = prefix + (firstBreak < 0 ? compact.length() : firstBreak);
        int last = compact.length() - compact.lastIndexOf('\n') - 1 + suffix + (firstBreak < 0 ? prefix : 0);
        if (first <= MAX_LINE && last <= MAX_LINE) {
            return compact;
        }
        String pad = "    ".repeat(depth + 1);
        StringBuilder sb = new StringBuilder("(\n");
        for (Value element : tuple.elements()) {
            sb.append(pad).append(fit(element, depth + 1, pad.length(), 1)).append(",\n");
        }
        return sb.append("    ".repeat(depth)).append(')').toString();
    }

    private static String inline(Value value, int depth) {
        if (value instanceof Atom atom) {
            return atom.text();
        }
        if (value instanceof Tuple tuple) {
            return "(" + String.join(", ", tuple.elements().stream().map(e -> inline(e, depth)).toList()) + ")";
        }
        String pad = "    ".repeat(depth + 1);
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, Value> e : ((Dict) value).entries()) {
            String key = pad + literal(e.getKey()) + ": ";
            entries.add(key + fit(e.getValue(), depth + 1, key.length(), 1) + ",");
        }
        return "{\n" + String.join("\n", entries) + "\n" + "    ".repeat(depth) + "}";
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
