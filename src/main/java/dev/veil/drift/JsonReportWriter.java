package dev.veil.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.model.AttributePath;
import dev.veil.model.Finding;
import dev.veil.model.Severity;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the JSON report. Its shape is stable (keys in this order, never removed, only added) and
 * described by the JSON schema {@code dev/veil/drift/drift-report.schema.json} on the classpath:
 *
 * <pre>{@code
 * {
 *   "format": "veil-drift/1",
 *   "generatedAt": "2024-05-08T09:00:00Z",
 *   "summary": {"tables": 2, "findings": 3, "high": 1, "medium": 1, "low": 1, "waived": 1, "unaudited": 1},
 *   "tables": [{"table": "users", "policyVersion": 3, "policyFile": "policies/users/v3.json",
 *               "itemsSampled": 500, "sampledAt": "…", "findings": 3}],
 *   "findings": [{"table": "users", "path": "ssn", "kind": "new-attribute", "severity": "high",
 *                 "message": "…", "action": "…",
 *                 "location": {"file": "policies/users/v3.json", "line": 12, "column": 5},
 *                 "fingerprint": "…", "details": {"presence": 0.37, …},
 *                 "since": "2024-05-01T09:00:00Z", "waived": null}],
 *   "unaudited": [{"table": "nosuch", "cause": "bad-input", "message": "…"}]
 * }
 * }</pre>
 *
 * {@code findings} lists the findings that count first, then the waived ones, each of those with
 * {@code "waived": {"reason", "by", "until"}}; the summary's counts leave waived findings out.
 * {@code since} is when the first sampling run showing the finding ran (see {@link ReportedFinding#since()}).
 * {@code unaudited} lists the tables that could not be audited; a failure is never a finding.
 *
 * {@code entity} names the kind of item of a single-table design the finding is about (null for the table
 * as a whole, and for a table of one kind); it comes last, after the keys of earlier reports.
 * {@code path} is null for table-wide findings (no-policy, error), {@code location} is null without a
 * policy file, and the {@code *Version}/{@code *File}/{@code *Sampled}/{@code sampledAt} fields of a
 * table are null when unknown. Messages and actions mark names and commands as Markdown code spans.
 */
public final class JsonReportWriter implements ReportWriter {

    /** The value of {@code "format"}; bumped only for incompatible changes. */
    public static final String FORMAT = "veil-drift/1";

    private final ReportPaths paths;

    public JsonReportWriter(Path baseDir) {
        this.paths = new ReportPaths(baseDir);
    }

    @Override
    public String write(DriftReport report) {
        ObjectNode root = ReportJson.object();
        root.put("format", FORMAT);
        root.put("generatedAt", report.generatedAt().toString());
        root.set("summary", summary(report));
        ArrayNode tables = root.putArray("tables");
        report.tables().forEach(t -> tables.add(table(t, report)));
        ArrayNode findings = root.putArray("findings");
        report.entries().forEach(e -> findings.add(finding(e)));
        report.waived().forEach(e -> findings.add(finding(e)));
        ArrayNode unaudited = root.putArray("unaudited");
        report.unaudited().forEach(u -> unaudited.add(ReportJson.object().put("table", u.table())
                .put("cause", u.cause().label()).put("message", u.message())));
        return ReportJson.print(root);
    }

    private static ObjectNode summary(DriftReport report) {
        ObjectNode n = ReportJson.object();
        n.put("tables", report.tables().size());
        n.put("findings", report.entries().size());
        Map<Severity, Long> counts = report.countsBySeverity();
        for (Severity s : new Severity[] {Severity.HIGH, Severity.MEDIUM, Severity.LOW}) {
            n.put(s.label(), counts.get(s));
        }
        n.put("waived", report.waived().size());
        n.put("unaudited", report.unaudited().size());
        return n;
    }

    private ObjectNode table(AuditedTable t, DriftReport report) {
        ObjectNode n = ReportJson.object();
        n.put("table", t.table());
        n.put("policyVersion", t.policyVersion().orElse(null));
        n.put("policyFile", t.policyFile().map(paths::display).orElse(null));
        n.put("itemsSampled", t.itemsSampled().orElse(null));
        n.put("sampledAt", t.sampledAt().map(Object::toString).orElse(null));
        n.put("findings", report.findings().stream().filter(f -> f.table().equals(t.table())).count());
        return n;
    }

    private ObjectNode location(SourceLocation l) {
        return ReportJson.object().put("file", paths.display(l.file())).put("line", l.line()).put("column", l.column());
    }

    private ObjectNode finding(ReportedFinding e) {
        Finding f = e.finding();
        ObjectNode n = ReportJson.object();
        n.put("table", f.table());
        n.put("path", f.path().map(AttributePath::toString).orElse(null));
        n.put("kind", f.kind().label());
        n.put("severity", f.severity().label());
        n.put("message", f.message());
        n.put("action", f.action());
        n.set("location", e.location().<JsonNode>map(this::location).orElse(ReportJson.MAPPER.nullNode()));
        n.put("fingerprint", e.fingerprint());
        n.set("details", ReportJson.tree(e.details()));
        n.put("since", e.since().map(Object::toString).orElse(null));
        n.set("waived", e.waiver().<JsonNode>map(w -> ReportJson.object().put("reason", w.reason()).put("by", w.by())
                .put("until", w.until().toString())).orElse(ReportJson.MAPPER.nullNode()));
        n.put("entity", f.entity().orElse(null));
        return n;
    }
}
