package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detectors on the labelled value corpus, values alone (no names): distinctive secrets are
 * recalled at 0.95 or better, personal data at 0.85 or better, and no kind of ordinary value
 * (UUIDs, git SHAs, timestamps, URLs, words, numbers, placeholders) is raised above 1%.
 */
class ValueCorpusTest {

    private static List<ValueCorpus.Row> rows;

    @BeforeAll
    static void evaluate() {
        rows = ValueCorpus.evaluate();
        System.out.println(ValueCorpus.report(rows));
    }

    private static double recall(String cls) {
        List<ValueCorpus.Row> of = rows.stream().filter(r -> r.expected().equals(cls)).toList();
        return ValueCorpus.ratio(of.stream().filter(ValueCorpus.Row::hit).count(), of.size());
    }

    @Test
    void distinctiveSecretsAreRecalledFromTheirValuesAlone() {
        assertThat(recall("secret")).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void personalDataIsRecalledFromItsValuesAlone() {
        assertThat(recall("personal")).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void noKindOfOrdinaryValueRaisesMoreThanOnePercentFalseAlarms() {
        rows.stream().filter(r -> r.expected().equals("ordinary"))
                .collect(Collectors.groupingBy(ValueCorpus.Row::kind))
                .forEach((kind, of) -> assertThat(ValueCorpus.ratio(of.stream().filter(r -> r.detected().isPresent()).count(),
                        of.size())).as(kind).isLessThanOrEqualTo(0.01));
    }

    @Test
    void theCorpusCoversEveryClassWithEnoughValues() {
        assertThat(rows.stream().filter(r -> r.expected().equals("secret")).count()).isGreaterThanOrEqualTo(100);
        assertThat(rows.stream().filter(r -> r.expected().equals("personal")).count()).isGreaterThanOrEqualTo(90);
        assertThat(rows.stream().filter(r -> r.expected().equals("ordinary")).count()).isGreaterThanOrEqualTo(300);
    }
}
