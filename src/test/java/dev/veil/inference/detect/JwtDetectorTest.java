package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtDetectorTest {

    private final ValueDetector detector = new JwtDetector();

    @ParameterizedTest
    @ValueSource(strings = {"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."})
    void recognises(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eyJzdWIiOiJ4In0.eyJzdWIiOiJ4In0.c2ln", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIi OiJ4In0.sig", "abc.def.ghi", "eyJhbGciOiJIUzI1NiJ9"})
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }
}
