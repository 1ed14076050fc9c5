package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExampleValueDetectorTest {

    private final ExampleValueDetector detector = new ExampleValueDetector();

    @ParameterizedTest
    @ValueSource(strings = {"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "test@example.com",
            "jane.doe@EXAMPLE.org", "ops@api.example.com", "someone@shop.test", "4111 1111 1111 1111", "4242-4242-4242-4242",
            "GB82WEST12345698765432", "123-45-6789", "(415) 555-0123", "+44 7700 900123", "192.0.2.44", "2001:db8::1",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"})
    void recognisesPublishedExamples(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AKIA2E0A8F3B244C9986", "jane.doe@gmail.com", "examples@gmail.com", "4539578763621486",
            "DE44500105175407324931", "536-22-8741", "(415) 555-2671", "192.168.1.10", "an example of free text"})
    void leavesRealLookingValuesAlone(String value) {
        assertThat(detector.matches(value)).isFalse();
    }

    @Test
    void onlyLowersConfidence() {
        assertThat(detector.leaning()).isEqualTo(Leaning.EXAMPLE);
        assertThat(detector.leaning().classification()).isEmpty();
    }

    /** Digits and phone punctuation, often around one of the fictional ranges. */
    @Provide
    Arbitrary<String> phoneLike() {
        Arbitrary<String> run = Arbitraries.of("55501", "7700900", "2079460", "555", "770090", "");
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMaxLength(9);
        Arbitrary<String> punctuation = Arbitraries.strings().withChars(" -.()+").ofMaxLength(2);
        return Combinators.combine(punctuation, digits, run, digits, punctuation, Arbitraries.integers().between(0, 15))
                .as((p1, d1, r, d2, p2, cut) -> {
                    String v = p1 + d1 + p2 + r + d2;
                    return v.isEmpty() ? "0" : v.substring(0, Math.max(1, v.length() - cut % 3));
                });
    }

    @Property(tries = 20_000)
    void fictionalPhonesAreReadAsTheDigitStringWould(@ForAll("phoneLike") String value) {
        boolean expected = fictionalPhoneByDigitString(value);
        assertThat(ExampleValueDetector.fictionalPhone(value, value.charAt(0))).as(value).isEqualTo(expected);
        Statistics.collect(expected);
        Statistics.coverage(c -> c.check(true).percentage(p -> p > 1.0));
    }

    // The rule as the digit string reads it (what the detector did before it stopped copying).
    private static boolean fictionalPhoneByDigitString(String v) {
        char first = v.charAt(0);
        if (first != '+' && first != '(' && (first < '0' || first > '9')) {
            return false;
        }
        if (!v.chars().allMatch(c -> Character.isDigit(c) && c < 128 || " -.()+".indexOf(c) >= 0)) {
            return false;
        }
        String d = v.replaceAll("[^0-9]", "");
        int n = d.length();
        return n >= 10 && n <= 13
                && (d.startsWith("55501", n - 7) || d.contains("7700900") || d.contains("2079460"));
    }
}
