package dev.veil.drift;

import dev.veil.model.Finding;
import dev.veil.model.Severity;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the report as one self-contained HTML page: inline CSS, no script and no external resource
 * (a Content-Security-Policy forbids both), the tables that could not be audited, the findings that
 * count, and the waived findings apart. Every piece of text is HTML-escaped, so hostile attribute names such as
 * {@code <script>} stay inert text.
 */
public final class HtmlReportWriter implements ReportWriter {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1f2328;background:#fff}
            h1{font-size:1.5rem;margin:0 0 .5rem}
            h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}
            th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
            th{background:#f6f8fa;white-space:nowrap}
            code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f6f8fa;padding:0 .2rem;border-radius:3px;overflow-wrap:break-word}
            .sev{font-weight:600;white-space:nowrap}
            .sev-high .sev{color:#cf222e}.sev-medium .sev{color:#9a6700}.sev-low .sev{color:#57606a}
            .muted{color:#57606a}
            """;

    private static final String[] COLUMNS = {"Severity", "Table", "Attribute", "Kind", "Finding", "What to do", "Since", "Location"};

    private final ReportPaths paths;

    public HtmlReportWriter(Path baseDir) {
        this.paths = new ReportPaths(baseDir);
    }

    @Override
    public String write(DriftReport report) {
        StringBuilder out = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                        + " style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Veil drift report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>Veil drift report</h1>\n<p>").append(summary(report)).append("</p>\n");
        unaudited(report, out);
        tables(report, out);
        findings(report, out);
        waived(report, out);
        return out.append("</body>\n</html>\n").toString();
    }

    private static String summary(DriftReport report) {
        Map<Severity, Long> counts = report.countsBySeverity();
        return "<strong>" + report.entries().size() + " findings</strong> in " + report.tables().size() + " tables: "
                + counts.get(Severity.HIGH) + " high, " + counts.get(Severity.MEDIUM) + " medium, "
                + counts.get(Severity.LOW) + " low; " + report.waived().size() + " waived; "
                + report.unaudited().size() + " tables not audited. <span class=\"muted\">Generated "
                + escape(Wording.when(report.generatedAt())) + ".</span>";
    }

    private void tables(DriftReport report, StringBuilder out) {
        out.append("<h2>Tables</h2>\n<table id=\"tables\">\n<thead><tr><th>Table</th><th>Policy</th><th>Policy file</th>"
                + "<th>Items sampled</th><th>Sampled</th><th>Findings</th></tr></thead>\n<tbody>\n");
        for (AuditedTable t : report.tables()) {
            long n = report.findings().stream().filter(f -> f.table().equals(t.table())).count();
            out.append("<tr><td><code>").append(escape(t.table())).append("</code></td><td>")
                    .append(t.policyVersion().map(v -> "v" + v).orElse("none")).append("</td><td>")
                    .append(t.policyFile().map(f -> "<code>" + escape(paths.display(f)) + "</code>").orElse(""))
                    .append("</td><td>").append(t.itemsSampled().map(String::valueOf).orElse(""))
                    .append("</td><td>").append(t.sampledAt().map(at -> escape(Wording.when(at))).orElse(""))
                    .append("</td><td>").append(n).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    private void findings(DriftReport report, StringBuilder out) {
        out.append("<h2>Findings</h2>\n<table id=\"findings\">\n<thead><tr>");
        for (String column : COLUMNS) {
            out.append("<th>").append(column).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        report.entries().forEach(e -> out.append(row(e)));
        out.append("</tbody>\n</table>\n");
        if (report.entries().isEmpty()) {
            out.append("<p>No drift found.</p>\n");
        }
    }

    private String row(ReportedFinding e) {
        Finding f = e.finding();
        return "<tr class=\"sev-" + f.severity().label() + "\">"
                + "<td class=\"sev\">" + f.severity().label() + "</td>"
                + "<td><code>" + escape(f.table()) + "</code>" + entity(f) + "</td>"
                + "<td>" + f.path().map(p -> "<code>" + escape(p.toString()) + "</code>").orElse("<span class=\"muted\">table</span>") + "</td>"
                + "<td>" + escape(f.kind().label()) + "</td>"
                + "<td>" + text(f.message()) + "</td>"
                + "<td>" + text(f.action()) + "</td>"
                + "<td>" + e.since().map(at -> escape(Wording.when(at))).orElse("") + "</td>"
                + "<td>" + e.location().map(l -> "<code>" + escape(paths.display(l.file()) + ":" + l.line() + ":" + l.column())
                        + "</code>").orElse("") + "</td>"
                + "</tr>\n";
    }

    /** The entity of a finding of a single-table design, after its table. */
    private static String entity(Finding f) {
        return f.entity().map(e -> " <span class=\"muted\">entity</span> <code>" + escape(e) + "</code>").orElse("");
    }

    private static void unaudited(DriftReport report, StringBuilder out) {
        if (report.unaudited().isEmpty()) {
            return;
        }
        out.append("<h2>Not audited</h2>\n<p>These tables could not be audited, so nothing is known of their drift:</p>\n<ul id=\"unaudited\">\n");
        report.unaudited().forEach(u -> out.append("<li><code>").append(escape(u.table())).append("</code>: ")
                .append(text(u.message())).append("</li>\n"));
        out.append("</ul>\n");
    }

    private static void waived(DriftReport report, StringBuilder out) {
        if (report.waived().isEmpty()) {
            return;
        }
        out.append("<h2>Waived</h2>\n<p>Acknowledged in <code>").append(WaiverFile.NAME)
                .append("</code> and not counted for the exit code.</p>\n<table id=\"waived\">\n<thead><tr><th>Severity</th>"
                        + "<th>Table</th><th>Attribute</th><th>Kind</th><th>Finding</th><th>Reason</th><th>By</th>"
                        + "<th>Until</th></tr></thead>\n<tbody>\n");
        for (ReportedFinding e : report.waived()) {
            Finding f = e.finding();
            Waiver w = e.waiver().orElseThrow();
            out.append("<tr class=\"sev-").append(f.severity().label()).append("\"><td class=\"sev\">")
                    .append(f.severity().label()).append("</td><td><code>").append(escape(f.table()))
                    .append("</code>").append(entity(f)).append("</td><td>").append(f.path().map(p -> "<code>" + escape(p.toString()) + "</code>").orElse(""))
                    .append("</td><td>").append(escape(f.kind().label())).append("</td><td>").append(text(f.message()))
                    .append("</td><td>").append(escape(w.reason())).append("</td><td>").append(escape(w.by()))
                    .append("</td><td>").append(w.until()).append("</td></tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    /** Message text with its code spans as {@code <code>}, everything escaped. */
    static String text(String message) {
        StringBuilder sb = new StringBuilder();
        for (CodeSpans.Segment s : CodeSpans.split(message)) {
            sb.append(s.code() ? "<code>" + escape(s.text()) + "</code>" : escape(s.text()));
        }
        return sb.toString();
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : Wording.visible(text).toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
