package dev.veil.drift;

import dev.veil.model.AttributePath;
import dev.veil.model.Finding;
import dev.veil.model.FindingKind;
import dev.veil.model.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Audits tables for drift: compares each table's latest sample with its published policy, its
 * review decisions, its indexes and its earlier samples, then compares tables with each other.
 *
 * <p>Severities (what {@code --fail-on} acts on):
 * <table>
 * <caption>Finding kinds and their severities</caption>
 * <tr><th>kind</th><th>high</th><th>medium</th><th>low</th></tr>
 * <tr><td>new-attribute</td><td>Veil suggests secret or owner-only</td><td>otherwise</td>
 *     <td>inside a secret map (dropped with it)</td></tr>
 * <tr><td>type-change</td><td>shape change (scalar, map, list) of a non-secret attribute</td>
 *     <td>other type change; shape change of a secret</td><td>scalar change of a secret</td></tr>
 * <tr><td>missing-attribute</td><td>-</td><td>was in at least half the items of an earlier run</td>
 *     <td>otherwise</td></tr>
 * <tr><td>unreviewed</td><td>unpublished decision narrower than the published class</td>
 *     <td>other unpublished decision</td><td>-</td></tr>
 * <tr><td>no-policy</td><td>always</td><td>-</td><td>-</td></tr>
 * <tr><td>inconsistent-class</td><td>the wider class is public</td><td>owner-only against secret</td><td>-</td></tr>
 * <tr><td>index-exposure, key-exposure</td><td>reviewed secret</td><td>suggested secret, unreviewed</td><td>-</td></tr>
 * <tr><td>history</td><td>-</td><td>-</td><td>always</td></tr>
 * <tr><td>expired-waiver</td><td>-</td><td>always</td><td>-</td></tr>
 * <tr><td>unused-waiver</td><td>-</td><td>-</td><td>always</td></tr>
 * <tr><td>new-entity</td><td>always</td><td>-</td><td>-</td></tr>
 * <tr><td>missing-entity</td><td>-</td><td>an earlier run showed it</td><td>otherwise</td></tr>
 * </table>
 *
 * <p>When a sample is large enough to expect an attribute is defined by {@link Expectation}. The
 * auditor holds no mutable state: one instance may audit from many threads.
 */
public final class DriftAuditor {

    /** Report order: most severe first, then table, then path (table-wide first), kind and message. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::table)
            .thenComparing(f -> f.path().orElse(null), Comparator.nullsFirst(Comparator.<AttributePath>naturalOrder()))
            .thenComparing(Finding::kind)
            .thenComparing(Finding::message);

    private final Clock clock;

    /** An auditor stamping reports with the system clock. */
    public DriftAuditor() {
        this(Clock.systemUTC());
    }

    public DriftAuditor(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The findings about one table alone (no cross-table findings), in report order. */
    public List<Finding> auditTable(TableAuditInput in) {
        return TableEvidence.scopes(in).stream().flatMap(v -> tableEntries(v).stream())
                .map(ReportedFinding::finding).sorted(ORDER).toList();
    }

    /**
     * Audits the tables and across them, then applies the waivers: a finding an unexpired waiver matches
     * is reported apart as waived; an expired waiver is an {@code expired-waiver} finding; a waiver of an
     * audited table that matches nothing is an {@code unused-waiver} finding. A table without a sample
     * cannot be audited and joins {@code unaudited}, as do the tables the caller could not read.
     */
    public DriftReport audit(List<TableAuditInput> inputs, List<WaiverFile.Located> waivers,
                             List<UnauditedTable> unaudited) {
        List<UnauditedTable> failed = new ArrayList<>(unaudited);
        List<TableAuditInput> audited = new ArrayList<>();
        for (TableAuditInput in : inputs) {
            if (in.latestProfile().isEmpty()) {
                failed.add(new UnauditedTable(in.table(), UnauditedTable.Cause.BAD_INPUT, Wording.code(in.table())
                        + " has no sample to audit; sample it (" + Wording.command("sample", in.table())
                        + "), then audit again"));
            } else {
                audited.add(in);
            }
        }
        List<TableEvidence> views = audited.stream().flatMap(in -> TableEvidence.scopes(in).stream()).toList();
        List<ReportedFinding> entries = new ArrayList<>();
        views.forEach(v -> entries.addAll(tableEntries(v)));
        entries.addAll(ConsistencyCheck.run(views));
        List<ReportedFinding> located = FirstSeen.stamp(locate(entries, audited), views);
        WaiverCheck.Result waived = WaiverCheck.apply(located, waivers,
                audited.stream().map(TableAuditInput::table).collect(java.util.stream.Collectors.toSet()),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        List<AuditedTable> tables = audited.stream().map(AuditedTable::of)
                .sorted(Comparator.comparing(AuditedTable::table)).toList();
        failed.sort(Comparator.comparing(UnauditedTable::table));
        return new DriftReport(clock.instant(), tables, sorted(waived.counting()), sorted(waived.waived()), failed);
    }

    /** {@link #audit(List, List, List)} without waivers, every table readable. */
    public DriftReport audit(List<TableAuditInput> inputs) {
        return audit(inputs, List.of(), List.of());
    }

    private static List<ReportedFinding> sorted(List<ReportedFinding> entries) {
        List<ReportedFinding> out = new ArrayList<>(entries);
        out.sort(Comparator.comparing(ReportedFinding::finding, ORDER));
        return out;
    }

    /**
     * One scope's findings. A table governed per entity is audited entity by entity (an attribute of
     * ORDER is not new because USER lacks it); its table-wide scope adds the kinds of item found or
     * missed and the history of the whole table.
     */
    private static List<ReportedFinding> tableEntries(TableEvidence t) {
        List<ReportedFinding> out = new ArrayList<>();
        if (t.perEntity()) {
            out.addAll(EntityCheck.run(t));
            out.addAll(HistoryCheck.run(t));
            return out;
        }
        out.addAll(ReviewCheck.run(t));
        if (t.entity().isPresent()) {
            out.addAll(PolicyDriftCheck.run(t));
            out.addAll(ExposureCheck.run(t));
            return out;
        }
        out.addAll(PolicyDriftCheck.run(t));
        out.addAll(ExposureCheck.run(t));
        out.addAll(HistoryCheck.run(t));
        return out;
    }

    private static List<ReportedFinding> locate(List<ReportedFinding> entries, List<TableAuditInput> inputs) {
        Map<String, Optional<PolicyLocator>> locators = new HashMap<>();
        Map<String, Path> files = new HashMap<>();
        // Only a published policy's file: a table without one has no file a finding could point at.
        inputs.stream().filter(in -> in.policy().isPresent())
                .forEach(in -> in.policyFile().ifPresent(f -> files.put(in.table(), f)));
        List<ReportedFinding> out = new ArrayList<>();
        for (ReportedFinding e : entries) {
            Path file = files.get(e.finding().table());
            if (file == null || e.location().isPresent()) {
                out.add(e);
                continue;
            }
            // A file not written yet (a table's first version) or unreadable still anchors the finding at 1:1.
            Optional<PolicyLocator> locator = locators.computeIfAbsent(e.finding().table(), t -> PolicyLocator.read(file));
            out.add(e.withLocation(Optional.of(locator.map(l -> l.locate(e.finding().path(), e.finding().entity()))
                    .orElse(new SourceLocation(file, 1, 1)))));
        }
        return out;
    }
}
