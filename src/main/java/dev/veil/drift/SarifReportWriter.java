package dev.veil.drift;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.model.AttributePath;
import dev.veil.model.Finding;
import dev.veil.model.FindingKind;
import dev.veil.model.Severity;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes the report as a SARIF 2.1.0 log for code-scanning tools. One run, tool {@code Veil}, one rule
 * per finding kind (id = the kind's label, with help text), one result per finding: level from the
 * severity (high = error, medium = warning, low = note), the message followed by what to do, a
 * physical location at the attribute's key in the policy file (relative to the base directory), or
 * at line 1 of a fallback artifact, plus a logical location naming the table and attribute, and a
 * {@code partialFingerprints} entry {@value #FINGERPRINT} that survives changing numbers and lines.
 * A waived finding is a result with an accepted external {@code suppressions} entry (the waiver's reason
 * as justification); a table that could not be audited is an error notification of the invocation,
 * which then reports {@code executionSuccessful: false}.
 */
public final class SarifReportWriter implements ReportWriter {

    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String FINGERPRINT = "veilFinding/v1";

    private final ReportPaths paths;
    private final Optional<SourceLocation> fallback;

    /**
     * @param baseDir          policy file URIs are relative to it when beneath it
     * @param fallbackArtifact where results with no policy file point (line 1), such as the error finding of a
     *                         table that could not be read; without it they carry only a logical location, which
     *                         is valid SARIF but which GitHub code scanning rejects
     */
    public SarifReportWriter(Path baseDir, Optional<Path> fallbackArtifact) {
        this.paths = new ReportPaths(baseDir);
        this.fallback = fallbackArtifact.map(p -> new SourceLocation(p, 1, 1));
    }

    public SarifReportWriter(Path baseDir) {
        this(baseDir, Optional.empty());
    }

    @Override
    public String write(DriftReport report) {
        ObjectNode root = ReportJson.object();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        run.set("tool", ReportJson.object().set("driver", driver()));
        run.put("columnKind", "utf16CodeUnits");
        run.putArray("invocations").add(invocation(report));
        ArrayNode results = run.putArray("results");
        report.entries().forEach(e -> results.add(result(e)));
        report.waived().forEach(e -> results.add(result(e)));
        run.set("properties", ReportJson.object().put("generatedAt", report.generatedAt().toString())
                .put("tablesAudited", report.tables().size()));
        return ReportJson.print(root);
    }

    /** The run succeeded only if every table was audited; each one that was not is an error notification. */
    private static ObjectNode invocation(DriftReport report) {
        ObjectNode invocation = ReportJson.object().put("executionSuccessful", report.unaudited().isEmpty());
        ArrayNode notes = invocation.putArray("toolExecutionNotifications");
        report.unaudited().forEach(u -> notes.addObject().put("level", "error")
                .<ObjectNode>set("message", ReportJson.object().put("text", u.message()))
                .set("properties", ReportJson.object().put("table", u.table()).put("cause", u.cause().label())));
        return invocation;
    }

    private static ObjectNode driver() {
        ObjectNode driver = ReportJson.object().put("name", "Veil");
        version().ifPresent(v -> driver.put("version", v).put("semanticVersion", v));
        ArrayNode rules = driver.putArray("rules");
        for (FindingKind kind : FindingKind.values()) {
            KindTexts.Text text = KindTexts.of(kind);
            ObjectNode rule = rules.addObject();
            rule.put("id", kind.label());
            rule.put("name", ruleName(kind));
            rule.set("shortDescription", ReportJson.object().put("text", text.title()));
            rule.set("fullDescription", ReportJson.object().put("text", text.description()));
            rule.set("help", ReportJson.object().put("text", text.help()));
            rule.set("defaultConfiguration", ReportJson.object().put("level", level(text.usual())));
            ArrayNode tags = ReportJson.object().putArray("tags").add("security").add("data-governance");
            rule.set("properties", ReportJson.object().set("tags", tags));
        }
        return driver;
    }

    private ObjectNode result(ReportedFinding e) {
        Finding f = e.finding();
        ObjectNode result = ReportJson.object();
        result.put("ruleId", f.kind().label());
        result.put("ruleIndex", f.kind().ordinal());
        result.put("level", level(f.severity()));
        result.set("message", ReportJson.object().put("text", f.message() + " What to do: " + f.action()));
        ObjectNode location = result.putArray("locations").addObject();
        e.location().or(() -> fallback).ifPresent(l -> location.set("physicalLocation", ReportJson.object()
                .<ObjectNode>set("artifactLocation", ReportJson.object().put("uri", paths.uri(l.file())))
                .set("region", ReportJson.object().put("startLine", l.line()).put("startColumn", l.column()))));
        location.putArray("logicalLocations").add(logical(f));
        result.set("partialFingerprints", ReportJson.object().put(FINGERPRINT, e.fingerprint()));
        e.waiver().ifPresent(w -> result.putArray("suppressions").addObject().put("kind", "external")
                .put("status", "accepted").put("justification", w.reason())
                .set("properties", ReportJson.object().put("by", w.by()).put("until", w.until().toString())));
        ObjectNode properties = ReportJson.object().put("table", f.table())
                .put("path", f.path().map(AttributePath::toString).orElse(null))
                .put("severity", f.severity().label()).put("action", f.action())
                .put("since", e.since().map(Object::toString).orElse(null));
        f.entity().ifPresent(entity -> properties.put("entity", entity));
        properties.set("details", ReportJson.tree(e.details()));
        result.set("properties", properties);
        return result;
    }

    private static ObjectNode logical(Finding f) {
        ObjectNode n = ReportJson.object();
        n.put("name", f.path().map(AttributePath::toString).orElse(f.table()));
        n.put("fullyQualifiedName", f.table() + f.entity().map(e -> "[" + e + "]").orElse("")
                + f.path().map(p -> "." + p).orElse(""));
        n.put("kind", f.path().isPresent() ? "member" : "resource");
        return n;
    }

    static String level(Severity s) {
        return switch (s) {
            case HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    /** The kind in PascalCase ("NewAttribute"), SARIF's convention for rule names. */
    private static String ruleName(FindingKind kind) {
        StringBuilder sb = new StringBuilder();
        for (String word : kind.label().split("-")) {
            sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return sb.toString();
    }

    private static Optional<String> version() {
        return Optional.ofNullable(SarifReportWriter.class.getPackage().getImplementationVersion());
    }
}
