package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomTokenDetectorTest {

    private final ValueDetector detector = new RandomTokenDetector();

    @ParameterizedTest
    @ValueSource(strings = {"Xk9fQ2mZ7pL4vR8sT1wY3bN6", "kf8D2lQ9xZ0pW7mN4vB1cR5t", "8vQw3Lz0Rk2Np7Yt5Xs1Bm4Hc9Jd6Fg", "a7k2m9q4x1z8w3e6r5t0y2u7i4o9p1s6"})
    void recognises(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ThisIsAVeryLongCamelCaseName2024", "550e8400-e29b-41d4-a716-446655440000", "5d41402abc4b2a76b9719d911017c592", "short9Xk2", "uploads/2024/05/photo_1234.jpg", "hello world this is text 12", "ORD-2024-000123-ABCDEF-000042", "abcdefghijklmnopqrstuvwxyz"})
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }
}
