package dev.veil.ui;

import dev.veil.app.Reviewing;
import dev.veil.app.Veil;
import dev.veil.app.VeilException;
import dev.veil.ui.connect.Connection;
import dev.veil.ui.task.BackgroundTasks;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * What the pages share: the background tasks, the open connection, the table the steward is
 * working on, the account's table names, the reviewer's name, the latest drift counts per table,
 * and a revision that goes up whenever decisions, profiles or policies change.
 */
public final class Session {
    private final BackgroundTasks tasks;
    private final ObjectProperty<Optional<Connection>> connection = new SimpleObjectProperty<>(Optional.empty());
    private final StringProperty table = new SimpleStringProperty("");
    private final ObservableList<String> tableNames = FXCollections.observableArrayList();
    private final StringProperty reviewer = new SimpleStringProperty(Reviewing.defaultReviewer());
    private final ObservableMap<String, Integer> driftFindings = FXCollections.observableHashMap();
    private final IntegerProperty revision = new SimpleIntegerProperty();

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

    /** Tells every page that decisions, profiles or policies changed. */
    public void changed() {
        revision.set(revision.get() + 1);
    }

    ObjectProperty<Optional<Connection>> connectionWritable() {
        return connection;
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

    public IntegerProperty revisionProperty() {
        return revision;
    }
}
