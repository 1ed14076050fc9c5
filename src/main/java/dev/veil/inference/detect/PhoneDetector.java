package dev.veil.inference.detect;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;

/**
 * Telephone numbers, validated against real numbering plans (Google's libphonenumber): written
 * internationally ({@code +44 20 7946 0958}, {@code +14155552671}) for any country, or nationally
 * with separators as people write them in North America ({@code (415) 555-2671}) and in
 * trunk-zero countries ({@code 020 7946 0958}, {@code 030 901820}). A bare run of digits without a
 * {@code +} is not counted: ids and epoch seconds look the same. A column needs half its values
 * to look like phone numbers before they count ({@link #minRatio()}): free text with a few
 * numbers in it is not a phone column.
 */
public final class PhoneDetector extends BaseDetector {

    public static final String ID = "phone";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Where a number with a trunk zero is tried, most populous numbering plans first. */
    static final List<String> TRUNK_ZERO_REGIONS = List.of("GB", "DE", "FR", "IT", "ES", "NL", "AU", "JP",
            "KR", "IN", "BR", "TR", "PL", "SE", "AT", "CH", "BE", "IE", "NZ", "ZA", "NG", "PH");

    /** What {@link #northAmerican}'s reading of eleven digits rests on; checked once, against the metadata. */
    private static final boolean NANP_ELEVEN_DIGITS_TOO_LONG =
            InternationalNumbers.tooLongFrom("US", 11) && InternationalNumbers.tooLongFrom("CA", 11);

    /** What {@link #northAmerican}'s shortcut for a leading 1 rests on; checked once, on the automata. */
    private static final boolean NANP_TEN_DIGITS_FROM_2 = InternationalNumbers.onlyNumbersOf(1, List.of(7, 10), "01");

    public PhoneDetector() {
        super(ID, "phone numbers", Leaning.OWNER_ONLY, 0.7);
    }

    @Override
    public double minRatio() {
        return 0.5;
    }

    @Override
    public ShapeFilter shape() {
        return ShapeFilter.lengths(7, 24).opening("+(0123456789").requiring(TextShape.DIGIT)
                .madeOf(TextShape.DIGIT | TextShape.ofEach(" -.()+"));
    }

    @Override
    public boolean matches(String value) {
        int n = value.length();
        if (n < 7 || n > 24) {
            return false;
        }
        char first = value.charAt(0);
        if (!(first == '+' || first == '(' || (first >= '0' && first <= '9'))) {
            return false;
        }
        int digits = 0;
        boolean separated = false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
                separated = true;
            } else if (c != '+' || i > 0) {
                return false;
            }
        }
        if (digits < 7 || digits > 15) {
            return false;
        }
        if (first == '+') {
            return international(value, separated);
        }
        if (!separated || plainDate(value)) {
            return false;
        }
        if (first == '0') {
            return trunkZero(value);
        }
        // North American numbers have ten digits, eleven with the leading 1; anything else is
        // invalid in both plans, and asking libphonenumber twice costs tens of microseconds.
        if (!(digits == 10 || (digits == 11 && firstDigit(value) == '1'))) {
            return false;
        }
        return northAmerican(value);
    }

    /**
     * {@code valid(value, "US") || valid(value, "CA")}, mostly without parsing. With either as
     * the default region, libphonenumber reads ten digits starting 2..9 as the national number
     * of +1, and eleven digits starting with 1 as 1 and then the national number (eleven digits
     * are too long for both plans, so the 1 is always taken as the calling code); then both
     * regions give the same verdict, that of +1 and the national number. Other shapes (a leading
     * 0 or 011, ten digits starting with 1) are left to libphonenumber.
     */
    private static boolean northAmerican(String value) {
        if (NANP_ELEVEN_DIGITS_TOO_LONG) {
            String d = Checksums.digitsWithout(value, " -.()");
            char lead = d.charAt(0);
            int from = d.length() == 10 && lead >= '2' ? 0 : d.length() == 11 && lead == '1' ? 1 : -1;
            // Ten digits starting with 1, or 1 and ten starting with 0 or 1: the national number
            // libphonenumber settles on is those ten digits, or nine if it strips a 1, and every
            // North American number has seven or ten digits and starts with 2..9.
            if (NANP_TEN_DIGITS_FROM_2 && (d.length() == 10 && lead == '1'
                    || d.length() == 11 && lead == '1' && d.charAt(1) <= '1')) {
                return false;
            }
            if (from >= 0) {
                switch (InternationalNumbers.verdictIn(1, d, from, d.length())) {
                    case VALID:
                        return true;
                    case INVALID:
                        return false;
                    default:
                        break;
                }
            }
        }
        return valid(value, "US") || valid(value, "CA");
    }

    /**
     * Decided from libphonenumber's metadata where that gives libphonenumber's own answer
     * ({@link InternationalNumbers}); parsing costs about a microsecond, the automata tens of
     * nanoseconds.
     */
    private static boolean international(String value, boolean separated) {
        CharSequence digits = separated ? Checksums.digitsWithout(value, "+ -.()") : value;
        int from = separated ? 0 : 1;
        return switch (InternationalNumbers.verdict(digits, from, digits.length())) {
            case VALID -> true;
            case INVALID -> false;
            case ASK -> valid(value, "ZZ");
        };
    }

    /**
     * {@code valid(value, r)} for some trunk-zero region {@code r}, decided from the metadata
     * where {@link InternationalNumbers#nationalVerdict} can, by libphonenumber otherwise.
     */
    private static boolean trunkZero(String value) {
        String digits = Checksums.digitsWithout(value, " -.()");
        for (String region : TRUNK_ZERO_REGIONS) {
            switch (InternationalNumbers.nationalVerdict(region, digits, 0, digits.length())) {
                case VALID:
                    return true;
                case ASK:
                    if (valid(value, region)) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    private static char firstDigit(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                return c;
            }
        }
        return 0;
    }

    /** {@code 2024-01-15}, {@code 15.01.2024}: separated digits that are dates, not numbers. */
    private static boolean plainDate(String v) {
        int n = v.length();
        return n == 10 && (v.charAt(4) == '-' || v.charAt(2) == '.' || v.charAt(2) == '-' || v.charAt(4) == '.');
    }

    private static boolean valid(String value, String region) {
        try {
            PhoneNumber number = PHONES.parse(value, region);
            return PHONES.isValidNumber(number);
        } catch (NumberParseException e) {
            return false;
        }
    }
}
