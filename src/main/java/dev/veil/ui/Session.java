package dev.veil.ui;

import dev.veil.app.Reviewing;
import dev.veil.app.Veil;
import dev.veil.app.VeilException;
import dev.veil.ui.connect.Connection;
import dev.veil.ui.event.ConsoleEvent;
import dev.veil.ui.event.ConsoleEvents;
import dev.veil.ui.task.BackgroundTasks;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * What the pages share: the background tasks, the open connection, the table the steward is
 * working on, the account's table names, the reviewer's name, the latest drift counts per table,
 * and the events that say what changed ({@link ConsoleEvent}), so each page reloads only that.
 */
public final class Session {
    private final BackgroundTasks tasks;
    private final ObjectProperty<Optional<Connection>> connection = new SimpleObjectProperty<>(Optional.empty());
    private final StringProperty table = new SimpleStringProperty("");
    private final ObservableList<String> tableNames = FXCollections.observableArrayList();
    private final StringProperty reviewer = new SimpleStringProperty(Reviewing.defaultReviewer());
    private final ObservableMap<String, Integer> driftFindings = FXCollections.observableHashMap();
    private final ConsoleEvents events = new ConsoleEvents();

    public Session(BackgroundTasks tasks) {
        this.tasks = tasks;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    /** The use cases of the open connection; says what to do when there is none. */
    public Veil veil() {
        return connection.get().map(Connection::veil).orElseThrow(() -> VeilException.badInput(
                "not connected; open the Connect page (Ctrl+1) and connect, or open the demo"));
    }

    public boolean isConnected() {
        return connection.get().isPresent();
    }

    /** Where view models say what they changed and pages hear of it. */
    public ConsoleEvents events() {
        return events;
    }

    /** Switches to {@code c} (empty: none) and tells every page. */
    void connectTo(Optional<Connection> c) {
        connection.set(c);
        events.publish(new ConsoleEvent.ConnectionChanged(c));
    }

    public javafx.beans.property.ReadOnlyObjectProperty<Optional<Connection>> connectionProperty() {
        return connection;
    }

    /** The table the steward is working on; empty when none is chosen. */
    public StringProperty tableProperty() {
        return table;
    }

    public ObservableList<String> tableNames() {
        return tableNames;
    }

    public StringProperty reviewerProperty() {
        return reviewer;
    }

    /** Findings per table from the latest drift audit. */
    public ObservableMap<String, Integer> driftFindings() {
        return driftFindings;
    }
}
