package dev.veil.codegen;

/**
 * String literals for TypeScript: double-quoted, pure ASCII (quotes, backslashes, control
 * characters, U+2028/2029 and anything non-ASCII escaped), so no attribute name can end a string,
 * open a template or break a line.
 */
final class TypeScriptWriter {

    private TypeScriptWriter() {
    }

    static String literal(String s) {
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
                    if (c >= 0x20 && c < 0x7f) {
                        sb.append(c);
                    } else {
                        sb.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
