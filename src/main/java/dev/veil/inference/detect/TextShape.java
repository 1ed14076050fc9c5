package dev.veil.inference.detect;

/**
 * Which kinds of character a text holds, as one {@code long} of class bits computed in a single
 * pass. Each ASCII punctuation character and the space has a bit of its own; letters are split
 * into hex and non-hex, upper and lower; digits, control characters and everything beyond ASCII
 * have one bit each. {@link ShapeFilter}s test these bits so that a detector whose precondition a
 * value cannot meet is skipped without being called.
 */
public final class TextShape {

    private static final String PUNCTUATION = " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /** The digits 0-9. */
    public static final long DIGIT = 1L << 33;
    /** A-F. */
    public static final long UPPER_HEX = 1L << 34;
    /** G-Z. */
    public static final long UPPER_OTHER = 1L << 35;
    /** a-f. */
    public static final long LOWER_HEX = 1L << 36;
    /** g-z. */
    public static final long LOWER_OTHER = 1L << 37;
    /** ASCII control characters (below the space, and DEL). */
    public static final long CONTROL = 1L << 38;
    /** Any character beyond ASCII. */
    public static final long NON_ASCII = 1L << 39;
    /** A-Z. */
    public static final long UPPER = UPPER_HEX | UPPER_OTHER;
    /** a-z. */
    public static final long LOWER = LOWER_HEX | LOWER_OTHER;
    /** ASCII letters and digits. */
    public static final long ALPHANUMERIC = UPPER | LOWER | DIGIT;
    /** Every class. */
    public static final long ANY = (1L << 40) - 1;

    private static final long[] ASCII = ascii();

    private TextShape() {
    }

    private static long[] ascii() {
        long[] t = new long[128];
        for (int c = 0; c < 128; c++) {
            int p = PUNCTUATION.indexOf(c);
            if (p >= 0) {
                t[c] = 1L << p;
            } else if (c >= '0' && c <= '9') {
                t[c] = DIGIT;
            } else if (c >= 'A' && c <= 'F') {
                t[c] = UPPER_HEX;
            } else if (c >= 'G' && c <= 'Z') {
                t[c] = UPPER_OTHER;
            } else if (c >= 'a' && c <= 'f') {
                t[c] = LOWER_HEX;
            } else if (c >= 'g' && c <= 'z') {
                t[c] = LOWER_OTHER;
            } else {
                t[c] = CONTROL;
            }
        }
        return t;
    }

    /** The class bit of one ASCII punctuation character or the space. */
    public static long of(char punctuation) {
        int p = PUNCTUATION.indexOf(punctuation);
        if (p < 0) {
            throw new IllegalArgumentException("not ASCII punctuation or the space: " + punctuation);
        }
        return 1L << p;
    }

    /** The class bits of each of these ASCII punctuation characters, together. */
    public static long ofEach(String punctuation) {
        long bits = 0;
        for (int i = 0; i < punctuation.length(); i++) {
            bits |= of(punctuation.charAt(i));
        }
        return bits;
    }

    /** The classes of the characters of {@code text}. */
    public static long classes(String text) {
        long bits = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            bits |= c < 128 ? ASCII[c] : NON_ASCII;
        }
        return bits;
    }
}
