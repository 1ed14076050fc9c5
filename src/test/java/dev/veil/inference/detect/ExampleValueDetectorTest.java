package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExampleValueDetectorTest {

    private final ExampleValueDetector detector = new ExampleValueDetector();

    @ParameterizedTest
    @ValueSource(strings = {"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "test@example.com",
            "jane.doe@EXAMPLE.org", "ops@api.example.com", "someone@shop.test", "4111 1111 1111 1111", "4242-4242-4242-4242",
            "GB82WEST12345698765432", "123-45-6789", "(415) 555-0123", "+44 7700 900123", "192.0.2.44", "2001:db8::1",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"})
    void recognisesPublishedExamples(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AKIA2E0A8F3B244C9986", "jane.doe@gmail.com", "examples@gmail.com", "4539578763621486",
            "DE44500105175407324931", "536-22-8741", "(415) 555-2671", "192.168.1.10", "an example of free text"})
    void leavesRealLookingValuesAlone(String value) {
        assertThat(detector.matches(value)).isFalse();
    }

    @Test
    void onlyLowersConfidence() {
        assertThat(detector.leaning()).isEqualTo(Leaning.EXAMPLE);
        assertThat(detector.leaning().classification()).isEmpty();
    }
}
