package dev.veil.ui.drift;

import dev.veil.app.DriftOptions;
import dev.veil.app.WaiveRequest;
import dev.veil.drift.PlainText;
import dev.veil.drift.WaiverFile;
import dev.veil.drift.DriftReport;
import dev.veil.drift.ReportFormat;
import dev.veil.drift.ReportedFinding;
import dev.veil.model.Finding;
import dev.veil.model.FindingKind;
import dev.veil.model.Severity;
import dev.veil.ui.Session;
import dev.veil.ui.event.ConsoleEvent;
import dev.veil.ui.task.LatestLoads;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Drift page: audits the chosen tables (or all), groups findings by table and severity, lays
 * out attributes appearing and vanishing across sampling runs, waives a selected finding with a
 * reason and an end date, and saves the report.
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
    private final ReadOnlyObjectWrapper<Optional<Finding>> selected = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final StringProperty waiveReason = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> waiveUntil = new SimpleObjectProperty<>(LocalDate.now(ZoneOffset.UTC).plusDays(90));
    private final ReadOnlyStringWrapper waiveStatus = new ReadOnlyStringWrapper("");
    private final BooleanBinding canWaive;
    private final LatestLoads<String> audits;

    public DriftViewModel(Session session) {
        this.session = session;
        this.audits = new LatestLoads<>(session.tasks());
        // A new waiver moves its finding to the waived ones: audit again to show it.
        session.events().on(ConsoleEvent.WaiverChanged.class, e -> run());
        canWaive = Bindings.createBooleanBinding(() -> selected.get().filter(DriftViewModel::waivable).isPresent()
                && !waiveReason.get().isBlank() && waiveUntil.get() != null
                && !waiveUntil.get().isBefore(LocalDate.now(ZoneOffset.UTC)), selected, waiveReason, waiveUntil);
    }

    /** Findings about an attribute can be waived; table-wide ones and findings about waivers cannot. */
    static boolean waivable(Finding f) {
        return f.path().isPresent() && WaiverFile.waivable(f.kind());
    }

    /** Chooses the finding the detail pane shows and the waive action acts on. */
    public void select(Optional<Finding> finding) {
        selected.set(finding);
        // An empty selection (the tree rebuilt after an audit) keeps the last word, such as "Waived until…".
        finding.ifPresent(f -> waiveStatus.set(waivable(f) ? "" : f.path().isEmpty()
                ? "A finding about the whole table cannot be waived; fix it." : "This finding cannot be waived."));
    }

    /**
     * Writes a waiver of the selected finding with the reason and end date entered, in the background,
     * and says so ({@link ConsoleEvent.WaiverChanged}): the audit runs again and the finding moves to
     * the waived ones.
     */
    public void waive() {
        if (!canWaive.get()) {
            return;
        }
        Finding f = selected.get().orElseThrow();
        WaiveRequest request = new WaiveRequest(f.table(), f.path().orElseThrow().toString(), f.kind().label(),
                waiveReason.get(), waiveUntil.get().toString(), f.entity(), "");
        session.tasks().submit("Waiving " + f.kind().label() + " on " + f.path().orElseThrow(),
                (p, c) -> session.veil().waiving().waive(request), outcome -> {
                    waiveStatus.set("Waived until " + outcome.waiver().until() + " in " + outcome.file()
                            + "; commit it with the policies.");
                    waiveReason.set("");
                    session.events().publish(new ConsoleEvent.WaiverChanged(f.table()));
                });
    }

    /** Runs the audit in the background. */
    public void run() {
        DriftOptions options = new DriftOptions(List.copyOf(chosenTables), allTables.get() || chosenTables.isEmpty(),
                dev.veil.app.SampleOptions.DEFAULT_ITEMS, Optional.of(java.time.Duration.ofHours(1)),
                DriftOptions.DEFAULT_PARALLELISM);
        Instant started = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        audits.submit("audit", "Auditing drift", (p, c) -> session.veil().drift().audit(options, p, c), r -> {
            show(r);
            announceSamples(r, started);
        });
    }

    // The audit samples a table afresh when its latest sample is old: the pages showing it must know.
    private void announceSamples(DriftReport r, Instant started) {
        r.tables().stream().filter(t -> t.sampledAt().filter(at -> !at.isBefore(started)).isPresent())
                .forEach(t -> session.events().publish(new ConsoleEvent.TableSampled(t.table())));
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
        StringBuilder text = new StringBuilder(String.format("%s in %s: %d high, %d medium, %d low",
                count(r.findings().size(), "finding"), count(r.tables().size(), "table"),
                counts.get(Severity.HIGH), counts.get(Severity.MEDIUM), counts.get(Severity.LOW)));
        if (!r.waived().isEmpty()) {
            text.append("; ").append(r.waived().size()).append(" waived");
        }
        r.unaudited().forEach(u -> text.append(" — not audited: ").append(u.table()).append(" (")
                .append(PlainText.of(u.message())).append(')'));
        summary.set(text.toString());
        selected.set(Optional.empty());
    }

    private static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** The waived findings of the last audit, per table, in report order. */
    public Map<String, List<ReportedFinding>> waived() {
        Map<String, List<ReportedFinding>> out = new TreeMap<>();
        report.get().ifPresent(r -> r.waived().forEach(e -> out
                .computeIfAbsent(e.finding().table(), t -> new java.util.ArrayList<>()).add(e)));
        return out;
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

    public ReadOnlyObjectProperty<Optional<Finding>> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public StringProperty waiveReasonProperty() {
        return waiveReason;
    }

    public ObjectProperty<LocalDate> waiveUntilProperty() {
        return waiveUntil;
    }

    public BooleanBinding canWaiveProperty() {
        return canWaive;
    }

    public ReadOnlyStringProperty waiveStatusProperty() {
        return waiveStatus.getReadOnlyProperty();
    }
}
