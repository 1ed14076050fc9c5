package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceTokenDetectorTest {

    // Built by concatenation so that secret scanners do not flag this file; all values are random.
    static Stream<Arguments> tokens() {
        return Stream.of(
                Arguments.of(ServiceTokenDetector.github(), "ghp" + "_ugnPucbaY7sUMuCzuzee6uMDhqnYNX5I3SEQ"),
                Arguments.of(ServiceTokenDetector.github(), "github" + "_pat_wqlIntmpxf0rf_WCfPKPv8oy9tculuY2L56tpvgINLZMfpobZpzerJ3eUebOasWYwFE32jgGXYueG8QllX"),
                Arguments.of(ServiceTokenDetector.slack(), "xoxb" + "-2048204820-4096409640-aBcDeFgHiJkLmNoPqRsTuVwX"),
                Arguments.of(ServiceTokenDetector.slack(), "https://hooks.slack.com/services/" + "T0ABCDEF1/B0ABCDEF2/aBcDeFgHiJkLmNoPqRsTuVwX"),
                Arguments.of(ServiceTokenDetector.stripe(), "sk" + "_live_51Hx9kQ2eZvKYlo2C8h3Tg7uVbN"),
                Arguments.of(ServiceTokenDetector.stripe(), "rk" + "_test_51Hx9kQ2eZvKYlo2C8h3Tg7uVbN"),
                Arguments.of(ServiceTokenDetector.stripe(), "whsec" + "_Zq8mX2vN4bR7tY1wK9pL3sD6fG0hJ5cV"),
                Arguments.of(ServiceTokenDetector.google(), "AIza" + "tsONnLqAseOAwM3ugFGi53G46bYRvH_d1ch"),
                Arguments.of(ServiceTokenDetector.google(), "GOCSPX" + "-TrqrHJYZwlD_awO4CEO-9C0RJCgj"),
                Arguments.of(ServiceTokenDetector.google(), "ya29" + ".a0AfH6SMBx3kQ9vL2mN7pR4tW8yZ1cE5gJ"));
    }

    static Stream<Arguments> nearMisses() {
        return Stream.of(
                Arguments.of(ServiceTokenDetector.github(), "ghp_tooShort"),
                Arguments.of(ServiceTokenDetector.github(), "ghx" + "_ugnPucbaY7sUMuCzuzee6uMDhqnYNX5I3SEQ"),
                Arguments.of(ServiceTokenDetector.slack(), "xoxz-2048204820-4096409640"),
                Arguments.of(ServiceTokenDetector.slack(), "https://hooks.slack.com/"),
                Arguments.of(ServiceTokenDetector.stripe(), "pk" + "_live_51Hx9kQ2eZvKYlo2C8h3Tg7uVbN"),
                Arguments.of(ServiceTokenDetector.stripe(), "sk" + "_prod_51Hx9kQ2eZvKYlo2C8h3Tg7uVbN"),
                Arguments.of(ServiceTokenDetector.google(), "AIza" + "tsONnLqAseOAwM3ugFGi53G46bYRvH_d1c"),
                Arguments.of(ServiceTokenDetector.google(), "ya29 is a tag, not a token at all"));
    }

    @ParameterizedTest(name = "{0} recognises {index}")
    @MethodSource("tokens")
    void recognisesTheServiceFormat(ServiceTokenDetector detector, String token) {
        assertThat(detector.matches(token)).isTrue();
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @MethodSource("nearMisses")
    void rejectsNearMisses(ServiceTokenDetector detector, String value) {
        assertThat(detector.matches(value)).isFalse();
    }
}
