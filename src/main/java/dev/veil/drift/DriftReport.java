package dev.veil.drift;

import dev.veil.model.Finding;
import dev.veil.model.Severity;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one drift audit: the tables audited, every finding that counts (most severe first,
 * then by table, path and kind), the findings waived, and the tables that could not be audited.
 * Writers in {@link ReportFormat} turn it into JSON, Markdown, HTML or SARIF.
 *
 * @param generatedAt when the audit ran
 * @param tables      the tables audited, by name
 * @param entries     the findings that count, with their locations and details, in report order
 * @param waived      findings an unexpired waiver acknowledges, in report order; never counted
 * @param unaudited   tables the audit was asked for but could not audit, by name
 */
public record DriftReport(Instant generatedAt, List<AuditedTable> tables, List<ReportedFinding> entries,
                          List<ReportedFinding> waived, List<UnauditedTable> unaudited) {

    public DriftReport {
        Objects.requireNonNull(generatedAt, "generatedAt");
        tables = List.copyOf(tables);
        entries = List.copyOf(entries);
        waived = List.copyOf(waived);
        unaudited = List.copyOf(unaudited);
    }

    /** A report with nothing waived and every table audited. */
    public DriftReport(Instant generatedAt, List<AuditedTable> tables, List<ReportedFinding> entries) {
        this(generatedAt, tables, entries, List.of(), List.of());
    }

    /** The findings that count, in report order. */
    public List<Finding> findings() {
        return entries.stream().map(ReportedFinding::finding).toList();
    }

    /** How many counting findings there are of each severity; every severity is present, zero when none. */
    public Map<Severity, Long> countsBySeverity() {
        EnumMap<Severity, Long> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        entries.forEach(e -> counts.merge(e.finding().severity(), 1L, Long::sum));
        return Collections.unmodifiableMap(counts);
    }

    /** True when at least one counting finding is at {@code threshold} or more severe; waived ones never are. */
    public boolean hasFindingsAtOrAbove(Severity threshold) {
        return entries.stream().anyMatch(e -> e.finding().severity().atLeast(threshold));
    }
}
