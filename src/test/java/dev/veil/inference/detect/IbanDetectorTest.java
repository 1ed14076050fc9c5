package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanDetectorTest {

    private final ValueDetector detector = new IbanDetector();

    @ParameterizedTest
    @ValueSource(strings = {"GB29NWBK60161331926819", "GB29 NWBK 6016 1331 9268 19", "DE89370400440532013000", "FR7630006000011234567890189", "IT60X0542811101000000123456", "NO9386011117947"})
    void recognises(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB28NWBK60161331926819", "GB29NWBK6016133192681", "XX29NWBK60161331926819", "gb29nwbk60161331926819", "DE89 3704 0044 0532 0130 01", "NO93-8601-1117-947"})
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }
}
