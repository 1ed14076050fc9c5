package dev.veil.codegen;

/**
 * Attribute and table names inside generated comments: reduced to printable ASCII so no name can
 * end a comment, start a new line of code, or smuggle a bidirectional-override character.
 */
final class AttributeText {

    private AttributeText() {
    }

    /**
     * {@code 'users'}, with anything outside printable ASCII, quotes and comment characters written as
     * {@code <U+XXXX>} (never a backslash escape: javac reads {@code \\u} escapes even inside comments).
     */
    static String quoted(String name) {
        StringBuilder sb = new StringBuilder("'");
        name.chars().forEach(c -> {
            if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\' && c != '*' && c != '/' && c != '$' && c != '@') {
                sb.append((char) c);
            } else {
                sb.append(String.format("<U+%04X>", c));
            }
        });
        return sb.append('\'').toString();
    }
}
