package dev.veil.drift;

import dev.veil.model.Finding;
import dev.veil.model.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the report as GitHub-flavoured Markdown that fits a pull-request comment: a summary line,
 * then one table of findings per table, most severe tables first. Attribute names stay literal
 * whatever they hold: they are code spans with {@code |} escaped, and all other text is
 * backslash-escaped. Past {@value #BUDGET} characters the rest is summarised, since comments are
 * limited to 65,536.
 */
public final class MarkdownReportWriter implements ReportWriter {

    static final int BUDGET = 60_000;
    private static final String PUNCTUATION = "\\`*_[]<>|~&#!";

    private final ReportPaths paths;

    public MarkdownReportWriter(Path baseDir) {
        this.paths = new ReportPaths(baseDir);
    }

    @Override
    public String write(DriftReport report) {
        StringBuilder out = new StringBuilder("## Veil drift report\n\n").append(summary(report));
        Map<String, List<ReportedFinding>> byTable = byTable(report);
        int shown = 0;
        for (Map.Entry<String, List<ReportedFinding>> section : byTable.entrySet()) {
            StringBuilder block = new StringBuilder("\n").append(heading(section.getKey(), report)).append("\n\n")
                    .append("| Severity | Kind | Attribute | Finding | What to do |\n| --- | --- | --- | --- | --- |\n");
            int rows = 0;
            for (ReportedFinding e : section.getValue()) {
                String row = row(e);
                if (out.length() + block.length() + row.length() > BUDGET) {
                    break;
                }
                block.append(row);
                rows++;
            }
            if (rows > 0) {
                out.append(block);
                shown += rows;
            }
            if (rows < section.getValue().size()) {
                break;
            }
        }
        int total = report.entries().size();
        if (shown < total) {
            out.append("\n_").append(total - shown).append(" more findings are not shown here;"
                    + " the JSON, HTML and SARIF reports list them all._\n");
        }
        List<String> clean = report.tables().stream().map(AuditedTable::table)
                .filter(t -> !byTable.containsKey(t)).toList();
        if (!clean.isEmpty()) {
            out.append("\nNo findings: ").append(clean.stream().map(MarkdownReportWriter::code)
                    .collect(Collectors.joining(", "))).append(".\n");
        }
        return out.toString();
    }

    private static String summary(DriftReport report) {
        Map<Severity, Long> counts = report.countsBySeverity();
        int n = report.entries().size();
        return "**" + n + (n == 1 ? " finding" : " findings") + "** in " + report.tables().size()
                + (report.tables().size() == 1 ? " table" : " tables") + ": " + counts.get(Severity.HIGH) + " high, "
                + counts.get(Severity.MEDIUM) + " medium, " + counts.get(Severity.LOW) + " low. Generated "
                + Wording.when(report.generatedAt()) + ".\n";
    }

    /** Findings grouped by table, the table with the most severe finding first, then by name. */
    private static Map<String, List<ReportedFinding>> byTable(DriftReport report) {
        Map<String, List<ReportedFinding>> groups = new LinkedHashMap<>();
        report.entries().forEach(e -> groups.computeIfAbsent(e.finding().table(), t -> new ArrayList<>()).add(e));
        Comparator<Map.Entry<String, List<ReportedFinding>>> order = Comparator
                .comparing((Map.Entry<String, List<ReportedFinding>> g) -> worst(g.getValue()), Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey);
        Map<String, List<ReportedFinding>> out = new LinkedHashMap<>();
        groups.entrySet().stream().sorted(order).forEach(g -> out.put(g.getKey(), g.getValue()));
        return out;
    }

    private static Severity worst(List<ReportedFinding> entries) {
        return entries.stream().map(e -> e.finding().severity()).max(Comparator.naturalOrder()).orElse(Severity.LOW);
    }

    private String heading(String table, DriftReport report) {
        StringBuilder h = new StringBuilder("### ").append(code(table));
        Optional<AuditedTable> audited = report.tables().stream().filter(t -> t.table().equals(table)).findFirst();
        audited.ifPresent(t -> {
            t.policyVersion().ifPresent(v -> h.append(" \u00b7 policy v").append(v));
            t.policyFile().ifPresent(f -> h.append(" (").append(code(paths.display(f))).append(')'));
            t.itemsSampled().ifPresent(n -> h.append(" \u00b7 ").append(n).append(" items sampled"));
            t.sampledAt().ifPresent(at -> h.append(" on ").append(escape(Wording.when(at))));
        });
        return h.toString();
    }

    private static String row(ReportedFinding e) {
        Finding f = e.finding();
        String attribute = f.path().map(p -> code(p.toString())).orElse("_table_")
                + e.location().map(l -> " \u00b7 line " + l.line()).orElse("");
        return "| " + f.severity().label() + " | " + f.kind().label() + " | " + attribute + " | "
                + text(f.message()) + " | " + text(f.action()) + " |\n";
    }

    /** Message text with its code spans kept and everything else escaped. */
    static String text(String message) {
        StringBuilder sb = new StringBuilder();
        for (CodeSpans.Segment s : CodeSpans.split(message.replaceAll("\\R", " "))) {
            sb.append(s.code() ? code(s.text()) : escape(s.text()));
        }
        return sb.toString();
    }

    /** A code span safe inside a table cell: GFM splits cells on {@code |} even inside code spans. */
    static String code(String literal) {
        return Wording.code(Wording.visible(literal)).replace("|", "\\|");
    }

    static String escape(String plain) {
        StringBuilder sb = new StringBuilder(plain.length());
        for (char c : Wording.visible(plain).toCharArray()) {
            if (PUNCTUATION.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
