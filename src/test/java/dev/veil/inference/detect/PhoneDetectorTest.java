package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

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
}
