package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentCardDetectorTest {

    private final ValueDetector detector = new PaymentCardDetector();

    @ParameterizedTest
    @ValueSource(strings = {"4539578763621486", "4539 5787 6362 1486", "5123-4567-8901-2346", "371449635398431", "6011111111111117", "2223003122003222"})
    void recognises(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4539578763621487", "1234567812345670", "9999999999999995", "453957876362148", "4539 5787 6362 1486 00", "0000000000000000", "453957876362148a", "5123456789012346000"})
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }
}
