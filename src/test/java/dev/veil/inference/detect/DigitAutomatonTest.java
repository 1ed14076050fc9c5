package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigitAutomatonTest {

    private static final List<String> PATTERNS = List.of("[2-9]\\d{9}|3\\d{6}", "(?:268|[58]\\d\\d|900)\\d{7}",
            "0?(?:(11|2(?:2(?:02?|[13])|3[1-46]))15)?", "1[0-2]\\d{1,3}|[^0-4]7*8+", "(?:\\d{2,}){2}");

    @Test
    void wholeMatchesEqualsJavaRegexOnDigitStrings() {
        DigitAutomaton automaton = DigitAutomaton.compile(PATTERNS);
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            String digits = randomDigits(random);
            int expected = 0;
            for (int p = 0; p < PATTERNS.size(); p++) {
                expected |= Pattern.matches(PATTERNS.get(p), digits) ? 1 << p : 0;
            }
            assertThat(automaton.wholeMatches(digits, 0, digits.length())).as(digits).isEqualTo(expected);
        }
    }

    @Test
    void prefixMatchesEqualsLookingAt() {
        Random random = new Random(12);
        for (String pattern : PATTERNS) {
            DigitAutomaton automaton = DigitAutomaton.compile(List.of(pattern));
            for (int i = 0; i < 10_000; i++) {
                String digits = randomDigits(random);
                assertThat(automaton.prefixMatches(digits, 0, digits.length())).as(pattern + " on " + digits)
                        .isEqualTo(Pattern.compile(pattern).matcher(digits).lookingAt());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\d+$", "a\\d", "(?=1)1", "\\1", "1*?", "[a-z]"})
    void refusesSyntaxItCannotCompile(String pattern) {
        assertThatThrownBy(() -> DigitAutomaton.compile(List.of(pattern))).isInstanceOf(IllegalArgumentException.class);
    }

    private static String randomDigits(Random random) {
        StringBuilder sb = new StringBuilder();
        for (int n = random.nextInt(13); n > 0; n--) {
            sb.append((char) ('0' + (random.nextInt(3) == 0 ? random.nextInt(10) : 1 + random.nextInt(3))));
        }
        return sb.toString();
    }
}
