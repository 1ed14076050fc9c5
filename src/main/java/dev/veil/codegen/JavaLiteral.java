package dev.veil.codegen;

/**
 * Java string literals that survive any attribute name. JavaPoet's {@code $S} writes U+2028 raw,
 * which its own line handling then breaks; this writer emits pure ASCII instead: octal escapes
 * for control characters and {@code \\uXXXX} for everything outside ASCII (safe, because no such
 * escape can produce a quote, a backslash or a line break before the lexer runs).
 */
final class JavaLiteral {

    private JavaLiteral() {
    }

    static String of(String s) {
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
