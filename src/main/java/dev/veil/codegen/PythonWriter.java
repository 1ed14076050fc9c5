package dev.veil.codegen;

/**
 * Writes Python source: owns indentation and string literals. Every literal is pure ASCII —
 * quotes, backslashes, control characters, U+2028 and anything non-ASCII are escaped — so no
 * attribute name can end a string, a comment or a line.
 */
final class PythonWriter {
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
