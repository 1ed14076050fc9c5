package dev.veil.inference.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * One row's pattern from {@code token-formats.tsv}, compiled: a sequence of literals and
 * character runs ({@code ghp_{Aa9:30}{Aa9:6}}). Matching walks the segments with bounded
 * backtracking, which the short, mostly literal-separated patterns keep linear in practice.
 */
public final class TokenPattern {

    /** A literal or a run of {@code min..max} characters from a set. */
    private record Segment(String literal, boolean[] ascii, boolean anyChar, int min, int max) {
        boolean isLiteral() {
            return literal != null;
        }

        boolean accepts(char c) {
            return anyChar || (c < 128 && ascii[c]);
        }
    }

    private final String source;
    private final Segment[] segments;
    private final String prefix;
    private final int minLength;
    private final int maxLength;

    private TokenPattern(String source, List<Segment> segments) {
        this.source = source;
        this.segments = segments.toArray(new Segment[0]);
        this.prefix = segments.isEmpty() || !segments.get(0).isLiteral() ? "" : segments.get(0).literal();
        int min = 0;
        long max = 0;
        for (Segment s : segments) {
            min += s.isLiteral() ? s.literal().length() : s.min();
            max += s.isLiteral() ? s.literal().length() : s.max();
        }
        this.minLength = min;
        this.maxLength = (int) Math.min(Integer.MAX_VALUE, max);
    }

    /** Compiles {@code pattern}; throws {@link IllegalArgumentException} saying what is wrong. */
    static TokenPattern compile(String pattern) {
        List<Segment> out = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            int close = c == '{' ? pattern.indexOf('}', i) : -1;
            Segment run = close > 0 ? run(pattern.substring(i + 1, close)) : null;
            if (run == null) {
                literal.append(c);
                i++;
                continue;
            }
            if (!literal.isEmpty()) {
                out.add(new Segment(literal.toString(), null, false, 0, 0));
                literal.setLength(0);
            }
            out.add(run);
            i = close + 1;
        }
        if (!literal.isEmpty()) {
            out.add(new Segment(literal.toString(), null, false, 0, 0));
        }
        if (out.stream().noneMatch(s -> !s.isLiteral())) {
            throw new IllegalArgumentException("pattern " + pattern + " has no character run");
        }
        return new TokenPattern(pattern, out);
    }

    /** {@code CLASS:N} or {@code CLASS:MIN-MAX}, or null when the braces hold something else. */
    private static Segment run(String body) {
        int colon = body.lastIndexOf(':');
        if (colon <= 0 || body.indexOf('{') >= 0) {
            return null;
        }
        String counts = body.substring(colon + 1);
        if (!counts.matches("\\d{1,4}(-\\d{1,4})?")) {
            return null;
        }
        int dash = counts.indexOf('-');
        int min = Integer.parseInt(dash < 0 ? counts : counts.substring(0, dash));
        int max = dash < 0 ? min : Integer.parseInt(counts.substring(dash + 1));
        if (max < min) {
            throw new IllegalArgumentException("run {" + body + "} has its bounds reversed");
        }
        boolean[] ascii = new boolean[128];
        boolean any = false;
        for (char c : body.substring(0, colon).toCharArray()) {
            switch (c) {
                case 'A' -> range(ascii, 'A', 'Z');
                case 'a' -> range(ascii, 'a', 'z');
                case '9' -> range(ascii, '0', '9');
                case 'h' -> {
                    range(ascii, '0', '9');
                    range(ascii, 'a', 'f');
                }
                case 'H' -> {
                    range(ascii, '0', '9');
                    range(ascii, 'A', 'F');
                }
                case '*' -> any = true;
                default -> {
                    if (c >= 128) {
                        throw new IllegalArgumentException("run {" + body + "} holds a non-ASCII character");
                    }
                    ascii[c] = true;
                }
            }
        }
        return new Segment(null, ascii, any, min, max);
    }

    private static void range(boolean[] set, char from, char to) {
        for (char c = from; c <= to; c++) {
            set[c] = true;
        }
    }

    /** The literal text every match starts with; empty when the pattern opens with a run. */
    String prefix() {
        return prefix;
    }

    /** The characters that may open a match when {@link #prefix()} is empty. */
    List<Character> openingCharacters() {
        List<Character> out = new ArrayList<>();
        Segment first = segments[0];
        for (char c = 0; c < 128; c++) {
            if (first.accepts(c)) {
                out.add(c);
            }
        }
        return out;
    }

    int minLength() {
        return minLength;
    }

    int maxLength() {
        return maxLength;
    }

    /** True when the whole of {@code value} matches. */
    boolean matches(String value) {
        int n = value.length();
        return n >= minLength && n <= maxLength && match(value, 0, 0);
    }

    private boolean match(String v, int pos, int seg) {
        if (seg == segments.length) {
            return pos == v.length();
        }
        Segment s = segments[seg];
        if (s.isLiteral()) {
            return v.startsWith(s.literal(), pos) && match(v, pos + s.literal().length(), seg + 1);
        }
        int limit = Math.min(v.length(), pos + s.max());
        int end = pos;
        while (end < limit && s.accepts(v.charAt(end))) {
            end++;
        }
        if (seg == segments.length - 1) {
            return end == v.length() && end - pos >= s.min();
        }
        for (int k = end; k >= pos + s.min(); k--) {
            if (match(v, k, seg + 1)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return source;
    }
}
