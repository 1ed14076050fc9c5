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

    @Test
    void controlCharactersBecomeVisibleEscapesSoNoReportCarriesThemRaw() {
        assertThat(Wording.visible("a\u0000b\rc\u202Ed\u2028e")).isEqualTo("a\\u0000b\\u000Dc\\u202Ed\\u2028e");
        assertThat(Wording.visible("plain name")).isEqualTo("plain name");
    }

    @Test
    void markdownAndHtmlTextCarryNoRawNulOrCarriageReturn() {
        String hostile = "do `veil tag t \"x\u0000y\ry\"` now\u0000\r";
        assertThat(MarkdownReportWriter.text(hostile)).doesNotContain("\u0000").doesNotContain("\r");
        assertThat(HtmlReportWriter.text(hostile)).doesNotContain("\u0000").doesNotContain("\r");
    }
}
