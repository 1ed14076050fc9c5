package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityDocumentDetectorTest {

    private final ValueDetector detector = new IdentityDocumentDetector();

    @ParameterizedTest
    @ValueSource(strings = {"M12345678", "M123A4567", "S70412385", "K1234567", "J8369854", "MORGA753116SM9IJ",
            "SMITH851225JA9AB", "LI999862045JJ3XY"})
    void recognisesPassportAndLicenceFormats(String value) {
        assertThat(detector.matches(value)).as(value).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A12345678", "Q1234567", "K0234567", "M11111111", "MORGA751336SM9IJ",
            "MORGA753116SM9I", "morga753116sm9ij", "12345678", "ORDER-12345"})
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).as(value).isFalse();
    }
}
