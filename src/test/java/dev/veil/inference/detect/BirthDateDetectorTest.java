package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BirthDateDetectorTest {

    private final ValueDetector detector = new BirthDateDetector(2026);

    @ParameterizedTest
    @ValueSource(strings = {"1987-04-12", "1987/04/12", "12/04/1987", "04/30/1987", "12.04.1987", "29-02-2000"})
    void recognises(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2019-04-12", "1987-13-12", "1987-02-30", "1899-12-31", "1987-04-12T10:00:00Z", "29-02-2001", "19870412", "87-04-12"})
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }
}
