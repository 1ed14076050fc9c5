package dev.veil.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an attribute lives inside an item: a top-level name followed by map keys and
 * list-element steps. Written as segments joined by {@code .}, with {@code []} for
 * "every element of a list": {@code address.city}, {@code orders[].total}. A name made
 * only of {@code A-Z a-z 0-9 _ -} is written bare, any other as a JSON string literal
 * ({@code "weird.name"."x y"}), so printing and {@link #parse parsing} round-trip for
 * every possible name.
 */
public record AttributePath(List<Segment> segments) implements Comparable<AttributePath> {

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_-]+");

    /** One step of a path. */
    public sealed interface Segment permits Name, Elements {
    }

    /** A map key or top-level attribute name. */
    public record Name(String name) implements Segment {
        public Name {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Every element of a list. */
    public record Elements() implements Segment {
    }

    private static final Elements ELEMENTS = new Elements();

    public AttributePath {
        segments = List.copyOf(segments);
        if (segments.isEmpty() || !(segments.get(0) instanceof Name)) {
            throw new IllegalArgumentException("a path starts with an attribute name");
        }
    }

    /** The path of a top-level attribute. */
    public static AttributePath of(String topLevelName) {
        return new AttributePath(List.of(new Name(topLevelName)));
    }

    /** A path made of names only: {@code of("address", "city")} is {@code address.city}. */
    public static AttributePath of(String first, String... more) {
        List<Segment> segs = new ArrayList<>();
        segs.add(new Name(first));
        for (String m : more) {
            segs.add(new Name(m));
        }
        return new AttributePath(segs);
    }

    /** This path followed by a map key. */
    public AttributePath child(String name) {
        List<Segment> segs = new ArrayList<>(segments);
        segs.add(new Name(name));
        return new AttributePath(segs);
    }

    /** This path followed by {@code []}: every element of the list at this path. */
    public AttributePath elements() {
        List<Segment> segs = new ArrayList<>(segments);
        segs.add(ELEMENTS);
        return new AttributePath(segs);
    }

    /** The path one step up, empty for a top-level attribute. */
    public Optional<AttributePath> parent() {
        return segments.size() == 1 ? Optional.empty()
                : Optional.of(new AttributePath(segments.subList(0, segments.size() - 1)));
    }

    /** Every proper ancestor, outermost first. */
    public List<AttributePath> ancestors() {
        List<AttributePath> out = new ArrayList<>();
        for (int i = 1; i < segments.size(); i++) {
            out.add(new AttributePath(segments.subList(0, i)));
        }
        return out;
    }

    /** True when {@code other} is this path or lies beneath it. */
    public boolean contains(AttributePath other) {
        return other.segments.size() >= segments.size()
                && other.segments.subList(0, segments.size()).equals(segments);
    }

    /** The top-level attribute name. */
    public String topLevelName() {
        return ((Name) segments.get(0)).name();
    }

    /** True for a top-level attribute. */
    public boolean isTopLevel() {
        return segments.size() == 1;
    }

    /** The last name in the path ({@code total} for {@code orders[].total}). */
    public String lastName() {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (segments.get(i) instanceof Name n) {
                return n.name();
            }
        }
        throw new IllegalStateException("unreachable: a path starts with a name");
    }

    /** True when the last step is {@code []}. */
    public boolean endsWithElements() {
        return segments.get(segments.size() - 1) instanceof Elements;
    }

    /** Nesting depth: 1 for a top-level attribute, +1 per map key or list step. */
    public int depth() {
        return segments.size();
    }

    /** The names along the path, skipping list steps. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (Segment s : segments) {
            if (s instanceof Name n) {
                out.add(n.name());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Segment s : segments) {
            if (s instanceof Name n) {
                if (!first) {
                    sb.append('.');
                }
                sb.append(formatName(n.name()));
            } else {
                sb.append("[]");
            }
            first = false;
        }
        return sb.toString();
    }

    /** Paths sort by their segments: a parent before its children, names in code-point order. */
    @Override
    public int compareTo(AttributePath o) {
        int n = Math.min(segments.size(), o.segments.size());
        for (int i = 0; i < n; i++) {
            int c = compareSegments(segments.get(i), o.segments.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(segments.size(), o.segments.size());
    }

    private static int compareSegments(Segment a, Segment b) {
        if (a instanceof Elements) {
            return b instanceof Elements ? 0 : -1;
        }
        if (b instanceof Elements) {
            return 1;
        }
        return ((Name) a).name().compareTo(((Name) b).name());
    }

    /** Writes one name as it appears in a path: bare where it can, else a JSON string. */
    public static String formatName(String name) {
        return BARE.matcher(name).matches() ? name : jsonQuote(name);
    }

    /** Parses a path, accepting bare and quoted names; throws {@link PathSyntaxException}. */
    public static AttributePath parse(String text) {
        return new Parser(text).parse();
    }

    /** Like {@link #parse} but returns empty instead of throwing. */
    public static Optional<AttributePath> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (PathSyntaxException e) {
            return Optional.empty();
        }
    }

    /** A JSON string literal for {@code s}; control characters, U+2028/9 and lone surrogates escaped. */
    static String jsonQuote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || isLoneSurrogate(s, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    /** Recursive-descent parser over the path grammar: name ('[]')* ('.' name ('[]')*)*. */
    private static final class Parser {
        private final String in;
        private int pos;

        Parser(String in) {
            this.in = Objects.requireNonNull(in, "path");
        }

        AttributePath parse() {
            if (in.isEmpty()) {
                throw error("the path is empty");
            }
            List<Segment> segs = new ArrayList<>();
            segs.add(new Name(name()));
            while (pos < in.length()) {
                char c = in.charAt(pos);
                if (c == '[') {
                    expect("[]");
                    segs.add(ELEMENTS);
                } else if (c == '.') {
                    pos++;
                    segs.add(new Name(name()));
                } else {
                    throw error("expected '.' or '[]' but found " + describe(c));
                }
            }
            return new AttributePath(segs);
        }

        private String name() {
            if (pos >= in.length()) {
                throw error("expected a name but the path ended");
            }
            char c = in.charAt(pos);
            if (c == '"') {
                return quoted();
            }
            int start = pos;
            while (pos < in.length() && isBare(in.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error(c == '['
                        ? "'[]' must follow a name"
                        : "expected a name but found " + describe(c) + "; quote such names as JSON strings");
            }
            return in.substring(start, pos);
        }

        private String quoted() {
            int open = pos++;
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (pos >= in.length()) {
                    pos = open;
                    throw error("unterminated quoted name");
                }
                char c = in.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    sb.append(escape());
                } else if (c < 0x20) {
                    pos--;
                    throw error("control character inside a quoted name; write it as \\u" + String.format("%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }

        private char escape() {
            if (pos >= in.length()) {
                throw error("unterminated escape");
            }
            char e = in.charAt(pos++);
            return switch (e) {
                case '"' -> '"';
                case '\\' -> '\\';
                case '/' -> '/';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> unicode();
                default -> {
                    pos--;
                    throw error("unknown escape \\" + e);
                }
            };
        }

        private char unicode() {
            if (pos + 4 > in.length()) {
                throw error("\\u needs four hex digits");
            }
            String hex = in.substring(pos, pos + 4);
            for (char h : hex.toCharArray()) {
                if (Character.digit(h, 16) < 0) {
                    throw error("\\u needs four hex digits, found " + hex);
                }
            }
            pos += 4;
            return (char) Integer.parseInt(hex, 16);
        }

        private void expect(String token) {
            if (!in.startsWith(token, pos)) {
                throw error("expected '" + token + "'");
            }
            pos += token.length();
        }

        private static boolean isBare(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
        }

        private static String describe(char c) {
            return c < 0x20 ? String.format("control character U+%04X", (int) c) : "'" + c + "'";
        }

        private PathSyntaxException error(String problem) {
            return new PathSyntaxException(in, pos + 1, problem);
        }
    }
}
