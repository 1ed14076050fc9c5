package dev.veil.inference.detect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Published example and test values: AWS's documented keys ({@code AKIAIOSFODNN7EXAMPLE}),
 * addresses at reserved domains ({@code test@example.com}, {@code *.test}), card-network test
 * numbers ({@code 4111 1111 1111 1111}), textbook IBANs and SSNs, fictional phone ranges
 * (NANP 555-01xx, Ofcom drama numbers), documentation IP ranges and the jwt.io sample token.
 * A column full of them is test data, so hits lower the confidence of a suggestion instead of
 * arguing for a class.
 */
public final class ExampleValueDetector extends BaseDetector {

    public static final String ID = "example-value";

    /** Exact values, compared after dropping spaces and dashes. */
    private static final Set<String> EXACT = Set.of(
            // AWS documentation
            "AKIAIOSFODNN7EXAMPLE", "AKIAI44QH8DHBEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
            // card-network and payment-provider test cards
            "4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556", "4000000000000002",
            "4000000000000077", "4000000000003220", "5555555555554444", "5105105105105100", "2223003122003222",
            "5200828282828210", "378282246310005", "371449635398431", "6011111111111117", "6011000990139424",
            "3056930009020004", "36227206271667", "3566002020360505", "6200000000000005", "4222222222222",
            // textbook IBANs
            "GB82WEST12345698765432", "GB29NWBK60161331926819", "DE89370400440532013000", "FR1420041010050500013M02606",
            "NL91ABNA0417164300", "ES9121000418450200051332", "CH9300762011623852957", "BE68539007547034",
            // textbook national ids (dashes dropped)
            "123456789", "078051120", "219099999", "QQ123456C", "AB123456C", "12345678Z",
            // the Stripe documentation key
            "sk_test_4eC39HqLyjWDarjtT1zdp7dc");

    /** Hash codes of {@link #EXACT}, sorted, so that most values are ruled out without a copy. */
    private static final int[] EXACT_HASHES = EXACT.stream().mapToInt(String::hashCode).sorted().toArray();

    private static final Set<String> RESERVED_DOMAINS = Set.of("example.com", "example.org", "example.net", "test.com");
    private static final Set<String> RESERVED_TLDS = Set.of("example", "test", "invalid", "localhost");
    private static final String JWT_IO = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ";

    public ExampleValueDetector() {
        super(ID, "published example values", Leaning.EXAMPLE, 0.0);
    }

    @Override
    public ShapeFilter shape() {
        return ShapeFilter.lengths(7, 4096);
    }

    @Override
    public boolean matches(String value) {
        int n = value.length();
        if (n < 7 || n > 4096) {
            return false;
        }
        if (value.indexOf('@') > 0) {
            return reservedEmail(value);
        }
        if (value.startsWith("eyJ")) {
            return value.startsWith(JWT_IO);
        }
        if (n <= 64 && value.contains("EXAMPLE")) {
            return true;
        }
        if (n > 40) {
            return false;
        }
        char first = value.charAt(0);
        if (documentationIp(value, first) || fictionalPhone(value, first)) {
            return true;
        }
        return Arrays.binarySearch(EXACT_HASHES, compactHash(value)) >= 0 && EXACT.contains(compact(value));
    }

    private static boolean reservedEmail(String v) {
        int at = v.lastIndexOf('@') + 1;
        if (asciiWithoutUpperCase(v, at)) {
            return reservedAsciiDomain(v, at); // the same answer without copying the domain
        }
        String domain = v.substring(v.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        String tld = domain.substring(domain.lastIndexOf('.') + 1);
        return RESERVED_DOMAINS.contains(domain) || domain.endsWith(".example.com") || RESERVED_TLDS.contains(tld);
    }

    private static boolean asciiWithoutUpperCase(String v, int from) {
        for (int i = from; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= 128 || (c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    /** {@link #reservedEmail} for a domain {@code v[from..]} already in lower-case ASCII. */
    private static boolean reservedAsciiDomain(String v, int from) {
        int length = v.length() - from;
        for (String d : RESERVED_DOMAINS) {
            if (d.length() == length && v.startsWith(d, from)) {
                return true;
            }
        }
        if (v.endsWith(".example.com") && length >= ".example.com".length()) {
            return true;
        }
        int dot = Math.max(v.lastIndexOf('.'), from - 1) + 1;
        for (String tld : RESERVED_TLDS) {
            if (tld.length() == v.length() - dot && v.startsWith(tld, dot)) {
                return true;
            }
        }
        return false;
    }

    /** NANP 555-0100..555-0199 and Ofcom's numbers for drama (07700 900xxx, 020 7946 0xxx). */
    static boolean fictionalPhone(String v, char first) {
        if (first != '+' && first != '(' && (first < '0' || first > '9')) {
            return false;
        }
        // The digits as one number (at most 13 of them fit a long): each test below reads a
        // window of them by division, so nothing is copied.
        int n = 0;
        long digits = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++n > 13) {
                    return false;
                }
                digits = digits * 10 + (c - '0');
            } else if (" -.()+".indexOf(c) < 0) {
                return false;
            }
        }
        if (n < 10) {
            return false;
        }
        return (digits / 100) % 100_000 == 55_501 || holdsDigits(digits, n, 7_700_900)
                || holdsDigits(digits, n, 2_079_460);
    }

    /** True when the {@code n} decimal digits of {@code digits} hold the seven of {@code run} in a row. */
    private static boolean holdsDigits(long digits, int n, long run) {
        long rest = digits;
        for (int k = 0; k <= n - 7; k++) {
            if (rest % 10_000_000 == run) {
                return true;
            }
            rest /= 10;
        }
        return false;
    }

    // v has at least 7 characters. Most values that open with 2 are dates and times ("2024-"),
    // turned away by their third character before any comparison of the whole prefix.
    private static boolean documentationIp(String v, char first) {
        if (first == '1') {
            return v.startsWith("192.0.2.") || v.startsWith("198.51.100.");
        }
        if (first != '2' || v.charAt(1) != '0') {
            return false;
        }
        char third = v.charAt(2);
        return third == '3' ? v.startsWith("203.0.113.") : third == '0' && v.regionMatches(true, 0, "2001:db8:", 0, 9);
    }

    /** {@code compact(v).hashCode()}, computed without copying. */
    private static int compactHash(String v) {
        int h = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != ' ' && c != '-') {
                h = 31 * h + c;
            }
        }
        return h;
    }

    private static String compact(String v) {
        if (v.indexOf(' ') < 0 && v.indexOf('-') < 0) {
            return v;
        }
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != ' ' && c != '-') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
