package dev.veil.ui.review;

import dev.veil.app.EntityReviewing;
import dev.veil.app.ReviewRow;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.ui.Session;
import dev.veil.ui.event.ConsoleEvent;
import dev.veil.ui.task.LatestLoads;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Review page: every attribute path of the current table with its profile, suggestion and
 * decision; filters; tagging many paths at once; accepting suggestions above a confidence.
 */
public final class ReviewViewModel {

    /** Which decisions the class filter lets through. */
    public enum ClassFilter {
        ANY("Any class"), PUBLIC("public"), OWNER_ONLY("owner-only"), SECRET("secret"), UNDECIDED("undecided");

        private final String label;

        ClassFilter(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Session session;
    private final ObservableList<ReviewRow> rows = FXCollections.observableArrayList();
    private final ObservableList<EntityGroup> groups = FXCollections.observableArrayList();
    private final StringProperty selectedEntity = new SimpleStringProperty("");
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<ClassFilter> classFilter = new SimpleObjectProperty<>(ClassFilter.ANY);
    private final BooleanProperty unreviewedOnly = new SimpleBooleanProperty();
    private final BooleanProperty disagreementOnly = new SimpleBooleanProperty();
    private final ObservableList<AttributePath> selection = FXCollections.observableArrayList();
    private final ObjectProperty<Optional<ReviewRow>> focused = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Classification> decision = new SimpleObjectProperty<>(Classification.SECRET);
    private final StringProperty note = new SimpleStringProperty("");
    private final DoubleProperty minConfidence = new SimpleDoubleProperty(0.8);
    private final ObjectBinding<Predicate<ReviewRow>> filter;
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final Deque<Change> undoable = new ArrayDeque<>();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final ObjectBinding<EmptyState> emptyState;
    private final LatestLoads<String> loads;

    /** One entity of a single-table design and its attribute rows, shown as a group of the tree. */
    public record EntityGroup(EntityReviewing.Summary summary, List<ReviewRow> rows) {
        public EntityGroup {
            java.util.Objects.requireNonNull(summary, "summary");
            rows = List.copyOf(rows);
        }

        public String name() {
            return summary.name();
        }

        public long unreviewed() {
            return rows.stream().filter(ReviewRow::unreviewed).count();
        }
    }

    // What one load reads: the table's rows, and a group per entity when the table has entities.
    private record Loaded(List<ReviewRow> rows, List<EntityGroup> groups) {
    }

    /** What the tree says when it shows no row: a headline and what to do. */
    public record EmptyState(String headline, String hint) {
    }

    /**
     * One change a steward may take back: the paths it decided and this workspace's decisions of
     * them before it (empty for a path that had none), and which of them had a published class.
     */
    private record Change(String table, String entity, String what, Map<AttributePath, Optional<Decision>> before,
                          Set<AttributePath> published) {
    }

    public ReviewViewModel(Session session) {
        this.session = session;
        this.loads = new LatestLoads<>(session.tasks());
        filter = Bindings.createObjectBinding(this::currentFilter, filterText, classFilter, unreviewedOnly,
                disagreementOnly);
        emptyState = Bindings.createObjectBinding(this::currentEmptyState, rows, groups, filter, session.tableProperty());
        session.tableProperty().addListener((obs, o, n) -> {
            undoable.clear();
            canUndo.set(false);
            outcome.set("");
        });
        session.tableProperty().addListener((obs, o, n) -> load());
        var events = session.events();
        events.on(ConsoleEvent.ConnectionChanged.class, e -> load());
        events.on(ConsoleEvent.DecisionsChanged.class, e -> loadIfShown(e.table()));
        events.on(ConsoleEvent.TableSampled.class, e -> loadIfShown(e.table()));
        // Rows say which decisions come from the published policy.
        events.on(ConsoleEvent.PolicyPublished.class, e -> loadIfShown(e.table()));
    }

    private void loadIfShown(String table) {
        if (table.equals(session.tableProperty().get())) {
            load();
        }
    }

    /** Reads the rows of the current table in the background. */
    public void load() {
        String table = session.tableProperty().get();
        if (!session.isConnected() || table.isBlank()) {
            loads.begin(table);
            groups.clear();
            rows.clear();
            return;
        }
        loads.submit(table, "Reading decisions of " + table, (p, c) -> {
            var veil = session.veil();
            List<EntityGroup> read = veil.entities().summaries(table).stream()
                    .map(e -> new EntityGroup(e, veil.entities().rows(table, e.name()))).toList();
            return new Loaded(veil.reviewing().rows(table), read);
        }, loaded -> {
            if (table.equals(session.tableProperty().get())) {
                groups.setAll(loaded.groups());
                rows.setAll(loaded.rows());
                String entity = focused.get().flatMap(ReviewRow::decision).map(Decision::entity).orElse(selectedEntity.get());
                focused.set(focused.get().flatMap(f -> row(entity, f.path())));
            }
        });
    }

    private Optional<ReviewRow> row(AttributePath path) {
        return row(selectedEntity.get(), path);
    }

    /** The row of {@code path} in {@code entity}'s group ("" for the table as a whole). */
    private Optional<ReviewRow> row(String entity, AttributePath path) {
        List<ReviewRow> in = entity.isEmpty() ? rows : groups.stream().filter(g -> g.name().equals(entity))
                .findFirst().map(EntityGroup::rows).orElse(List.of());
        return in.stream().filter(r -> r.path().equals(path)).findFirst();
    }

    /** Classifies every selected path, as one change recorded in the audit log. */
    public void tagSelection(Classification c) {
        tag(List.copyOf(selection), c);
    }

    /** Classifies {@code paths}, as one change recorded in the audit log; Ctrl+Z takes it back. */
    public void tag(List<AttributePath> paths, Classification c) {
        String table = session.tableProperty().get();
        if (paths.isEmpty() || table.isBlank()) {
            return;
        }
        String reviewer = session.reviewerProperty().get();
        String why = note.get() == null ? "" : note.get().strip();
        String entity = selectedEntity.get();
        Map<AttributePath, Optional<Decision>> before = decisionsOf(paths);
        Set<AttributePath> published = publishedOf(paths);
        String what = "Tagged " + count(paths.size(), "path") + (entity.isEmpty() ? "" : " of " + entity) + " "
                + c.label();
        session.tasks().submit(what, (p, x) -> entity.isEmpty()
                ? session.veil().reviewing().tag(table, paths, c, reviewer, why)
                : session.veil().entities().tag(table, entity, paths, c, reviewer, why, false), entries -> {
                    done(table, entity, what, before, published, entries);
                    if (!entries.isEmpty()) {
                        changed(table);
                    }
                });
    }

    /** Accepts every suggestion at or above the minimum confidence for undecided paths, and says how many. */
    public void acceptSuggestions() {
        String table = session.tableProperty().get();
        if (table.isBlank()) {
            return;
        }
        double min = minConfidence.get();
        String reviewer = session.reviewerProperty().get();
        String percent = Math.round(min * 100) + "%";
        if (!groups.isEmpty()) {
            acceptEntitySuggestions(table, min, reviewer, percent);
            return;
        }
        session.tasks().submit("Accepting suggestions of " + table,
                (p, c) -> session.veil().reviewing().acceptSuggestions(table, min, reviewer),
                entries -> {
                    if (entries.isEmpty()) {
                        outcome.set("No undecided path has a suggestion at or above " + percent + ".");
                        return;
                    }
                    Map<AttributePath, Optional<Decision>> before = new LinkedHashMap<>();
                    entries.forEach(e -> before.put(e.path(), Optional.empty()));
                    done(table, "", "Accepted " + count(entries.size(), "suggestion") + " at or above " + percent,
                            before, Set.of(), entries);
                    changed(table);
                });
    }

    /**
     * Bulk accept in a table with entities: for the entity of the selection, else for every
     * entity; each entity's acceptance is its own step for Ctrl+Z.
     */
    private void acceptEntitySuggestions(String table, double min, String reviewer, String percent) {
        List<String> entities = selectedEntity.get().isEmpty() ? groups.stream().map(EntityGroup::name).toList()
                : List.of(selectedEntity.get());
        session.tasks().submit("Accepting suggestions of " + table, (p, c) -> {
            Map<String, List<dev.veil.model.AuditEntry>> byEntity = new LinkedHashMap<>();
            for (String e : entities) {
                byEntity.put(e, session.veil().entities().acceptSuggestions(table, e, min, reviewer));
            }
            return byEntity;
        }, byEntity -> {
            long total = byEntity.values().stream().mapToLong(List::size).sum();
            if (total == 0) {
                outcome.set("No undecided path of " + String.join(", ", entities) + " has a suggestion at or above "
                        + percent + ".");
                return;
            }
            byEntity.forEach((e, entries) -> {
                Map<AttributePath, Optional<Decision>> before = new LinkedHashMap<>();
                entries.forEach(x -> before.put(x.path(), Optional.empty()));
                if (!entries.isEmpty()) {
                    done(table, e, "Accepted " + count(entries.size(), "suggestion") + " of " + e + " at or above "
                            + percent, before, Set.of(), entries);
                }
            });
            if (byEntity.values().stream().filter(l -> !l.isEmpty()).count() > 1) {
                outcome.set("Accepted " + count(total, "suggestion") + " at or above " + percent + " in "
                        + byEntity.entrySet().stream().filter(x -> !x.getValue().isEmpty())
                        .map(x -> x.getKey() + " (" + x.getValue().size() + ")").collect(Collectors.joining(", "))
                        + ". Ctrl+Z undoes them one entity at a time.");
            }
            changed(table);
        });
    }

    /**
     * Takes back the latest change of this table as new audited entries, all in one step: each
     * path gets its earlier class and note again, and a path the change gave its first decision
     * goes back to unreviewed (or to its published class, where a published version has one).
     */
    public void undo() {
        Change last = undoable.peek();
        String table = session.tableProperty().get();
        if (last == null || !last.table().equals(table)) {
            outcome.set("Nothing to undo.");
            return;
        }
        undoable.pop();
        canUndo.set(!undoable.isEmpty());
        List<Decision> restore = last.before().values().stream().flatMap(Optional::stream).toList();
        List<AttributePath> firsts = last.before().entrySet().stream().filter(e -> e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
        String reviewer = session.reviewerProperty().get();
        session.tasks().submit("Undoing \u201c" + last.what() + "\u201d", (p, x) -> last.entity().isEmpty()
                ? session.veil().reviewing().undo(table, restore, firsts, reviewer)
                : session.veil().entities().undo(table, last.entity(), restore, firsts, reviewer), entries -> {
                    outcome.set("Undid \u201c" + last.what() + "\u201d: " + undone(entries, last.published()) + ".");
                    changed(table);
                });
    }

    private void changed(String table) {
        session.events().publish(new ConsoleEvent.DecisionsChanged(table));
    }

    // "2 paths back to their earlier class, 1 path back to unreviewed".
    private static String undone(List<dev.veil.model.AuditEntry> entries, Set<AttributePath> published) {
        long restored = entries.stream().filter(e -> !e.retracted()).count();
        long toPublished = entries.stream().filter(e -> e.retracted() && published.contains(e.path())).count();
        long toUnreviewed = entries.stream().filter(e -> e.retracted() && !published.contains(e.path())).count();
        List<String> parts = new java.util.ArrayList<>();
        if (restored > 0) {
            parts.add(count(restored, "path") + " back to " + (restored == 1 ? "its" : "their") + " earlier class");
        }
        if (toUnreviewed > 0) {
            parts.add(count(toUnreviewed, "path") + " back to unreviewed");
        }
        if (toPublished > 0) {
            parts.add(count(toPublished, "path") + " back to " + (toPublished == 1 ? "its" : "their")
                    + " published class");
        }
        return parts.isEmpty() ? "nothing left to take back" : String.join(", ", parts);
    }

    private void done(String table, String entity, String what, Map<AttributePath, Optional<Decision>> before,
                      Set<AttributePath> published, List<dev.veil.model.AuditEntry> entries) {
        if (entries.isEmpty()) {
            outcome.set(what + ": nothing changed, every path already had that class and note.");
            return;
        }
        Set<AttributePath> changed = entries.stream().map(dev.veil.model.AuditEntry::path)
                .collect(Collectors.toSet());
        Map<AttributePath, Optional<Decision>> changedBefore = new LinkedHashMap<>();
        before.forEach((path, d) -> {
            if (changed.contains(path)) {
                changedBefore.put(path, d);
            }
        });
        undoable.push(new Change(table, entity, what, changedBefore, published));
        canUndo.set(true);
        outcome.set(what + ". Ctrl+Z undoes it.");
    }

    // This workspace's own decisions: a published one comes back by itself when the path is retracted.
    private Map<AttributePath, Optional<Decision>> decisionsOf(List<AttributePath> paths) {
        Map<AttributePath, Optional<Decision>> out = new LinkedHashMap<>();
        paths.forEach(path -> out.put(path, row(path).filter(r -> !r.fromPolicy()).flatMap(ReviewRow::decision)));
        return out;
    }

    private Set<AttributePath> publishedOf(List<AttributePath> paths) {
        return paths.stream().filter(path -> row(path).filter(ReviewRow::fromPolicy).isPresent())
                .collect(Collectors.toSet());
    }

    /** "1 path", "3 paths". */
    static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    private EmptyState currentEmptyState() {
        String table = session.tableProperty().get();
        if (table.isBlank()) {
            return new EmptyState("No table chosen", "Pick a table on the Tables page (Ctrl+2).");
        }
        if (rows.isEmpty()) {
            return new EmptyState("Nothing to review yet", "Sample " + table
                    + " on the Tables page (Ctrl+2); every attribute path it finds appears here.");
        }
        long unreviewed = rows.stream().filter(ReviewRow::unreviewed).count();
        boolean askedForUndecided = unreviewedOnly.get() || classFilter.get() == ClassFilter.UNDECIDED;
        if (askedForUndecided && unreviewed == 0) {
            return new EmptyState("All " + count(rows.size(), "path") + " reviewed",
                    "Every path of " + table + " has a decision. Publish them on the Publish page (Ctrl+4), "
                            + "or clear \u201cUnreviewed only\u201d to see them.");
        }
        return new EmptyState("No path matches the filters", count(rows.size(), "path") + " of " + table
                + " are hidden by the filters; clear them to see every path.");
    }

    /** How many undecided rows have a suggestion at or above the minimum confidence. */
    public BooleanBinding hasAcceptableSuggestions() {
        return Bindings.createBooleanBinding(() -> java.util.stream.Stream.concat(rows.stream(),
                        groups.stream().flatMap(g -> g.rows().stream())).anyMatch(r -> r.unreviewed()
                && r.suggestion().filter(s -> s.confidence() >= minConfidence.get()).isPresent()), rows, groups,
                minConfidence);
    }

    private Predicate<ReviewRow> currentFilter() {
        String text = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        ClassFilter cf = classFilter.get();
        boolean onlyUnreviewed = unreviewedOnly.get();
        boolean onlyDisagreeing = disagreementOnly.get();
        return r -> (text.isEmpty() || searchable(r).contains(text))
                && classMatches(r, cf)
                && (!onlyUnreviewed || r.unreviewed())
                && (!onlyDisagreeing || r.disagrees());
    }

    private static String searchable(ReviewRow r) {
        return (r.path() + " " + r.decision().map(Decision::note).orElse("") + " "
                + r.suggestion().map(s -> String.join(" ", s.reasons())).orElse("")).toLowerCase(Locale.ROOT);
    }

    private static boolean classMatches(ReviewRow r, ClassFilter f) {
        return switch (f) {
            case ANY -> true;
            case UNDECIDED -> r.unreviewed();
            case PUBLIC -> r.decision().filter(d -> d.classification() == Classification.PUBLIC).isPresent();
            case OWNER_ONLY -> r.decision().filter(d -> d.classification() == Classification.OWNER_ONLY).isPresent();
            case SECRET -> r.decision().filter(d -> d.classification() == Classification.SECRET).isPresent();
        };
    }

    /** The class a key press stands for: P public, O owner-only, S secret. */
    public static Optional<Classification> classForKey(String key) {
        return switch (key.toUpperCase(Locale.ROOT)) {
            case "P" -> Optional.of(Classification.PUBLIC);
            case "O" -> Optional.of(Classification.OWNER_ONLY);
            case "S" -> Optional.of(Classification.SECRET);
            default -> Optional.empty();
        };
    }

    /**
     * What the detail pane says of the focused row. The row's profile has already passed through
     * the one disclosure rule in {@code app}: nothing raw is left of a secret-looking path.
     */
    public List<String> details(ReviewRow r) {
        List<String> out = new java.util.ArrayList<>();
        r.disclosedProfile().ifPresent(p -> {
            out.add(String.format("Present in %.0f%% of sampled items (%,d)", p.presence() * 100, p.itemsPresent()));
            p.stringLength().ifPresent(l -> out.add("Strings of " + (l.min() == l.max() ? l.min() + " characters"
                    : l.min() + "\u2013" + l.max() + " characters")));
            p.numberRange().ifPresent(n -> out.add("Numbers from " + n.min().toPlainString() + " to "
                    + n.max().toPlainString()));
            out.add("About " + p.distinctEstimate() + " distinct values");
            p.detectorHits().forEach((id, hits) -> out.add(String.format("%s: %,d of %,d values", id, hits,
                    p.valuesScanned())));
        });
        if (r.profile().isEmpty()) {
            out.add("Not seen in the latest sample");
        }
        if (r.examplesWithheld()) {
            out.add("Examples hidden: this attribute is or looks secret");
        }
        return out;
    }

    /** The masked examples the detail pane may show. */
    public List<String> examples(ReviewRow r) {
        return r.disclosedProfile().map(AttributeProfile::maskedExamples).orElse(List.of());
    }

    /** What the latest tag, accept or undo did, in a sentence; empty before any. */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** True when this table has a change Ctrl+Z can take back. */
    public BooleanProperty canUndoProperty() {
        return canUndo;
    }

    /** What the tree says when the filters (or the lack of a sample) leave no row. */
    public ObjectBinding<EmptyState> emptyStateProperty() {
        return emptyState;
    }

    public ObservableList<ReviewRow> rows() {
        return rows;
    }

    /** A group per entity when the table is a single-table design with entities; empty otherwise. */
    public ObservableList<EntityGroup> groups() {
        return groups;
    }

    /** The entity the selected paths belong to ("" for the table as a whole); the view keeps it current. */
    public StringProperty selectedEntityProperty() {
        return selectedEntity;
    }

    public ObjectBinding<Predicate<ReviewRow>> filterProperty() {
        return filter;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<ClassFilter> classFilterProperty() {
        return classFilter;
    }

    public BooleanProperty unreviewedOnlyProperty() {
        return unreviewedOnly;
    }

    public BooleanProperty disagreementOnlyProperty() {
        return disagreementOnly;
    }

    /** The paths selected in the tree; the view keeps it current. */
    public ObservableList<AttributePath> selection() {
        return selection;
    }

    /** The row whose details are shown. */
    public ObjectProperty<Optional<ReviewRow>> focusedProperty() {
        return focused;
    }

    /** The class the combo box applies to the selection. */
    public ObjectProperty<Classification> decisionProperty() {
        return decision;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public DoubleProperty minConfidenceProperty() {
        return minConfidence;
    }

    public Session session() {
        return session;
    }
}
