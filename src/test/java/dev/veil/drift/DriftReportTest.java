package dev.veil.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.Finding;
import dev.veil.model.FindingKind;
import dev.veil.model.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DriftReportTest {

    private static DriftReport reportWith(Severity... severities) {
        List<ReportedFinding> entries = java.util.Arrays.stream(severities)
                .map(s -> ReportedFinding.of(new Finding("t", Optional.empty(), FindingKind.NEW_ATTRIBUTE, s, "m", "a")))
                .toList();
        return new DriftReport(Instant.EPOCH, List.of(), entries);
    }

    @ParameterizedTest(name = "worst {0}, --fail-on {1}: fails {2}")
    @CsvSource({
            "high,   high,   true",
            "medium, high,   false",
            "medium, medium, true",
            "low,    medium, false",
            "low,    low,    true",
            "high,   never,  false",
            "none,   low,    false"
    })
    void theThresholdFailsOnlyOnFindingsAtOrAboveIt(String worst, String failOn, boolean fails) {
        DriftReport report = worst.equals("none") ? reportWith() : reportWith(Severity.LOW, Severity.fromLabel(worst).orElseThrow());

        assertThat(FailOn.fromLabel(failOn).orElseThrow().failsOn(report)).isEqualTo(fails);
    }

    @Test
    void theDefaultThresholdIsHigh() {
        assertThat(FailOn.DEFAULT).isEqualTo(FailOn.HIGH);
        assertThat(FailOn.fromLabel("sometimes")).isEmpty();
    }

    @Test
    void countsCoverEverySeverity() {
        assertThat(reportWith(Severity.HIGH, Severity.HIGH, Severity.LOW).countsBySeverity())
                .isEqualTo(Map.of(Severity.HIGH, 2L, Severity.MEDIUM, 0L, Severity.LOW, 1L));
    }

    @Test
    void unreadableTablesAreListedApartAndAreNeverFindings() {
        var auditor = new DriftAuditor(Clock.fixed(Fixtures.RUN_2, ZoneOffset.UTC));
        UnauditedTable unreadable = new UnauditedTable("orders", UnauditedTable.Cause.UNAVAILABLE,
                "DynamoDB refused to describe `orders`: AccessDenied");

        DriftReport report = auditor.audit(List.of(Fixtures.users(Fixtures.usersAttributes()).build()), List.of(),
                List.of(unreadable));

        assertThat(report.unaudited()).containsExactly(unreadable);
        assertThat(report.findings()).noneMatch(f -> f.table().equals("orders"));
        assertThat(report.tables()).extracting(AuditedTable::table).containsExactly("users");
        assertThat(report.generatedAt()).isEqualTo(Fixtures.RUN_2);
    }

    @Test
    void fingerprintsIgnoreNumbersThatChangeBetweenRuns() {
        var auditor = new DriftAuditor();
        var now = Fixtures.users(withSsn(0.37)).build();
        var later = Fixtures.users(withSsn(0.41)).build();

        String first = auditor.audit(List.of(now)).entries().get(0).fingerprint();
        String second = auditor.audit(List.of(later)).entries().get(0).fingerprint();

        assertThat(first).isEqualTo(second).matches("[0-9a-f]{64}");
    }

    private static List<dev.veil.model.AttributeProfile> withSsn(double presence) {
        var attributes = Fixtures.usersAttributes();
        attributes.add(Fixtures.attr("ssn", presence, 500, dev.veil.model.DynamoType.S));
        return attributes;
    }
}
