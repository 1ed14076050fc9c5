package dev.veil.inference.detect;

/**
 * Session-token-shaped strings: 20 to 512 characters from the URL-safe/base64 alphabet, no
 * spaces, letters and digits both present, and statistics of random text rather than words:
 * <ul>
 *   <li>the character class (upper, lower, digit) switches on at least 35% of adjacent pairs
 *       (random alphanumerics: about 60%);</li>
 *   <li>vowels make up under 35% of letters (random: about 19%, English words: about 38%);</li>
 *   <li>in mixed case, upper case makes up 30..70% of letters (camelCase words: about 20%);
 *       in one case, digits make up at least 15% of characters.</li>
 * </ul>
 * Hex strings and UUIDs are left to {@link DigestDetector}. Random identifiers share this
 * shape, so it is {@link #shapeOnly()}.
 */
public final class RandomTokenDetector extends BaseDetector {

    public static final String ID = "random-token";

    /** The punctuation a token may hold; it separates runs of letters and digits. */
    private static final String PUNCTUATION = "-_.+/=~";
    /** 0 upper, 1 lower, 2 digit, 3 allowed punctuation, -1 anything else, for ASCII. */
    private static final byte[] KINDS = kinds();

    public RandomTokenDetector() {
        super(ID, "random token strings", Leaning.SECRET, 0.55);
    }

    @Override
    public boolean shapeOnly() {
        return true;
    }

    @Override
    public ShapeFilter shape() {
        return ShapeFilter.lengths(20, 512).requiring(TextShape.DIGIT)
                .requiringOneOf(TextShape.UPPER_OTHER | TextShape.LOWER_OTHER)
                .madeOf(TextShape.ALPHANUMERIC | TextShape.ofEach(PUNCTUATION));
    }

    @Override
    public boolean matches(String value) {
        int n = value.length();
        if (n < 20 || n > 512) {
            return false;
        }
        Counts c = new Counts();
        for (int i = 0; i < n; i++) {
            if (!c.add(value.charAt(i))) {
                return false;
            }
        }
        return c.looksRandom();
    }

    /** Character statistics gathered in one pass. */
    private static final class Counts {
        int upper;
        int lower;
        int digits;
        int vowels;
        int nonHexLetters;
        int pairs;
        int switches;
        int previous = -1;

        /** False when {@code ch} is outside the token alphabet. */
        boolean add(char ch) {
            int kind = kind(ch);
            if (kind < 0) {
                return false;
            }
            if (kind == 3) {
                previous = -1; // punctuation separates runs; it is neither random nor wordy
                return true;
            }
            switch (kind) {
                case 0 -> upper++;
                case 1 -> lower++;
                default -> digits++;
            }
            if (kind < 2) {
                // ch is an ASCII letter here
                char lower = (char) (ch | 0x20);
                if (lower == 'a' || lower == 'e' || lower == 'i' || lower == 'o' || lower == 'u') {
                    vowels++;
                }
                if (lower > 'f') {
                    nonHexLetters++;
                }
            }
            if (previous >= 0) {
                pairs++;
                if (previous != kind) {
                    switches++;
                }
            }
            previous = kind;
            return true;
        }

        boolean looksRandom() {
            int letters = upper + lower;
            if (letters == 0 || digits == 0 || nonHexLetters == 0 || pairs < 16) {
                return false;
            }
            if (switches < 0.35 * pairs || vowels >= 0.35 * letters) {
                return false;
            }
            if (upper > 0 && lower > 0) {
                return upper >= 0.3 * letters && upper <= 0.7 * letters;
            }
            return digits >= 0.15 * (letters + digits);
        }
    }

    private static byte[] kinds() {
        byte[] k = new byte[128];
        for (char c = 0; c < 128; c++) {
            k[c] = (byte) (c >= 'A' && c <= 'Z' ? 0 : c >= 'a' && c <= 'z' ? 1 : c >= '0' && c <= '9' ? 2
                    : PUNCTUATION.indexOf(c) >= 0 ? 3 : -1);
        }
        return k;
    }

    private static int kind(char c) {
        return c < 128 ? KINDS[c] : -1;
    }
}
