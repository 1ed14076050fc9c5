package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressDetectorTest {

    private final ValueDetector detector = new MacAddressDetector();

    @ParameterizedTest
    @ValueSource(strings = {"3C:22:FB:7A:10:9E", "3c-22-fb-7a-10-9e", "3c22.fb7a.109e"})
    void recognisesTheThreeWrittenForms(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:00:00:00:00:00", "FF:FF:FF:FF:FF:FF", "3C:22:FB:7A:10", "3C:22-FB:7A:10:9E",
            "3G:22:FB:7A:10:9E", "12:30:45", "2001:db8::1"})
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }
}
