package dev.veil.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.model.FindingKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportWriterTest {

    @TempDir
    Path dir;

    private JsonNode sarif(DriftReport report) {
        return Formats.parse(ReportFormat.SARIF.writer(dir).write(report));
    }

    private JsonNode resultFor(JsonNode log, String ruleId, String fullyQualifiedName) {
        for (JsonNode r : log.at("/runs/0/results")) {
            if (r.get("ruleId").asText().equals(ruleId)
                    && r.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText().equals(fullyQualifiedName)) {
                return r;
            }
        }
        throw new AssertionError("no " + ruleId + " result for " + fullyQualifiedName);
    }

    @Test
    void theLogValidatesAgainstTheSarif210Schema() {
        JsonNode log = sarif(Scenarios.everything(dir));

        assertThat(SchemaCheck.sarif().validate(log)).isEmpty();
        assertThat(log.at("/runs/0/results").size()).isEqualTo(Scenarios.everything(dir).entries().size());
    }

    @Test
    void theSchemaCheckRejectsABrokenLog() {
        ObjectNode log = (ObjectNode) sarif(Scenarios.everything(dir));
        ((ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
        log.put("version", "2.0.0");

        assertThat(SchemaCheck.sarif().validate(log)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void anEmptyReportIsAValidLog() {
        JsonNode log = sarif(new DriftAuditor().audit(List.of(Fixtures.users(Fixtures.usersAttributes()).build())));

        assertThat(SchemaCheck.sarif().validate(log)).isEmpty();
        assertThat(log.at("/runs/0/results")).isEmpty();
    }

    @Test
    void eachKindIsARuleWithHelpTextAndResultsPointAtTheirRuleByIndex() {
        JsonNode log = sarif(Scenarios.everything(dir));
        JsonNode rules = log.at("/runs/0/tool/driver/rules");

        assertThat(log.at("/runs/0/tool/driver/name").asText()).isEqualTo("Veil");
        assertThat(rules).hasSize(FindingKind.values().length);
        rules.forEach(rule -> assertThat(rule.at("/help/text").asText()).isNotBlank());
        log.at("/runs/0/results").forEach(r ->
                assertThat(rules.get(r.get("ruleIndex").asInt()).get("id")).isEqualTo(r.get("ruleId")));
    }

    @Test
    void aResultPointsAtTheLineAndColumnOfItsAttributesKeyInThePolicyFile() throws Exception {
        JsonNode typeChange = resultFor(sarif(Scenarios.everything(dir)), "type-change", "users.age");
        List<String> lines = Files.readAllLines(dir.resolve("users/v3.json"));

        JsonNode physical = typeChange.at("/locations/0/physicalLocation");
        int line = physical.at("/region/startLine").asInt();
        int column = physical.at("/region/startColumn").asInt();
        assertThat(physical.at("/artifactLocation/uri").asText()).isEqualTo("users/v3.json");
        assertThat(lines.get(line - 1).substring(column - 1)).startsWith("\"age\"");
    }

    @Test
    void aNewAttributePointsAtTheAttributesObjectThatShouldNameIt() throws Exception {
        JsonNode added = resultFor(sarif(Scenarios.everything(dir)), "new-attribute", "users.ssn");
        List<String> lines = Files.readAllLines(dir.resolve("users/v3.json"));

        int line = added.at("/locations/0/physicalLocation/region/startLine").asInt();
        assertThat(lines.get(line - 1)).contains("\"attributes\"");
    }

    @Test
    void aTableWithoutAPolicyFileHasOnlyALogicalLocation() {
        JsonNode noPolicy = resultFor(sarif(Scenarios.everything(dir)), "no-policy", "sessions");

        assertThat(noPolicy.at("/locations/0/physicalLocation").isMissingNode()).isTrue();
        assertThat(noPolicy.at("/locations/0/logicalLocations/0/name").asText()).isEqualTo("sessions");
    }

    @Test
    void withAFallbackArtifactEveryResultHasAPhysicalLocationAsGitHubRequires() {
        DriftReport report = Scenarios.everything(dir);
        JsonNode log = Formats.parse(ReportFormat.SARIF.writer(dir, java.util.Optional.of(dir.resolve("veil-drift.yml")))
                .write(report));

        log.at("/runs/0/results").forEach(r ->
                assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).as(r.toString()).isNotEmpty());
        assertThat(resultFor(log, "no-policy", "sessions").at("/locations/0/physicalLocation/artifactLocation/uri")
                .asText()).isEqualTo("veil-drift.yml");
        assertThat(SchemaCheck.sarif().validate(log)).isEmpty();
    }

    @Test
    void aTableWithoutAPolicyNeverPointsAtAPolicyFileThatDoesNotExist() {
        var sessions = TableAuditInput.builder("sessions").info(Fixtures.table("sessions"))
                .latestProfile(Fixtures.profile("sessions", Fixtures.RUN_2, 50))
                .policyFile(dir.resolve("sessions/v1.json")).build();

        DriftReport report = new DriftAuditor().audit(java.util.List.of(sessions));
        JsonNode log = sarif(report);

        assertThat(resultFor(log, "no-policy", "sessions").at("/locations/0/physicalLocation").isMissingNode()).isTrue();
        assertThat(report.tables().get(0).policyFile()).isEmpty();
        assertThat(ReportFormat.MARKDOWN.writer(dir).write(report)).doesNotContain("v1.json");
    }

    @Test
    void levelsFollowSeverity() {
        List<String> levels = new ArrayList<>();
        sarif(Scenarios.everything(dir)).at("/runs/0/results").forEach(r ->
                levels.add(r.at("/properties/severity").asText() + "=" + r.get("level").asText()));

        assertThat(levels).contains("high=error", "medium=warning", "low=note")
                .allMatch(l -> List.of("high=error", "medium=warning", "low=note").contains(l));
    }

    @Test
    void policyFilesOutsideTheBaseDirectoryBecomeFileUris(@TempDir Path elsewhere) {
        JsonNode log = Formats.parse(ReportFormat.SARIF.writer(elsewhere).write(Scenarios.everything(dir)));

        assertThat(resultFor(log, "type-change", "users.age").at("/locations/0/physicalLocation/artifactLocation/uri")
                .asText()).startsWith("file:///").endsWith("/users/v3.json");
        assertThat(SchemaCheck.sarif().validate(log)).isEmpty();
    }

    @Test
    void fingerprintsAreStableAcrossRunsAndDistinctWithinOne() {
        List<String> first = fingerprints(sarif(Scenarios.everything(dir)));
        List<String> second = fingerprints(sarif(Scenarios.everything(dir)));

        assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
    }

    private static List<String> fingerprints(JsonNode log) {
        List<String> out = new ArrayList<>();
        log.at("/runs/0/results").forEach(r -> out.add(r.at("/partialFingerprints/" + SarifReportWriter.FINGERPRINT.replace("/", "~1")).asText()));
        return out;
    }
}
