package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestDetectorTest {

    private final DigestDetector hex = DigestDetector.hex();
    private final DigestDetector base64 = DigestDetector.base64();

    @ParameterizedTest
    @ValueSource(strings = {"5d41402abc4b2a76b9719d911017c592",
            "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824",
            "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043"})
    void hexRecognisesDigests(String value) {
        assertThat(hex.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", "5d41402abc4b2a76b9719d911017c59", "5d41402ABC4b2a76b9719d911017c592", "00000000000000000000000000000000",
            "abcdefabcdefabcdefabcdefabcdefab", "550e8400-e29b-41d4-a716-446655440000", "5d41402abc4b2a76b9719d911017c59g"})
    void hexRejectsNearMisses(String value) {
        assertThat(hex.matches(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XrY7u+Ae7tCTyyK7j1rNww==", "qUqP5cyxm6YcTAhz05Hph5gvu9M=", "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=",
            "n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg="})
    void base64RecognisesDigests(String value) {
        assertThat(base64.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XrY7u+Ae7tCTyyK7j1rNww=", "XrY7u+Ae7tCTyyK7j1rNw===", "aGVsbG8gd29ybGQgaGVsbG8=", "Hello, World! How are",
            "LPJNul+wow4m6Dsqxbninhs WHlwfp0JecwQzYpOLmCQ="})
    void base64RejectsNearMisses(String value) {
        assertThat(base64.matches(value)).isFalse();
    }

    @Test
    void bothOnlyRecogniseAShapeThatIdentifiersShare() {
        assertThat(hex.shapeOnly()).isTrue();
        assertThat(base64.shapeOnly()).isTrue();
    }
}
