package dev.veil.inference.detect;

/**
 * Passport and driving-licence numbers whose format is specific enough to recognise: Korean
 * passports ({@code M12345678}, {@code M123A4567}), Indian passports ({@code K1234567}) and UK
 * driving licences ({@code MORGA753116SM9IJ}: surname, encoded birth date, initials). Other
 * countries' numbers are plain digit or letter runs that only a name can tell apart. A format,
 * not a check digit, so its strength is moderate and a column needs a fair share of them.
 */
public final class IdentityDocumentDetector extends BaseDetector {

    public static final String ID = "identity-document";

    public IdentityDocumentDetector() {
        super(ID, "passport and driving-licence numbers", Leaning.OWNER_ONLY, 0.7);
    }

    @Override
    public double minRatio() {
        return 0.3;
    }

    @Override
    public ShapeFilter shape() {
        return ShapeFilter.lengths(8, 16).opening("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                .madeOf(TextShape.UPPER | TextShape.DIGIT);
    }

    @Override
    public boolean matches(String value) {
        return switch (value.length()) {
            case 8 -> indianPassport(value);
            case 9 -> koreanPassport(value);
            case 16 -> ukDrivingLicence(value);
            default -> false;
        };
    }

    /** A letter (not Q, X or Z), a digit 1-9, five digits, a digit 1-9. */
    static boolean indianPassport(String v) {
        char c = v.charAt(0);
        return c >= 'A' && c <= 'Z' && c != 'Q' && c != 'X' && c != 'Z' && v.charAt(1) >= '1' && v.charAt(1) <= '9'
                && Checksums.allDigits(v.substring(1)) && v.charAt(7) != '0' && !Checksums.allSame(v.substring(1));
    }

    /** M, S, R, O, D or G, then 8 digits, or 3 digits, a letter and 4 digits (since 2021). */
    static boolean koreanPassport(String v) {
        if ("MSRODG".indexOf(v.charAt(0)) < 0) {
            return false;
        }
        String rest = v.substring(1);
        if (Checksums.allDigits(rest)) {
            return !Checksums.allSame(rest);
        }
        char letter = rest.charAt(3);
        return letter >= 'A' && letter <= 'Z' && Checksums.allDigits(rest.substring(0, 3))
                && Checksums.allDigits(rest.substring(4));
    }

    /**
     * Five surname characters (letters, padded with 9), the decade digit, the month (plus 50
     * for women), the day, the year digit, two initials (or 9), a digit and two check characters.
     */
    static boolean ukDrivingLicence(String v) {
        for (int i = 0; i < 5; i++) {
            char c = v.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c == '9' && i > 0))) {
                return false;
            }
        }
        if (!Checksums.allDigits(v.substring(5, 11))) {
            return false;
        }
        int month = (v.charAt(6) - '0') * 10 + (v.charAt(7) - '0');
        int day = (v.charAt(8) - '0') * 10 + (v.charAt(9) - '0');
        if (month > 50) {
            month -= 50;
        }
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return false;
        }
        for (int i = 11; i < 13; i++) {
            char c = v.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || c == '9')) {
                return false;
            }
        }
        char digit = v.charAt(13);
        return digit >= '0' && digit <= '9' && upperOrDigit(v.charAt(14)) && upperOrDigit(v.charAt(15));
    }

    private static boolean upperOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
