package dev.veil.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import dev.veil.model.Finding;
import dev.veil.model.FindingKind;
import dev.veil.model.Severity;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MarkdownReportWriterTest {

    private static String markdown(DriftReport report) {
        return ReportFormat.MARKDOWN.writer(Path.of("").toAbsolutePath()).write(report);
    }

    /** Cells of a GFM table row: split on pipes not escaped by a backslash. */
    private static int cells(String row) {
        return row.trim().split("(?<!\\\\)\\|", -1).length - 2;
    }

    @Test
    void pipesInAttributeNamesAreEscapedSoEveryRowKeepsFiveCells() {
        String md = markdown(HostileNames.report());

        assertThat(md).contains("`\"a\\|b\"`");
        assertThat(md.lines().filter(l -> l.startsWith("| ")))
                .isNotEmpty().allSatisfy(row -> assertThat(cells(row)).as(row).isEqualTo(5));
    }

    @Test
    void backticksInAttributeNamesGetALongerFence() {
        assertThat(markdown(HostileNames.report())).contains("```\"x`y``z\"```");
    }

    @Test
    void markupInAttributeNamesStaysLiteral() {
        String md = markdown(HostileNames.report());

        assertThat(md).doesNotContain("<script>alert(1)</script>` appeared")
                .contains("`\"<script>alert(1)</script>\"`")
                .contains("`\"**bold** [link](http://evil.example) <img src=x onerror=alert(2)> & \\\"'\"`");
    }

    @Test
    void plainTextIsBackslashEscaped() {
        assertThat(MarkdownReportWriter.text("a_b *c* <d> `e_f`")).isEqualTo("a\\_b \\*c\\* \\<d\\> `e_f`");
    }

    @Test
    void findingsAreGroupedUnderOneHeadingPerTableMostSevereTableFirst() {
        String md = markdown(Scenarios.everything(Path.of("target", "md-test")));

        assertThat(md).containsSubsequence("### Not audited", "- `orders`: DynamoDB refused", "### `sessions`",
                "#### High (1)", "### `users`", "#### High", "#### Medium", "#### Low", "### `accounts`", "#### Low (1)");
    }

    @Test
    void aHugeReportStaysWithinAPullRequestCommentAndSaysWhatItLeftOut() {
        List<ReportedFinding> entries = IntStream.range(0, 2000).mapToObj(i -> ReportedFinding.of(new Finding("t",
                Optional.of(AttributePath.of("attribute_" + i)), FindingKind.NEW_ATTRIBUTE, Severity.MEDIUM,
                "`attribute_" + i + "` appeared in 50% of 500 sampled items, but policy v1 does not name it.",
                "review it: `veil tag t attribute_" + i + " public`, then `veil publish t`"))).toList();

        String md = markdown(new DriftReport(Instant.EPOCH, List.of(), entries));

        assertThat(md.length()).isLessThan(65_536);
        assertThat(md).containsPattern("_\\d+ more findings are not shown here;");
    }
}
