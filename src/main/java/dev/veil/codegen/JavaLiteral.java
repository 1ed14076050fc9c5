package dev.veil.codegen;

/**
 * Java string literals that survive any attribute name, and Javadoc bodies that no text can close.
 * JavaPoet's {@code $S} writes U+2028 raw, which its own line handling then breaks; this writer
 * emits pure ASCII instead: octal escapes for control characters and {@code \\uXXXX} for
 * everything outside ASCII (safe, because no such escape can produce a quote, a backslash or a
 * line break before the lexer runs).
 */
final class JavaLiteral {

    private JavaLiteral() {
    }

    /** A class file holds a string constant of at most 65,535 bytes of modified UTF-8. */
    static final int MAX_CONSTANT_BYTES = 65_535;
    /** Chars per piece of a longer string: at most 3 bytes each in modified UTF-8. */
    private static final int PIECE_CHARS = MAX_CONSTANT_BYTES / 3;

    /**
     * A Java expression for {@code s}: one literal, or for a string too long for one class-file
     * constant (an attribute name may be 64 KB of UTF-8) a join of literals that javac does not fold.
     */
    static String of(String s) {
        if (constantBytes(s) <= MAX_CONSTANT_BYTES) {
            return literal(s);
        }
        StringBuilder sb = new StringBuilder("String.join(\"\"");
        for (int i = 0; i < s.length(); i += PIECE_CHARS) {
            sb.append(", ").append(literal(s.substring(i, Math.min(s.length(), i + PIECE_CHARS))));
        }
        return sb.append(')').toString();
    }

    /**
     * {@code text} as a Javadoc body for JavaPoet: {@code *}{@code /} cannot close the comment and
     * {@code $} is not read as a JavaPoet placeholder.
     */
    static String javadoc(String text) {
        return text.replace("*/", "*&#47;").replace("$", "$$");
    }

    static int constantBytes(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes;
    }

    private static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\%03o", (int) c));
                    } else if (c >= 0x80) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
