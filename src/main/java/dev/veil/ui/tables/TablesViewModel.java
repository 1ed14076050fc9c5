package dev.veil.ui.tables;

import dev.veil.work.Progress;
import dev.veil.app.SampleOptions;
import dev.veil.app.SampleOutcome;
import dev.veil.app.TableOverview;
import dev.veil.ui.Session;
import dev.veil.ui.connect.Connection;
import dev.veil.ui.event.ConsoleEvent;
import dev.veil.ui.task.LatestLoads;
import dev.veil.ui.task.TaskHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Tables page: the account's tables with Veil's badges, and sampling the selected one with
 * an item budget, --until-stable and a read-rate cap, cancellable, with progress. A change to one
 * table (its decisions, a sample, a publishing) re-reads that row's badges only, without DynamoDB.
 */
public final class TablesViewModel {
    private final Session session;
    private final ObservableList<TableOverview> tables = FXCollections.observableArrayList();
    private final ObjectProperty<TableOverview> selected = new SimpleObjectProperty<>();
    private final IntegerProperty items = new SimpleIntegerProperty(SampleOptions.DEFAULT_ITEMS);
    private final BooleanProperty untilStable = new SimpleBooleanProperty();
    private final StringProperty maxRcu = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper sampling = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Progress> sampleProgress = new ReadOnlyObjectWrapper<>(new Progress(0, 0, ""));
    private final ReadOnlyStringWrapper lastSample = new ReadOnlyStringWrapper("");
    private final StringBinding problem;
    private Optional<TaskHandle<SampleOutcome>> running = Optional.empty();
    // Key empty: the whole listing; a table's name: that row. One clock, so a row knows which is newer.
    private final LatestLoads<Optional<String>> loads;

    public TablesViewModel(Session session) {
        this.session = session;
        this.loads = new LatestLoads<>(session.tasks());
        problem = Bindings.createStringBinding(this::currentProblem, selected, items, maxRcu);
        selected.addListener((obs, o, n) -> {
            if (n != null) {
                session.tableProperty().set(n.name());
            }
        });
        var events = session.events();
        events.on(ConsoleEvent.ConnectionChanged.class, e -> {
            loads.begin(Optional.empty());
            tables.setAll(e.connection().map(Connection::tables).orElse(List.of()));
            publishNames();
        });
        events.on(ConsoleEvent.DecisionsChanged.class, e -> rereadRow(e.table()));
        events.on(ConsoleEvent.TableSampled.class, e -> rereadRow(e.table()));
        events.on(ConsoleEvent.PolicyPublished.class, e -> rereadRow(e.table()));
    }

    /** Lists the tables again (every one described anew), with fresh badges. */
    public void refresh() {
        if (!session.isConnected()) {
            return;
        }
        long generation = loads.begin(Optional.empty());
        session.tasks().submit("Listing tables", (p, c) -> session.veil().tables().list(p, c), list -> {
            if (!loads.isNewest(Optional.empty(), generation)) {
                return;
            }
            String keep = session.tableProperty().get();
            List<TableOverview> merged = new ArrayList<>();
            // A row re-read since this listing started is newer than the listing's copy of it.
            list.forEach(fresh -> merged.add(loads.claim(Optional.of(fresh.name()), generation) ? fresh
                    : row(fresh.name()).orElse(fresh)));
            tables.setAll(merged);
            publishNames();
            tables.stream().filter(t -> t.name().equals(keep)).findFirst().ifPresent(selected::set);
        });
    }

    /** Re-reads the badges of {@code table}'s row from the workspace and policy store; the rest stays. */
    private void rereadRow(String table) {
        Optional<TableOverview> listed = row(table);
        if (listed.isEmpty() || !session.isConnected()) {
            return;
        }
        var info = listed.get().info();
        loads.submit(Optional.of(table), "Reading the badges of " + table,
                (p, c) -> session.veil().tables().overview(info), this::replaceRow);
    }

