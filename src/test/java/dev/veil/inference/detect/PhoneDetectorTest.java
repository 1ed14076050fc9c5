package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneDetectorTest {

    private final ValueDetector detector = new PhoneDetector();

    @ParameterizedTest
    @ValueSource(strings = {"+14155552671", "+44 20 7946 0958", "+49 30 901820", "(415) 555-2671", "415-555-2671",
            "1 415 555 2671", "020 7946 0958", "07700 900123", "+33 6 12 34 56 78", "+91 98765 43210",
            "+81 90-1234-5678", "+82 10-2345-6789", "+55 11 91234-5678", "+61 412 345 678", "030 901820",
            "+65 8123 4567", "+358 40 1234567", "+46 70 123 45 67"})
    void recognisesNumbersOfRealNumberingPlans(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4155552671", "1700000000", "2024-01-15", "12:30:45", "192.168.1.10", "+1", "+0123456789",
            "555-2671", "+1111111111", "(415)5552671x", "+44 20 7946", "+1 011 555 2671", "15.01.2024",
            "1.234.567", "+999 123 456 789"})
    void rejectsNumbersNoNumberingPlanHas(String value) {
        assertThat(detector.matches(value)).isFalse();
    }

    @Test
    void digitCountShortcutForNorthAmericaAgreesWithLibphonenumber() {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        Random random = new Random(7);
        int valid = 0;
        for (int i = 0; i < 4000; i++) {
            String value = separatedDigits(random, 7 + random.nextInt(9));
            boolean expected = validIn(phones, value, "US") || validIn(phones, value, "CA");
            assertThat(detector.matches(value)).as(value).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).as("numbers valid in North America among the random ones").isGreaterThan(100);
    }

    // Starts with 1..9 and holds a separator, so only the North American branch decides it.
    private static String separatedDigits(Random random, int digits) {
        StringBuilder sb = new StringBuilder();
        sb.append((char) ('1' + random.nextInt(9)));
        int area = random.nextInt(8) + 2;
        for (int d = 1; d < digits; d++) {
            if (d == 1 && sb.charAt(0) != '1' || d % 3 == 0) {
                sb.append(random.nextBoolean() ? ' ' : '-');
            }
            sb.append((char) ('0' + (d == 1 ? area : random.nextInt(10))));
        }
        return sb.toString();
    }

    private static boolean validIn(PhoneNumberUtil phones, String value, String region) {
        try {
            return phones.isValidNumber(phones.parse(value, region));
        } catch (NumberParseException e) {
            return false;
        }
    }
}
