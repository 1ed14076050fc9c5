package dev.veil.drift;

import dev.veil.model.AttributePath;
import dev.veil.model.Finding;
import dev.veil.model.FindingKind;
import dev.veil.model.Severity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Assembles one reported finding; keeps the checks free of record plumbing. */
final class Findings {

    private final String table;
    private final Optional<AttributePath> path;
    private final FindingKind kind;
    private Severity severity = Severity.MEDIUM;
    private String message = "";
    private String action = "";
    private String discriminator = "";
    private Optional<String> entity = Optional.empty();
    private final Map<String, Object> details = new LinkedHashMap<>();

    private Findings(String table, Optional<AttributePath> path, FindingKind kind) {
        this.table = table;
        this.path = path;
        this.kind = kind;
    }

    static Findings at(String table, AttributePath path, FindingKind kind) {
        return new Findings(table, Optional.of(path), kind);
    }

    /** A finding about {@code path} in the table or entity {@code t} audits. */
    static Findings at(TableEvidence t, AttributePath path, FindingKind kind) {
        return at(t.table(), path, kind).entity(t.entity());
    }

    static Findings tableWide(String table, FindingKind kind) {
        return new Findings(table, Optional.empty(), kind);
    }

    Findings severity(Severity s) {
        this.severity = s;
        return this;
    }

    Findings message(String text) {
        this.message = text;
        return this;
    }

    Findings action(String text) {
        this.action = text;
        return this;
    }

    /** Tells this finding apart from others of its kind on the same path (an index, a run); part of the fingerprint. */
    Findings discriminator(String text) {
        this.discriminator = text;
        return this;
    }

    /** The entity of a single-table design the finding is about; part of the fingerprint. */
    Findings entity(Optional<String> name) {
        this.entity = name;
        return this;
    }

    Findings detail(String name, Object value) {
        details.put(name, value);
        return this;
    }

    ReportedFinding build() {
        return ReportedFinding.of(new Finding(table, path, kind, severity, message, action, entity), details, discriminator);
    }
}
