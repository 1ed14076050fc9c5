package dev.veil.ui.drift;

import dev.veil.app.DriftOptions;
import dev.veil.drift.DriftReport;
import dev.veil.drift.ReportFormat;
import dev.veil.drift.ReportedFinding;
import dev.veil.model.Finding;
import dev.veil.model.FindingKind;
import dev.veil.model.Severity;
import dev.veil.ui.Session;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Drift page: audits the chosen tables (or all), groups findings by table and severity, lays
 * out attributes appearing and vanishing across sampling runs, and saves the report.
 */
public final class DriftViewModel {

    /** One appearance or disappearance between two sampling runs. */
    public record TimelineEvent(String table, String path, String change, String after, String before) {
    }

    private final Session session;
    private final ObservableList<String> chosenTables = FXCollections.observableArrayList();
    private final BooleanProperty allTables = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<Optional<DriftReport>> report = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObservableList<TimelineEvent> timeline = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public DriftViewModel(Session session) {
        this.session = session;
    }

    /** Runs the audit in the background. */
    public void run() {
        DriftOptions options = new DriftOptions(List.copyOf(chosenTables), allTables.get() || chosenTables.isEmpty(),
                dev.veil.app.SampleOptions.DEFAULT_ITEMS, Optional.of(java.time.Duration.ofHours(1)),
                DriftOptions.DEFAULT_PARALLELISM);
        session.tasks().submit("Auditing drift", (p, c) -> session.veil().drift().audit(options, p, c), this::show);
    }

    void show(DriftReport r) {
        report.set(Optional.of(r));
        Map<String, Integer> perTable = r.findings().stream()
                .collect(Collectors.groupingBy(Finding::table, Collectors.summingInt(f -> 1)));
        r.tables().forEach(t -> session.driftFindings().put(t.table(), perTable.getOrDefault(t.table(), 0)));
        timeline.setAll(r.entries().stream().filter(e -> e.finding().kind() == FindingKind.HISTORY)
                .map(DriftViewModel::event).sorted(Comparator.comparing(TimelineEvent::after)
                        .thenComparing(TimelineEvent::table).thenComparing(TimelineEvent::path))
                .toList());
        Map<Severity, Long> counts = r.countsBySeverity();
        summary.set(String.format("%s in %s: %d high, %d medium, %d low", count(r.findings().size(), "finding"),
                count(r.tables().size(), "table"), counts.get(Severity.HIGH), counts.get(Severity.MEDIUM),
                counts.get(Severity.LOW)));
        // The audit may have sampled tables afresh: badges and review rows must show it.
        session.changed();
    }

    private static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private static TimelineEvent event(ReportedFinding e) {
        Map<String, Object> d = e.details();
        return new TimelineEvent(e.finding().table(), e.finding().path().map(Object::toString).orElse(""),
                String.valueOf(d.getOrDefault("change", "")), String.valueOf(d.getOrDefault("after", "")),
                String.valueOf(d.getOrDefault("before", "")));
    }

    /** Findings of the last audit: table, then severity from high to low, in report order. */
    public Map<String, Map<Severity, List<Finding>>> grouped() {
        Map<String, Map<Severity, List<Finding>>> out = new TreeMap<>();
        report.get().ifPresent(r -> r.findings().forEach(f -> out
                .computeIfAbsent(f.table(), t -> new TreeMap<>(Comparator.reverseOrder()))
                .computeIfAbsent(f.severity(), s -> new java.util.ArrayList<>()).add(f)));
        return out;
    }

    /** Writes the last report to {@code file} in {@code format}, in the background. */
    public void save(ReportFormat format, Path file) {
        Optional<DriftReport> r = report.get();
        if (r.isEmpty()) {
            return;
        }
        session.tasks().submit("Saving the drift report", (p, c) -> {
            session.veil().drift().save(r.get(), format, file, file.toAbsolutePath().getParent());
            return file;
        }, f -> summary.set(summary.get().replaceAll(" — saved to .*$", "") + " — saved to " + f));
    }

    public ObservableList<String> chosenTables() {
        return chosenTables;
    }

    public BooleanProperty allTablesProperty() {
        return allTables;
    }

    public ReadOnlyObjectProperty<Optional<DriftReport>> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<TimelineEvent> timeline() {
        return timeline;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public Session session() {
        return session;
    }
}
