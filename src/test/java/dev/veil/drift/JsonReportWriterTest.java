package dev.veil.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportWriterTest {

    @TempDir
    Path dir;

    private JsonNode json() {
        return Formats.parse(ReportFormat.JSON.writer(dir).write(Scenarios.everything(dir)));
    }

    @Test
    void theReportMatchesItsPublishedSchema() {
        assertThat(SchemaCheck.driftReport().validate(json())).isEmpty();
    }

    @Test
    void theSchemaCatchesAFindingWithoutItsAction() {
        JsonNode doc = json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.at("/findings/0")).remove("action");

        assertThat(SchemaCheck.driftReport().validate(doc)).isNotEmpty();
    }

    @Test
    void findingsCarryTheContractFieldsFirstAndInOrder() {
        JsonNode finding = json().at("/findings/0");
        List<String> keys = new ArrayList<>();
        finding.fieldNames().forEachRemaining(keys::add);

        assertThat(keys).startsWith("table", "path", "kind", "severity", "message", "action");
    }

    @Test
    void tableWideFindingsHaveANullPathAndFindingsWithoutAPolicyFileANullLocation() {
        JsonNode noPolicy = StreamSupport.stream(json().get("findings").spliterator(), false)
                .filter(f -> f.get("kind").asText().equals("no-policy")).findFirst().orElseThrow();

        assertThat(noPolicy.get("path").isNull()).isTrue();
        assertThat(noPolicy.get("location").isNull()).isTrue();
    }

    @Test
    void locationsAreRelativeToTheBaseDirectory() {
        JsonNode typeChange = StreamSupport.stream(json().get("findings").spliterator(), false)
                .filter(f -> f.get("kind").asText().equals("type-change")).findFirst().orElseThrow();

        assertThat(typeChange.at("/location/file").asText()).isEqualTo("users/v3.json");
        assertThat(typeChange.at("/details/policyTypes/0").asText()).isEqualTo("N");
    }

    @Test
    void theSummaryCountsMatchTheFindings() {
        JsonNode doc = json();
        long high = StreamSupport.stream(doc.get("findings").spliterator(), false)
                .filter(f -> f.get("severity").asText().equals("high")).count();

        assertThat(doc.at("/summary/findings").asInt()).isEqualTo(doc.get("findings").size());
        assertThat(doc.at("/summary/high").asLong()).isEqualTo(high);
        assertThat(doc.at("/summary/tables").asInt()).isEqualTo(4);
    }

    @Test
    void theSameReportIsWrittenByteForByteTheSame() {
        DriftReport report = Scenarios.everything(dir);

        assertThat(ReportFormat.JSON.writer(dir).write(report)).isEqualTo(ReportFormat.JSON.writer(dir).write(report))
                .endsWith("}\n");
    }
}
