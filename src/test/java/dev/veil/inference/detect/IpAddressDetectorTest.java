package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressDetectorTest {

    private final ValueDetector detector = new IpAddressDetector();

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.10", "8.8.8.8", "255.255.255.255", "2001:db8::1", "fe80::1ff:fe23:4567:890a", "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "::1", "::ffff:192.0.2.128"})
    void recognises(String value) {
        assertThat(detector.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "12:30:45", "00:1A:2B:3C:4D:5E", "2001:db8:::1", "1::2::3", "2001:db8::g", "v1.2.3.4"})
    void rejectsNearMisses(String value) {
        assertThat(detector.matches(value)).isFalse();
    }
}
