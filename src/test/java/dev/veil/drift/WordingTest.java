package dev.veil.drift;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordingTest {

    @Test
    void shellWordsAreBareWhenSafeAndSingleQuotedOtherwise() {
        assertThat(Wording.shellWord("address.city")).isEqualTo("address.city");
        assertThat(Wording.shellWord("orders[].total")).isEqualTo("'orders[].total'");
        assertThat(Wording.shellWord("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void tinySharesAreNotRoundedToZeroPercent() {
        assertThat(Wording.percent(0.001)).isEqualTo("under 1%");
        assertThat(Wording.percent(0.37)).isEqualTo("37%");
        assertThat(Wording.percent(0)).isEqualTo("0%");
    }

    @Test
    void aSampleOf459ItemsIsTheSmallestToExpectAOnePercentAttribute() {
        assertThat(Expectation.itemsNeeded(0.01)).isEqualTo(459);
        assertThat(Expectation.expected(0.01, 459)).isTrue();
        assertThat(Expectation.expected(0.01, 458)).isFalse();
        assertThat(Expectation.chanceOfSeeing(0.6, 5)).isGreaterThan(0.98).isLessThan(0.99);
    }
}
