package dev.veil.inference.detect;

import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The checks a credential format may add to its shape (the {@code check} column of
 * {@code token-formats.tsv}), and the placeholder test every format applies.
 */
public enum TokenCheck {
    /** Shape alone. */
    NONE("") {
        @Override
        boolean passes(String value, int prefixLength) {
            return true;
        }
    },
    /** GitHub and npm: the last 6 characters are the base62 CRC32 of the random part before them. */
    CRC32_BASE62("crc32-base62") {
        @Override
        boolean passes(String value, int prefixLength) {
            int n = value.length();
            if (n - prefixLength <= 6) {
                return false;
            }
            CRC32 crc = new CRC32();
            for (int i = prefixLength; i < n - 6; i++) {
                crc.update(value.charAt(i));
            }
            return base62(crc.getValue()).equals(value.substring(n - 6));
        }
    },
    /** A URL's password (between the user's ':' and the '@') is real, not a placeholder. */
    URL_PASSWORD("url-password") {
        @Override
        boolean passes(String value, int prefixLength) {
            int at = value.indexOf('@', prefixLength);
            int colon = value.lastIndexOf(':', at);
            int slash = value.lastIndexOf('/', at);
            int start = Math.max(colon, slash);
            return at > 0 && start >= prefixLength - 1 && !placeholderPassword(value.substring(start + 1, at));
        }
    },
    /** A connection string's {@code password=} value is real, not a placeholder. */
    JDBC_PASSWORD("jdbc-password") {
        @Override
        boolean passes(String value, int prefixLength) {
            String lower = value.toLowerCase(Locale.ROOT);
            int key = Math.max(lower.lastIndexOf("password="), lower.lastIndexOf("pwd="));
            if (key < 0) {
                return false;
            }
            int start = value.indexOf('=', key) + 1;
            int end = start;
            while (end < value.length() && value.charAt(end) != ';' && value.charAt(end) != '&') {
                end++;
            }
            return !placeholderPassword(value.substring(start, end));
        }
    };

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Set<String> PLACEHOLDER_PASSWORDS = Set.of("", "password", "pass", "passwd", "pwd", "secret",
            "changeme", "change_me", "example", "test", "xxx", "pw", "yourpassword", "your_password", "mypassword",
            "my_password", "redacted", "hidden", "null", "none", "foo", "bar", "user", "admin");

    private final String label;

    TokenCheck(String label) {
        this.label = label;
    }

    /** True when {@code value}, already matching the shape, also passes this check. */
    abstract boolean passes(String value, int prefixLength);

    /** The check a {@code check} cell names; throws {@link IllegalArgumentException} for an unknown one. */
    static TokenCheck of(String label) {
        for (TokenCheck c : values()) {
            if (c.label.equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown check '" + label + "' (known: crc32-base62, url-password, jdbc-password)");
    }

    /** The 6-character base62 form GitHub and npm give a CRC32, zero-padded on the left. */
    static String base62(long value) {
        char[] out = new char[6];
        long v = value;
        for (int i = 5; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(out);
    }

    /**
     * True when the variable part of a value (after its literal prefix) is a documentation
     * placeholder: it says EXAMPLE or xxxx, repeats one character eight times, or uses too few
     * distinct characters to be random.
     */
    static boolean placeholder(String value, int prefixLength) {
        int n = value.length();
        long seenLow = 0;
        long seenHigh = 0;
        int distinct = 0;
        int run = 0;
        char previous = 0;
        for (int i = prefixLength; i < n; i++) {
            char c = value.charAt(i);
            run = c == previous ? run + 1 : 1;
            previous = c;
            if (run >= 8) {
                return true;
            }
            if (c < 64) {
                if ((seenLow & (1L << c)) == 0) {
                    seenLow |= 1L << c;
                    distinct++;
                }
            } else if (c < 128) {
                if ((seenHigh & (1L << (c - 64))) == 0) {
                    seenHigh |= 1L << (c - 64);
                    distinct++;
                }
            }
        }
        int variable = n - prefixLength;
        if (variable >= 16 && distinct < Math.min(10, variable / 3)) {
            return true;
        }
        return containsIgnoreCase(value, prefixLength, "example") || containsIgnoreCase(value, prefixLength, "xxxx")
                || value.indexOf("${", prefixLength) >= 0 || value.indexOf("<your", prefixLength) >= 0
                || value.indexOf("****", prefixLength) >= 0;
    }

    private static boolean containsIgnoreCase(String value, int from, String lowerNeedle) {
        int last = value.length() - lowerNeedle.length();
        char head = lowerNeedle.charAt(0);
        for (int i = from; i <= last; i++) {
            char c = value.charAt(i);
            // an ASCII character that is not the needle's first letter in either case cannot start
            // a match; only the rest pays for regionMatches' case folding
            if (c < 128 && (c | 0x20) != head) {
                continue;
            }
            if (value.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean placeholderPassword(String password) {
        String p = password.toLowerCase(Locale.ROOT);
        return PLACEHOLDER_PASSWORDS.contains(p) || p.startsWith("${") || p.startsWith("{{") || p.startsWith("<")
                || p.startsWith("%") && p.length() <= 3 || p.chars().allMatch(c -> c == '*' || c == 'x');
    }
}
