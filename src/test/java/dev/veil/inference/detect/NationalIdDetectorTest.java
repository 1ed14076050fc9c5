package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdDetectorTest {

    private final ValueDetector detector = new NationalIdDetector();

    @ParameterizedTest
    @ValueSource(strings = {"536-22-8741", "536 22 8741", "JG103759A", "AB 12 34 56 C", "130-692-544", "130 692 544", "12345678Z", "X1234567L", "529.982.247-25", "111.444.777-35"})
    void recognises(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "666-12-3456", "912-34-5678", "536-00-8741", "536-22-0000", "536-22 8741", "536228741", "BG123456A", "DA123456A", "AB123456E", "130-692-545", "12345678A", "529.982.247-26", "111.111.111-11"})
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }
}
