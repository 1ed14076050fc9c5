package dev.veil.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.Finding;
import dev.veil.model.FindingKind;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The acceptance: each drift produces the right finding and exit decision, in every format. */
class ScenarioTest {

    @TempDir
    Path dir;

    static Stream<Arguments> scenariosAndFormats() {
        return Arrays.stream(Scenarios.values())
                .flatMap(s -> Arrays.stream(ReportFormat.values()).map(f -> Arguments.of(s, f)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("scenariosAndFormats")
    void eachDriftShowsItsFindingInEveryFormat(Scenarios scenario, ReportFormat format) {
        DriftReport report = scenario.audit(dir);
        Finding expected = report.findings().stream()
                .filter(f -> f.kind() == scenario.kind && f.path().filter(scenario.path::equals).isPresent())
                .findFirst().orElseThrow(() -> new AssertionError("no " + scenario.kind + " on " + scenario.path
                        + " in " + report.findings()));

        String output = format.writer(dir).write(report);

        assertThat(Formats.shows(format, output, expected)).as(output).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Scenarios.class)
    void eachDriftFailsTheDefaultThresholdOnlyWhenItIsHigh(Scenarios scenario) {
        DriftReport report = scenario.audit(dir);

        assertThat(FailOn.DEFAULT.failsOn(report)).isEqualTo(scenario.failsByDefault);
        assertThat(FailOn.LOW.failsOn(report)).isTrue();
        assertThat(FailOn.NEVER.failsOn(report)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ReportFormat.class)
    void everyFindingOfEveryKindAppearsInEveryFormat(ReportFormat format) {
        DriftReport report = Scenarios.everything(dir);
        String output = format.writer(dir).write(report);

        assertThat(report.findings()).allSatisfy(f -> assertThat(Formats.shows(format, output, f)).as(f.toString()).isTrue());
    }

    @Test
    void theCombinedReportHoldsEveryKindOfFinding() {
        EnumSet<FindingKind> kinds = EnumSet.noneOf(FindingKind.class);
        Scenarios.everything(dir).findings().forEach(f -> kinds.add(f.kind()));

        assertThat(kinds).containsExactlyInAnyOrder(FindingKind.values());
    }
}
