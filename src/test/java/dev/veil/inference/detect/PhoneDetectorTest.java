package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneDetectorTest {

    private final ValueDetector detector = new PhoneDetector();

    @ParameterizedTest
    @ValueSource(strings = {"+14155552671", "+44 20 7946 0958", "+49 (30) 901820", "(415) 555-2671", "415-555-2671", "1 415 555 2671", "020 7946 0958", "07700 900123"})
    void recognises(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4155552671", "1700000000", "2024-01-15", "12:30:45", "192.168.1.10", "+1", "+0123456789", "555-2671", "+1111111111", "(415)5552671x"})
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }
}
