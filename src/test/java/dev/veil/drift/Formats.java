package dev.veil.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.model.AttributePath;
import dev.veil.model.Finding;
import java.io.UncheckedIOException;
import java.util.stream.StreamSupport;

/** Reads a written report back well enough to tell whether it shows a finding. */
final class Formats {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Formats() {
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean shows(ReportFormat format, String output, Finding f) {
        String path = f.path().map(AttributePath::toString).orElse(null);
        return switch (format) {
            case JSON -> StreamSupport.stream(parse(output).get("findings").spliterator(), false).anyMatch(n ->
                    n.get("kind").asText().equals(f.kind().label()) && n.get("table").asText().equals(f.table())
                            && n.get("severity").asText().equals(f.severity().label())
                            && (path == null ? n.get("path").isNull() : n.get("path").asText().equals(path))
                            && n.get("entity").asText(null) == null == f.entity().isEmpty()
                            && f.entity().map(e -> e.equals(n.get("entity").asText())).orElse(true));
            case SARIF -> StreamSupport.stream(parse(output).at("/runs/0/results").spliterator(), false).anyMatch(n ->
                    n.get("ruleId").asText().equals(f.kind().label())
                            && n.get("level").asText().equals(SarifReportWriter.level(f.severity()))
                            && n.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText()
                            .equals(f.table() + f.entity().map(e -> "[" + e + "]").orElse("")
                                    + (path == null ? "" : "." + path)));
            case MARKDOWN -> markdownShows(output, f, path);
            case HTML -> output.contains("<td class=\"sev\">"
                    + f.severity().label() + "</td><td><code>" + HtmlReportWriter.escape(f.table()) + "</code>"
                    + f.entity().map(e -> " <span class=\"muted\">entity</span> <code>" + HtmlReportWriter.escape(e) + "</code>")
                    .orElse("") + "</td><td>"
                    + (path == null ? "<span class=\"muted\">table</span>" : "<code>" + HtmlReportWriter.escape(path) + "</code>")
                    + "</td><td>" + f.kind().label() + "</td>");
        };
    }

    /** The finding's row stands under the heading of its severity. */
    private static boolean markdownShows(String output, Finding f, String path) {
        String row = "| " + f.kind().label() + " | " + (path == null ? "_table_" : MarkdownReportWriter.code(path))
                + f.entity().map(e -> " of " + MarkdownReportWriter.code(e)).orElse("");
        for (int at = output.indexOf(row); at >= 0; at = output.indexOf(row, at + 1)) {
            int heading = output.lastIndexOf("\n#### ", at);
            int waived = output.lastIndexOf("\n### Waived", at);
            if (heading >= 0 && waived < heading && output.startsWith("\n#### " + title(f), heading)) {
                return true;
            }
        }
        return false;
    }

    private static String title(Finding f) {
        String label = f.severity().label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
