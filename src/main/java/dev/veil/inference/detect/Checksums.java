package dev.veil.inference.detect;

/** Check-digit algorithms shared by the detectors. All inputs are pre-validated digit strings. */
final class Checksums {

    private Checksums() {
    }

    /** Luhn (mod 10) over a string of ASCII digits. */
    static boolean luhn(CharSequence digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /**
     * ISO 7064 mod 97-10 as IBANs use it: the first four characters move to the end, letters
     * count as 10..35, and the number must leave remainder 1. Expects upper-case alphanumerics.
     */
    static boolean mod97(CharSequence s) {
        int rem = 0;
        int n = s.length();
        for (int k = 0; k < n; k++) {
            char c = s.charAt((k + 4) % n);
            if (c >= '0' && c <= '9') {
                rem = (rem * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                rem = (rem * 100 + (c - 'A' + 10)) % 97;
            } else {
                return false;
            }
        }
        return rem == 1;
    }

    /** True when every character is an ASCII digit (and there is at least one). */
    static boolean allDigits(CharSequence s) {
        return s.length() > 0 && allDigits(s, 0, s.length());
    }

    /** True when every character of {@code s[from, to)} is an ASCII digit (an empty range is). */
    static boolean allDigits(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** True when all characters are the same, as in placeholder values ({@code 000000000}). */
    static boolean allSame(CharSequence s) {
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) != s.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    /** The digits of {@code s}, dropping the given separators; empty when another character occurs. */
    static String digitsWithout(String s, String separators) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (separators.indexOf(c) < 0) {
                return "";
            }
        }
        return sb.toString();
    }

    /** The letters and digits of {@code s}, dropping the given separators; empty when another character occurs. */
    static String digitsOrLettersWithout(String s, String separators) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
                sb.append(c);
            } else if (separators.indexOf(c) < 0) {
                return "";
            }
        }
        return sb.toString();
    }
}
