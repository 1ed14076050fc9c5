package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailDetectorTest {

    private final ValueDetector detector = new EmailDetector();

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe@gmail.com", "a.b+tag@mail.example.co.uk", "X_Y-1@sub-domain.io", "o'reilly@acme.museum"})
    void recognises(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe@", "@gmail.com", "jane@@gmail.com", "jane@localhost", "jane@gmail.c", "jane..doe@gmail.com", "jane doe@gmail.com", "jane@-acme.com", "jane@acme.com2", "true", "mailto:jane"})
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }
}
