package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeoCoordinatesDetectorTest {

    private final ValueDetector detector = new GeoCoordinatesDetector();

    @ParameterizedTest
    @ValueSource(strings = {"52.52001, 13.40495", "-33.8688,151.2093", "40.7128 -74.0060", "0.000,0.000"})
    void recognises(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"52.5, 13.4", "95.123, 13.456", "45.123, 181.456", "52.520008", "2024.05.12", "1.2.3.4"})
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }
}
