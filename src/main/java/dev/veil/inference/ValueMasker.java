package dev.veil.inference;

import dev.veil.model.DynamoValue;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Reduces a value to its shape so that it can be shown and stored without revealing it.
 *
 * <ul>
 *   <li>Strings: every letter (and combining mark) becomes {@code a}, or {@code A} when upper or
 *       title case; every digit or other numeric character becomes {@code 9}; whitespace becomes a
 *       space; control, format, private-use, unassigned and lone surrogate characters become
 *       {@code ?}; punctuation and symbols stay as they are ({@code Jane.Doe+1@mail.com} →
 *       {@code Aaaa.Aaa+9@aaaa.aaa}). The empty string is {@code <empty>}.</li>
 *   <li>Numbers: digits become {@code 9}; sign, point and exponent stay ({@code -12.5E+3} →
 *       {@code -99.9E+9}).</li>
 *   <li>A mask longer than {@value #MAX_SHOWN} characters keeps its first {@value #MAX_SHOWN} and
 *       then says how long the value was: {@code aaaa…(120 chars)}; lengths count code points.</li>
 *   <li>Binary: {@code <binary 123 bytes>}; booleans and null as they are ({@code true},
 *       {@code null}): they cannot hold a secret.</li>
 *   <li>Maps and lists: their size only ({@code {3 keys}}, {@code [2 elements]}); their contents are
 *       profiled at their own paths.</li>
 *   <li>Sets: the masks of up to three elements, then how many more ({@code {aaa, aaaa, …+5}}).</li>
 * </ul>
 *
 * A mask therefore holds no letter or digit of the value: only the letters {@code a A E} and
 * the digit {@code 9} of the shape, and digits in the length notes it adds.
 */
public final class ValueMasker {

    /** How many characters of a mask are shown before it is cut. */
    public static final int MAX_SHOWN = 24;

    private static final int SET_ELEMENTS_SHOWN = 3;
    private static final String EMPTY = "<empty>";
    private static final int EMPTY_HASH = EMPTY.hashCode();
    private static final String CHARS_NOTE_END = " chars)";
    // maskCodePoint of every ASCII character, for texts and for numbers: most values are ASCII,
    // and a table look-up is what Character.getType would answer, without asking it.
    private static final char[] ASCII_TEXT = asciiTable(false);
    private static final char[] ASCII_NUMBER = asciiTable(true);

    private ValueMasker() {
    }

    /** The shape of {@code value}; never any of its letters or digits. */
    public static String mask(DynamoValue value) {
        if (value instanceof DynamoValue.S s) {
            return maskText(s.value());
        } else if (value instanceof DynamoValue.N n) {
            return maskNumber(n.value());
        } else if (value instanceof DynamoValue.B b) {
            return binary(b.value().length());
        } else if (value instanceof DynamoValue.Bool b) {
            return Boolean.toString(b.value());
        } else if (value instanceof DynamoValue.Null) {
            return "null";
        } else if (value instanceof DynamoValue.M m) {
            int n = m.value().size();
            return "{" + n + (n == 1 ? " key}" : " keys}");
        } else if (value instanceof DynamoValue.L l) {
            int n = l.value().size();
            return "[" + n + (n == 1 ? " element]" : " elements]");
        } else if (value instanceof DynamoValue.SS ss) {
            return set(ss.value(), ValueMasker::maskText);
        } else if (value instanceof DynamoValue.NS ns) {
            return set(ns.value(), ValueMasker::maskNumber);
        } else if (value instanceof DynamoValue.BS bs) {
            return set(bs.value().stream().map(b -> binary(b.length())).toList(), UnaryOperator.identity());
        }
        throw new IllegalStateException("unreachable: DynamoValue is sealed, got " + value.type());
    }

    /** The shape of a string (see the class description). */
    public static String maskText(String text) {
        return text.isEmpty() ? EMPTY : maskChars(text, false);
    }

    /** The shape of a number's text: digits become {@code 9}, sign, point and exponent stay. */
    public static String maskNumber(String text) {
        return text.isEmpty() ? EMPTY : maskChars(text, true);
    }

    /**
     * {@code maskText(text).hashCode()} (or {@code maskNumber} when {@code number}), computed
     * without building the mask: the profiler keys its examples by this hash and builds a mask
     * only when it might be kept.
     */
    static int maskHash(String text, boolean number) {
        if (text.isEmpty()) {
            return EMPTY_HASH;
        }
        char[] ascii = number ? ASCII_NUMBER : ASCII_TEXT;
        int h = 0;
        int total = 0;
        int i = 0;
        int n = text.length();
        while (i < n && total < MAX_SHOWN) {
            char c = text.charAt(i);
            if (c < ascii.length) {
                h = 31 * h + ascii[c];
                i++;
            } else {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                int masked = maskCodePoint(cp, number);
                if (Character.isBmpCodePoint(masked)) {
                    h = 31 * h + masked;
                } else {
                    h = 31 * (31 * h + Character.highSurrogate(masked)) + Character.lowSurrogate(masked);
                }
            }
            total++;
        }
        if (i < n) {
            total += text.codePointCount(i, n); // past what is shown, only the length counts
        }
        if (total > MAX_SHOWN) {
            h = hashOn(h, "…(");
            h = hashOn(h, Integer.toString(total));
            h = hashOn(h, " chars)");
        }
        return h;
    }

    private static int hashOn(int h, String more) {
        for (int i = 0; i < more.length(); i++) {
            h = 31 * h + more.charAt(i);
        }
        return h;
    }

    /**
     * {@code mask.equals(maskText(text))} (or {@code maskNumber} when {@code number}), mostly
     * without building the mask: a path keeps seeing values of a shape it already holds.
     */
    static boolean isMaskOf(String mask, String text, boolean number) {
        int n = text.length();
        int shown = Math.min(n, MAX_SHOWN);
        if (n == 0 || mask.length() < shown) {
            return mask.equals(number ? maskNumber(text) : maskText(text));
        }
        char[] ascii = number ? ASCII_NUMBER : ASCII_TEXT;
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (c >= ascii.length) {
                return mask.equals(number ? maskNumber(text) : maskText(text));
            }
            if (mask.charAt(i) != ascii[c]) {
                return false;
            }
        }
        if (n <= MAX_SHOWN) {
            return mask.length() == n;
        }
        // the rest must be "…(" + total + " chars)", total never below 25, so no leading zero
        int total = MAX_SHOWN + text.codePointCount(MAX_SHOWN, n);
        int from = MAX_SHOWN + 2;
        int end = mask.length() - CHARS_NOTE_END.length();
        if (end <= from || !mask.startsWith("…(", MAX_SHOWN) || !mask.startsWith(CHARS_NOTE_END, end)
                || mask.charAt(from) == '0' || end - from > 10) {
            return false;
        }
        long written = 0;
        for (int i = from; i < end; i++) {
            char c = mask.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            written = written * 10 + (c - '0');
        }
        return written == total;
    }

    private static String maskChars(String text, boolean number) {
        char[] ascii = number ? ASCII_NUMBER : ASCII_TEXT;
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX_SHOWN + 16));
        int shown = 0;
        int i = 0;
        int n = text.length();
        while (i < n && shown < MAX_SHOWN) {
            char c = text.charAt(i);
            if (c < ascii.length) {
                sb.append(ascii[c]);
                i++;
            } else {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                sb.appendCodePoint(maskCodePoint(cp, number));
            }
            shown++;
        }
        int total = shown + (i < n ? text.codePointCount(i, n) : 0);
        if (total > MAX_SHOWN) {
            sb.append("…(").append(total).append(" chars)");
        }
        return sb.toString();
    }

    private static char[] asciiTable(boolean number) {
        char[] table = new char[128];
        for (int c = 0; c < table.length; c++) {
            table[c] = (char) maskCodePoint(c, number);
        }
        return table;
    }

    private static int maskCodePoint(int cp, boolean number) {
        if (number && (cp == 'e' || cp == 'E')) {
            return 'E';
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.TITLECASE_LETTER -> 'A';
            case Character.LOWERCASE_LETTER, Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK -> 'a';
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> '9';
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> ' ';
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                    Character.UNASSIGNED -> Character.isWhitespace(cp) ? ' ' : '?';
            // Punctuation and symbols carry the shape (@ . - / :) and say nothing secret.
            default -> cp;
        };
    }

    private static String binary(int bytes) {
        return "<binary " + bytes + (bytes == 1 ? " byte>" : " bytes>");
    }

    private static String set(List<String> elements, UnaryOperator<String> maskElement) {
        StringBuilder sb = new StringBuilder("{");
        int shown = Math.min(elements.size(), SET_ELEMENTS_SHOWN);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(maskElement.apply(elements.get(i)));
        }
        if (elements.size() > shown) {
            sb.append(", …+").append(elements.size() - shown);
        }
        return sb.append('}').toString();
    }
}
