package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class DetectorRobustnessTest {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @Property
    void noDetectorThrowsOnArbitraryText(@ForAll @StringLength(max = 120) String value) {
        for (ValueDetector d : ValueDetectors.standard()) {
            d.matches(value);
        }
    }

    @Property
    void noDetectorThrowsOnTextMadeOfFormatCharacters(@ForAll("formatish") String value) {
        for (ValueDetector d : ValueDetectors.standard()) {
            d.matches(value);
        }
    }

    @Provide
    Arbitrary<String> formatish() {
        return Arbitraries.strings().withChars("$@.:-/+= 0123456789abcdefAKIeyJ_").ofMaxLength(70);
    }

    @Test
    void mostRandomAlphanumericTokensLookRandom() {
        Random random = new Random(7);
        RandomTokenDetector detector = new RandomTokenDetector();
        int hits = 0;
        for (int i = 0; i < 1000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 32; k++) {
                sb.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
            }
            if (detector.matches(sb.toString())) {
                hits++;
            }
        }
        assertThat(hits).isGreaterThan(800);
    }
}
