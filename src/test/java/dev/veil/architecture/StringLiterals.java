package dev.veil.architecture;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals and text blocks of a Java source file, as written (escapes left as they
 * are), with comments and character literals skipped: what a rule about code text inside Java
 * strings has to read.
 */
final class StringLiterals {

    private StringLiterals() {
    }

    /** Each literal's lines: a text block's lines, or an ordinary literal split at its {@code \n} escapes. */
    static List<String> lines(String source) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = endOf(source, "\n", i);
            } else if (source.startsWith("/*", i)) {
                i = endOf(source, "*/", i + 2);
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                out.addAll(List.of(source.substring(i + 3, end).split("\n", -1)));
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    out.addAll(List.of(source.substring(i + 1, Math.min(j, n)).split("\\\\n", -1)));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int endOf(String source, String end, int from) {
        int at = source.indexOf(end, from);
        return at < 0 ? source.length() : at + end.length();
    }
}