    private void replaceRow(TableOverview fresh) {
        for (int i = 0; i < tables.size(); i++) {
            if (tables.get(i).name().equals(fresh.name())) {
                boolean wasSelected = selected.get() == tables.get(i);
                tables.set(i, fresh);
                if (wasSelected) {
                    selected.set(fresh);
                }
                return;
            }
        }
    }

    private Optional<TableOverview> row(String table) {
        return tables.stream().filter(t -> t.name().equals(table)).findFirst();
    }

    private void publishNames() {
        session.tableNames().setAll(tables.stream().map(TableOverview::name).toList());
    }

    /** Samples the selected table in the background. */
    public void sample() {
        if (!canSample().get()) {
            return;
        }
        String table = selected.get().name();
        SampleOptions options = new SampleOptions(table, items.get(), untilStable.get(), rcu(), Optional.empty());
        sampling.set(true);
        lastSample.set("");
        TaskHandle<SampleOutcome> h = session.tasks().submit("Sampling " + table,
                (p, c) -> session.veil().sampling().sample(options, p, c), this::sampled);
        sampleProgress.bind(h.progressProperty());
        h.stateProperty().addListener((obs, o, n) -> {
            if (n.isDone()) {
                sampleProgress.unbind();
                sampling.set(false);
                if (n == dev.veil.ui.task.TaskState.CANCELLED) {
                    lastSample.set("Sampling " + table + " was cancelled; nothing was stored.");
                }
            }
        });
        running = Optional.of(h);
    }

    private void sampled(SampleOutcome outcome) {
        var p = outcome.profile();
        var c = p.coverage();
        lastSample.set(String.format("%s: %,d items%s, %d attribute paths, %.1f%% chance the next item shows a new one%s.",
                p.table(), p.itemsSampled(),
                c.totalSegments() > 0 ? String.format(" from %d of %d segments", c.segmentsRead(), c.totalSegments()) : "",
                p.attributes().size(), c.unseenPathEstimate() * 100, c.stable() ? "; stopped: stable" : ""));
        session.events().publish(new ConsoleEvent.TableSampled(p.table()));
    }

    /** Cancels the running sample, if any. */
    public void cancelSample() {
        running.ifPresent(TaskHandle::cancel);
    }

    private OptionalDouble rcu() {
        String t = maxRcu.get() == null ? "" : maxRcu.get().strip();
        return t.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(t));
    }

    private String currentProblem() {
        if (selected.get() == null) {
            return "Select a table to sample.";
        }
        if (items.get() < 1) {
            return "Sample at least one item.";
        }
        try {
            OptionalDouble r = rcu();
            if (r.isPresent() && !(r.getAsDouble() > 0)) {
                return "The read-rate cap must be a positive number of read units per second.";
            }
        } catch (NumberFormatException e) {
            return "The read-rate cap '" + maxRcu.get() + "' is not a number; write it like 5 or 2.5.";
        }
        return "";
    }

    public BooleanBinding canSample() {
        return problem.isEmpty().and(sampling.not());
    }

    public ObservableList<TableOverview> tables() {
        return tables;
    }

    public ObjectProperty<TableOverview> selectedProperty() {
        return selected;
    }

    public IntegerProperty itemsProperty() {
        return items;
    }

    public BooleanProperty untilStableProperty() {
        return untilStable;
    }

    public StringProperty maxRcuProperty() {
        return maxRcu;
    }

    public ReadOnlyBooleanProperty samplingProperty() {
        return sampling.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Progress> sampleProgressProperty() {
        return sampleProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSampleProperty() {
        return lastSample.getReadOnlyProperty();
    }

    public StringBinding problemProperty() {
        return problem;
    }

    /** Findings of the latest drift audit for {@code table}, if one ran. */
    public Optional<Integer> driftFindings(String table) {
        return Optional.ofNullable(session.driftFindings().get(table));
    }

    public Session session() {
        return session;
    }
}
