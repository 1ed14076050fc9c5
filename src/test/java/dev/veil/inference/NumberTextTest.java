package dev.veil.inference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The plain-number shortcut reads every text as {@code new BigDecimal(text).stripTrailingZeros()} does. */
class NumberTextTest {

    @Property(tries = 20_000)
    void theValueEqualsBigDecimalsStrippedValue(@ForAll("numberLikeTexts") String text) {
        BigDecimal expected = reference(text);
        BigDecimal actual = NumberText.value(text);
        if (expected == null) {
            assertThat(actual).as(text).isNull();
        } else {
            assertThat(actual).as(text).isEqualTo(expected); // equals: same unscaled value and scale
        }
    }

    @Property(tries = 20_000)
    void aPlainTextIsCanonicalExactlyWhenItIsItsValuesText(@ForAll("numberLikeTexts") String text) {
        BigDecimal expected = reference(text);
        boolean isItsText = expected != null && expected.toString().equals(text);
        if (text.matches("[-0-9.]*")) {
            assertThat(NumberText.isCanonical(text)).as(text).isEqualTo(isItsText);
        } else if (NumberText.isCanonical(text)) {
            assertThat(isItsText).as(text + " (exponent forms may be taken as not canonical, never the reverse)").isTrue();
        }
    }

    @Test
    void edgeCasesReadAsBigDecimalReadsThem() {
        for (String text : new String[] {"", "-", ".", "-.", "5.", ".5", "-.5", "-0", "0.000", "00012", "1000",
                "0.000001", "0.0000001", "-0.0000010", "999999999999999999", "9999999999999999999", "1e3", "+5",
                "1.2.3", "١٢", "0", "-7", "10.50"}) {
            BigDecimal expected = reference(text);
            assertThat(NumberText.value(text)).as(text).isEqualTo(expected);
            assertThat(NumberText.isCanonical(text)).as(text)
                    .isEqualTo(text.matches("[-0-9.]*") && expected != null && expected.toString().equals(text));
        }
    }

    @Provide
    Arbitrary<String> numberLikeTexts() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0000123456789").ofMinLength(0).ofMaxLength(22);
        Arbitrary<String> plain = Combinators.combine(Arbitraries.of("", "", "-", "+"), digits,
                Arbitraries.integers().between(-1, 24), Arbitraries.of("", "", "", "E3", "e-2", "."))
                .as((sign, d, point, tail) -> {
                    String body = point < 0 || point > d.length() ? d : d.substring(0, point) + "." + d.substring(point);
                    return sign + body + tail;
                });
        return Arbitraries.oneOf(plain, ProfileMergePropertyTest.numbers(),
                Arbitraries.strings().withChars("-+.0123456789eE ").ofMaxLength(12));
    }

    private static BigDecimal reference(String text) {
        if (text.length() > 256) {
            return null;
        }
        try {
            return new BigDecimal(text).stripTrailingZeros();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
