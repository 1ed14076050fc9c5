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
 * Writes the report as GitHub-flavoured Markdown that fits a pull-request comment: a summary line, the
 * tables that could not be audited, then per table (most severe first) one section per severity with
 * every finding's full "what to do", then the waived findings apart. Attribute names stay literal
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
        unaudited(report, out);
        Map<String, List<ReportedFinding>> byTable = byTable(report);
        int shown = 0;
        boolean full = false;
        for (Map.Entry<String, List<ReportedFinding>> section : byTable.entrySet()) {
            StringBuilder block = new StringBuilder("\n").append(heading(section.getKey(), report)).append("\n");
            int rows = 0;
            Severity current = null;
            for (ReportedFinding e : section.getValue()) {
                StringBuilder piece = new StringBuilder();
                if (e.finding().severity() != current) {
                    current = e.finding().severity();
                    long n = section.getValue().stream().filter(x -> x.finding().severity() == e.finding().severity()).count();
                    piece.append("\n#### ").append(title(current)).append(" (").append(n).append(")\n\n")
                            .append("| Kind | Attribute | Finding | What to do | Since |\n| --- | --- | --- | --- | --- |\n");
                }
                piece.append(row(e));
                if (out.length() + block.length() + piece.length() > BUDGET) {
                    full = true;
                    break;
                }
                block.append(piece);
                rows++;
            }
            if (rows > 0) {
                out.append(block);
                shown += rows;
            }
            if (full) {
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
        waived(report, out, full);
        return out.toString();
    }

    private static String summary(DriftReport report) {
        Map<Severity, Long> counts = report.countsBySeverity();
        int n = report.entries().size();
        StringBuilder sb = new StringBuilder("**").append(n).append(n == 1 ? " finding" : " findings").append("** in ")
                .append(report.tables().size()).append(report.tables().size() == 1 ? " table" : " tables").append(": ")
                .append(counts.get(Severity.HIGH)).append(" high, ").append(counts.get(Severity.MEDIUM))
                .append(" medium, ").append(counts.get(Severity.LOW)).append(" low");
        if (!report.waived().isEmpty()) {
            sb.append("; ").append(report.waived().size()).append(" waived");
        }
        if (!report.unaudited().isEmpty()) {
            sb.append("; ").append(report.unaudited().size()).append(report.unaudited().size() == 1 ? " table" : " tables")
                    .append(" not audited");
        }
        return sb.append(". Generated ").append(Wording.when(report.generatedAt())).append(".\n").toString();
    }

    private static String title(Severity s) {
        return switch (s) {
            case HIGH -> "High";
            case MEDIUM -> "Medium";
            case LOW -> "Low";
        };
    }

    private static void unaudited(DriftReport report, StringBuilder out) {
        if (report.unaudited().isEmpty()) {
            return;
        }
        out.append("\n### Not audited\n\nThese tables could not be audited, so nothing is known of their drift:\n\n");
        report.unaudited().forEach(u -> out.append("- ").append(code(u.table())).append(": ").append(text(u.message()))
                .append('\n'));
    }

    private static void waived(DriftReport report, StringBuilder out, boolean full) {
        if (report.waived().isEmpty()) {
            return;
        }
        StringBuilder block = new StringBuilder("\n### Waived\n\nAcknowledged in ").append(code(WaiverFile.NAME))
                .append(" and not counted for the exit code:\n\n")
                .append("| Table | Kind | Attribute | Finding | Reason | By | Until |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        int rows = 0;
        for (ReportedFinding e : report.waived()) {
            Finding f = e.finding();
            Waiver w = e.waiver().orElseThrow();
            String row = "| " + code(f.table()) + " | " + f.kind().label() + " | "
                    + f.path().map(p -> code(p.toString())).orElse("_table_")
                    + f.entity().map(entity -> " of " + code(entity)).orElse("") + " | " + text(f.message()) + " | "
                    + escape(w.reason().replaceAll("\\R", " ")) + " | " + escape(w.by()) + " | " + w.until() + " |\n";
            if (full || out.length() + block.length() + row.length() > BUDGET) {
                break;
            }
            block.append(row);
            rows++;
        }
        if (rows > 0) {
            out.append(block);
        }
        if (rows < report.waived().size()) {
            out.append("\n_").append(report.waived().size() - rows).append(" more waived findings are not shown here._\n");
        }
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
                + f.entity().map(entity -> " of " + code(entity)).orElse("")
                + e.location().map(l -> " \u00b7 " + (WaiverFile.NAME.equals(String.valueOf(l.file().getFileName()))
                        ? code(WaiverFile.NAME) + " " : "") + "line " + l.line()).orElse("");
        return "| " + f.kind().label() + " | " + attribute + " | " + text(f.message()) + " | " + text(f.action())
                + " | " + e.since().map(at -> escape(Wording.when(at))).orElse("") + " |\n";
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
