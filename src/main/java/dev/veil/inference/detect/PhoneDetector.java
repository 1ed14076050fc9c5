package dev.veil.inference.detect;

import java.util.regex.Pattern;

/**
 * Telephone numbers written as people write them: international ({@code +44 20 7946 0958},
 * {@code +14155552671}), North American ({@code (415) 555-2671}, {@code 415-555-2671}) or
 * national with a trunk zero ({@code 020 7946 0958}). A bare run of digits without a {@code +}
 * or trunk zero is not counted: ids and epoch seconds look the same.
 */
public final class PhoneDetector extends BaseDetector {

    public static final String ID = "phone";

    // Bounded quantifiers, no nested repetition: linear time.
    private static final Pattern NANP = Pattern.compile("(?:1[-. ]?)?(?:\\([2-9]\\d{2}\\) ?|[2-9]\\d{2}[-. ])\\d{3}[-. ]\\d{4}");
    private static final Pattern NATIONAL = Pattern.compile("0\\d{2,4}[-. ]?\\d{3,4}[-. ]?\\d{3,4}");

    public PhoneDetector() {
        super(ID, "phone numbers", Leaning.OWNER_ONLY, 0.7);
    }

    @Override
    public boolean matches(String value) {
        int n = value.length();
        if (n < 7 || n > 24) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '+') {
            return international(value);
        }
        if (first == '(' || (first >= '1' && first <= '9')) {
            return NANP.matcher(value).matches();
        }
        return first == '0' && NATIONAL.matcher(value).matches();
    }

    private static boolean international(String v) {
        if (v.length() < 2 || v.charAt(1) < '1' || v.charAt(1) > '9') {
            return false;
        }
        String digits = Checksums.digitsWithout(v.substring(1), " -.()");
        return digits.length() >= 8 && digits.length() <= 15 && !Checksums.allSame(digits);
    }
}
