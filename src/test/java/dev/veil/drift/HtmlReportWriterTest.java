package dev.veil.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    private static String html(DriftReport report) {
        return ReportFormat.HTML.writer(Path.of("").toAbsolutePath()).write(report);
    }

    @Test
    void hostileAttributeNamesAreInertText() {
        String html = html(HostileNames.report());

        assertThat(html).doesNotContain(HostileNames.SCRIPT, "<img", "onerror=alert(2)>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;");
        assertThat(Pattern.compile("<script", Pattern.CASE_INSENSITIVE).matcher(html).results().count()).isZero();
    }

    @Test
    void thePageLoadsNothingFromOutside() {
        String html = html(Scenarios.everything(Path.of("target", "html-test")));

        assertThat(html).doesNotContainPattern("(?i)<(script|link|img|iframe)[^>]*(src|href)=")
                .contains("Content-Security-Policy", "default-src 'none'");
    }

    @Test
    void thePageRunsNoScriptAndEveryRowCarriesItsSeverity() {
        DriftReport report = Scenarios.everything(Path.of("target", "html-test"));
        String html = html(report);

        assertThat(html).containsIgnoringCase("id=\"findings\"").doesNotContainPattern("(?i)<script|script-src|\\son[a-z]+=");
        assertThat(Pattern.compile("<tr class=\"sev-(high|medium|low)\"><td class=\"sev\">").matcher(html).results().count())
                .isEqualTo(report.entries().size() + report.waived().size());
    }

    @Test
    void codeSpansInMessagesBecomeCodeElements() {
        assertThat(HtmlReportWriter.text("`ssn` appeared, see `veil tag users ssn secret`"))
                .isEqualTo("<code>ssn</code> appeared, see <code>veil tag users ssn secret</code>");
    }
}
