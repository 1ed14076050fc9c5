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
    private static final List<String> TRUNK_ZERO_REGIONS = List.of("GB", "DE", "FR", "IT", "ES", "NL", "AU", "JP",
            "KR", "IN", "BR", "TR", "PL", "SE", "AT", "CH", "BE", "IE", "NZ", "ZA", "NG", "PH");

    public PhoneDetector() {
        super(ID, "phone numbers", Leaning.OWNER_ONLY, 0.7);
    }

    @Override
    public double minRatio() {
        return 0.5;
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
            return valid(value, "ZZ");
        }
        if (!separated || plainDate(value)) {
            return false;
        }
        if (first == '0') {
            for (String region : TRUNK_ZERO_REGIONS) {
                if (valid(value, region)) {
                    return true;
                }
            }
            return false;
        }
        // North American numbers have ten digits, eleven with the leading 1; anything else is
        // invalid in both plans, and asking libphonenumber twice costs tens of microseconds.
        if (!(digits == 10 || (digits == 11 && firstDigit(value) == '1'))) {
            return false;
        }
        return valid(value, "US") || valid(value, "CA");
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
