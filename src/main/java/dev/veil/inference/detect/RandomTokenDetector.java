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
    // The five counts a token's characters keep, packed into one long of FIELD_BITS each: a
    // token has at most 512 characters, so no field overflows into the next.
    private static final int UPPER = 0;
    private static final int LOWER = 1;
    private static final int DIGITS = 2;
    private static final int VOWELS = 3;
    private static final int NON_HEX_LETTERS = 4;
    private static final int FIELD_BITS = 12;
    private static final int FIELD_MASK = (1 << FIELD_BITS) - 1;
    private static final int PUNCTUATION_KIND = 3;
    private static final long KIND_MASK = 3;
    private static final int COUNTS_SHIFT = 2;
    private static final long OUTSIDE = -1;
    private static final long[] ENTRIES = entries();

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
        long counts = 0;
        int pairs = 0;
        int switches = 0;
        int previous = -1;
        for (int i = 0; i < n; i++) {
            char ch = value.charAt(i);
            long entry = ch < 128 ? ENTRIES[ch] : OUTSIDE;
            if (entry == OUTSIDE) {
                return false;
            }
            int kind = (int) (entry & KIND_MASK);
            if (kind == PUNCTUATION_KIND) {
                previous = -1; // punctuation separates runs; it is neither random nor wordy
                continue;
            }
            counts += entry >>> COUNTS_SHIFT;
            if (previous >= 0) {
                pairs++;
                switches += previous != kind ? 1 : 0;
            }
            previous = kind;
        }
        return looksRandom(count(counts, UPPER), count(counts, LOWER), count(counts, DIGITS), count(counts, VOWELS),
                count(counts, NON_HEX_LETTERS), pairs, switches);
    }

    private static boolean looksRandom(int upper, int lower, int digits, int vowels, int nonHexLetters, int pairs,
                                       int switches) {
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

    private static int count(long counts, int field) {
        return (int) (counts >>> (field * FIELD_BITS)) & FIELD_MASK;
    }

    /**
     * Per ASCII character, its kind (0 upper, 1 lower, 2 digit, 3 allowed punctuation) in the low
     * bits and, above them, the one it adds to each count it belongs to, so that one addition
     * per character keeps all five counts. {@link #OUTSIDE} for characters no token holds.
     */
    private static long[] entries() {
        long[] e = new long[128];
        for (char c = 0; c < 128; c++) {
            int kind = c >= 'A' && c <= 'Z' ? 0 : c >= 'a' && c <= 'z' ? 1 : c >= '0' && c <= '9' ? 2
                    : PUNCTUATION.indexOf(c) >= 0 ? PUNCTUATION_KIND : -1;
            if (kind < 0) {
                e[c] = OUTSIDE;
                continue;
            }
            long counts = 0;
            if (kind < PUNCTUATION_KIND) {
                counts += 1L << (FIELD_BITS * (kind == 0 ? UPPER : kind == 1 ? LOWER : DIGITS));
            }
            if (kind < 2) {
                char lower = (char) (c | 0x20);
                counts += "aeiou".indexOf(lower) >= 0 ? 1L << (FIELD_BITS * VOWELS) : 0;
                counts += lower > 'f' ? 1L << (FIELD_BITS * NON_HEX_LETTERS) : 0;
            }
            e[c] = counts << COUNTS_SHIFT | kind;
        }
        return e;
    }
}
