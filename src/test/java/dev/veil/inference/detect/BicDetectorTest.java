package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BicDetectorTest {

    private final ValueDetector detector = new BicDetector();

    @ParameterizedTest
    @ValueSource(strings = {"DEUTDEFF", "NWBKGB2L", "COBADEFFXXX", "BNPAFRPP", "CHASUS33"})
    void recognisesBankIdentifierCodes(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DEUTQQFF", "DEUTDEF", "deutdeff", "DEUTDE0F1", "12345678", "DEUTDEFF12", "DEUTDEF0"})
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }
}
