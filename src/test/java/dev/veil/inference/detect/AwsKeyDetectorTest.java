package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsKeyDetectorTest {

    private final LeaningDetector keyId = ValueDetectors.byId("aws-access-key-id").orElseThrow();
    private final AwsKeyDetector secret = AwsKeyDetector.secretAccessKey();

    @ParameterizedTest
    @ValueSource(strings = {"AKIA2E0A8F3B244C9986", "ASIAY34FZKBOKMUTVV7A", "ACCAZ7Q2M4N6P8R1T3V5", "ABIA3KX9QW2ER7TY5UI8"})
    void recognisesAccessKeyIds(String value) {
        assertThat(keyId.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPL", "AKIAIOSFODNN7EXAMPLE1", "AKIAiosfodnn7example", "AKIAIOSFODNN7EXAMPL_", "AIDAIOSFODNN7EXAMPLE", "BKIAIOSFODNN7EXAMPLE"})
    void rejectsNearMissKeyIds(String value) {
        assertThat(keyId.matches(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GTd7FguoV8FWnFbB0JxXujr4qqaaABvvLOzAxzXM", "cU1vsHiQMaRiNTN9Ox98whGcTZc1UWb5fxzpF7ST"})
    void recognisesSecretAccessKeys(String value) {
        assertThat(secret.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKE",
            "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY", "THISISALLUPPERCASEANDDIGITS1234567890ABC"})
    void rejectsNearMissSecretKeys(String value) {
        assertThat(secret.matches(value)).isFalse();
    }
}
