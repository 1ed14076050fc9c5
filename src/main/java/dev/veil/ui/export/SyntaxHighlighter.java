package dev.veil.ui.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits generated source into spans for colouring: comments, strings, numbers, keywords and
 * annotations. A lexer good enough for reading Veil's own output (Java, Python, TypeScript, JSON),
 * not a parser; text it does not recognise is plain.
 */
public final class SyntaxHighlighter {

    /** What a span of text is. */
    public enum Kind {
        PLAIN, KEYWORD, STRING, COMMENT, NUMBER, ANNOTATION;

        /** The CSS class of the kind, styled in app.css. */
        public String styleClass() {
            return "veil-syn-" + name().toLowerCase(Locale.ROOT);
        }
    }

    /** A run of text of one kind. */
    public record Span(String text, Kind kind) {
        public Span {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** The languages Veil emits, chosen by file name. */
    public enum Syntax {
        JAVA(Set.of("package", "import", "public", "private", "protected", "static", "final", "class", "interface",
                "record", "enum", "return", "if", "else", "for", "while", "new", "null", "true", "false", "void",
                "this", "extends", "implements", "throw", "throws", "try", "catch", "switch", "case", "default",
                "var", "boolean", "int", "long", "double", "String"), "//", true),
        PYTHON(Set.of("def", "return", "if", "elif", "else", "for", "in", "not", "and", "or", "is", "None", "True",
                "False", "import", "from", "as", "class", "while", "try", "except", "raise", "with", "lambda",
                "pass", "yield"), "#", false),
        TYPESCRIPT(Set.of("export", "import", "from", "const", "let", "function", "return", "if", "else", "for",
                "of", "in", "type", "interface", "null", "undefined", "true", "false", "new", "typeof", "as",
                "readonly", "string", "number", "boolean", "unknown", "Record"), "//", true),
        JSON(Set.of("true", "false", "null"), "", false),
        TEXT(Set.of(), "", false);

        private final Set<String> keywords;
        private final String lineComment;
        private final boolean blockComments;

        Syntax(Set<String> keywords, String lineComment, boolean blockComments) {
            this.keywords = keywords;
            this.lineComment = lineComment;
            this.blockComments = blockComments;
        }

        /** The language of a file by its extension; plain text when unknown. */
        public static Syntax ofFile(String fileName) {
            String n = fileName.toLowerCase(Locale.ROOT);
            if (n.endsWith(".java")) {
                return JAVA;
            }
            if (n.endsWith(".py")) {
                return PYTHON;
            }
            if (n.endsWith(".ts") || n.endsWith(".js")) {
                return TYPESCRIPT;
            }
            return n.endsWith(".json") ? JSON : TEXT;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("\\d[\\d_]*(\\.\\d+)?([eE][+-]?\\d+)?[lLdDfF]?");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private SyntaxHighlighter() {
    }

    /** The spans of {@code source}; concatenated, their texts give back {@code source}. */
    public static List<Span> highlight(String source, Syntax language) {
        List<Span> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            int end = tokenEnd(source, i, language);
            if (end < 0) {
                plain.append(source.charAt(i++));
                continue;
            }
            Kind kind = kindAt(source, i, end, language);
            if (kind == Kind.PLAIN) {
                plain.append(source, i, end);
            } else {
                flush(plain, out);
                out.add(new Span(source.substring(i, end), kind));
            }
            i = end;
        }
        flush(plain, out);
        return out;
    }

    /** End of the token starting at {@code i}, or -1 when the character is plain punctuation. */
    private static int tokenEnd(String s, int i, Syntax lang) {
        char c = s.charAt(i);
        if (!lang.lineComment.isEmpty() && s.startsWith(lang.lineComment, i)) {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? s.length() : nl;
        }
        if (lang.blockComments && s.startsWith("/*", i)) {
            int close = s.indexOf("*/", i + 2);
            return close < 0 ? s.length() : close + 2;
        }
        if (lang == Syntax.PYTHON && (s.startsWith("\"\"\"", i) || s.startsWith("'''", i))) {
            int close = s.indexOf(s.substring(i, i + 3), i + 3);
            return close < 0 ? s.length() : close + 3;
        }
        if (c == '"' || c == '\'' || (c == '`' && lang == Syntax.TYPESCRIPT)) {
            return stringEnd(s, i, c);
        }
        if ((c == '@') && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1))) {
            Matcher m = WORD.matcher(s).region(i + 1, s.length());
            return m.lookingAt() ? m.end() : -1;
        }
        Matcher word = WORD.matcher(s).region(i, s.length());
        if (word.lookingAt()) {
            return word.end();
        }
        Matcher num = NUMBER.matcher(s).region(i, s.length());
        return num.lookingAt() ? num.end() : -1;
    }

    private static int stringEnd(String s, int i, char quote) {
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == quote) {
                return j + 1;
            } else if (c == '\n' && quote != '`') {
                return j;
            }
        }
        return s.length();
    }

    private static Kind kindAt(String s, int start, int end, Syntax lang) {
        char c = s.charAt(start);
        String text = s.substring(start, end);
        if ((!lang.lineComment.isEmpty() && text.startsWith(lang.lineComment)) || text.startsWith("/*")
                || (lang == Syntax.PYTHON && (text.startsWith("\"\"\"") || text.startsWith("'''"))
                && isDocstring(s, start))) {
            return Kind.COMMENT;
        }
        if (c == '"' || c == '\'' || c == '`') {
            return Kind.STRING;
        }
        if (c == '@') {
            return Kind.ANNOTATION;
        }
        if (Character.isDigit(c)) {
            return isWordBoundary(s, start) ? Kind.NUMBER : Kind.PLAIN;
        }
        return lang.keywords.contains(text) ? Kind.KEYWORD : Kind.PLAIN;
    }

    /** A triple-quoted string standing alone on its line reads as documentation. */
    private static boolean isDocstring(String s, int start) {
        int lineStart = s.lastIndexOf('\n', start - 1) + 1;
        return s.substring(lineStart, start).isBlank();
    }

    private static boolean isWordBoundary(String s, int start) {
        return start == 0 || !Character.isLetterOrDigit(s.charAt(start - 1)) && s.charAt(start - 1) != '_';
    }

    private static void flush(StringBuilder plain, List<Span> out) {
        if (plain.length() > 0) {
            out.add(new Span(plain.toString(), Kind.PLAIN));
            plain.setLength(0);
        }
    }
}
