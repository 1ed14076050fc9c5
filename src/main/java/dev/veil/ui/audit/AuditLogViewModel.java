package dev.veil.ui.audit;

import dev.veil.model.AuditEntry;
import dev.veil.ui.Session;
import dev.veil.ui.event.ConsoleEvent;
import dev.veil.ui.task.LatestLoads;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Audit log page: every decision, by whom, when and why, newest first, filterable. */
public final class AuditLogViewModel {
    private static final String LOG = "log";
    private final Session session;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final StringProperty filterText = new SimpleStringProperty("");
    private final BooleanProperty currentTableOnly = new SimpleBooleanProperty();
    private final ObjectBinding<Predicate<AuditEntry>> filter;
    private final LatestLoads<String> loads;

    public AuditLogViewModel(Session session) {
        this.session = session;
        this.loads = new LatestLoads<>(session.tasks());
        filter = Bindings.createObjectBinding(this::currentFilter, filterText, currentTableOnly,
                session.tableProperty());
        // The log holds decisions only: samples, versions and waivers add nothing to it.
        session.events().on(ConsoleEvent.DecisionsChanged.class, e -> load());
        session.events().on(ConsoleEvent.ConnectionChanged.class, e -> load());
    }

    /** Reads the whole log in the background, newest first. */
    public void load() {
        if (!session.isConnected()) {
            loads.begin(LOG);
            entries.clear();
            return;
        }
        loads.submit(LOG, "Reading the audit log", (p, c) -> session.veil().reviewing().auditLog(Optional.empty()),
                list -> {
                    java.util.List<AuditEntry> newestFirst = new java.util.ArrayList<>(list);
                    java.util.Collections.reverse(newestFirst);
                    entries.setAll(newestFirst);
                });
    }

    private Predicate<AuditEntry> currentFilter() {
        String text = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        String table = session.tableProperty().get();
        boolean onlyTable = currentTableOnly.get();
        return e -> (!onlyTable || e.table().equals(table)) && (text.isEmpty() || searchable(e).contains(text));
    }

    private static String searchable(AuditEntry e) {
        return String.join(" ", e.table(), e.path().toString(), AuditEntry.label(e.current()),
                e.previous().map(c -> c.label()).orElse(""), e.reviewer(), e.note(), e.source().label())
                .toLowerCase(Locale.ROOT);
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    public ObjectBinding<Predicate<AuditEntry>> filterProperty() {
        return filter;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty currentTableOnlyProperty() {
        return currentTableOnly;
    }
}
