package dev.veil.ui.audit;

import dev.veil.model.AuditEntry;
import dev.veil.model.EntityCorrection;
import dev.veil.ui.Session;
import dev.veil.ui.event.ConsoleEvent;
import dev.veil.ui.task.LatestLoads;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Audit log page: every decision, by whom, when and why, newest first, filterable; and the
 * stewards' corrections of the entities Veil found, the same way.
 */
public final class AuditLogViewModel {
    private static final String LOG = "log";
    private final Session session;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<EntityCorrection> corrections = FXCollections.observableArrayList();
    private final StringProperty filterText = new SimpleStringProperty("");
    private final BooleanProperty currentTableOnly = new SimpleBooleanProperty();
    private final ObjectBinding<Predicate<AuditEntry>> filter;
    private final ObjectBinding<Predicate<EntityCorrection>> correctionFilter;
    private final LatestLoads<String> loads;

    public AuditLogViewModel(Session session) {
        this.session = session;
        this.loads = new LatestLoads<>(session.tasks());
        filter = Bindings.createObjectBinding(() -> currentFilter(AuditEntry::table, AuditLogViewModel::searchable),
                filterText, currentTableOnly, session.tableProperty());
        correctionFilter = Bindings.createObjectBinding(
                () -> currentFilter(EntityCorrection::table, AuditLogViewModel::searchable),
                filterText, currentTableOnly, session.tableProperty());
        // The log holds decisions only: samples, versions and waivers add nothing to it.
        session.events().on(ConsoleEvent.DecisionsChanged.class, e -> load());
        session.events().on(ConsoleEvent.ConnectionChanged.class, e -> load());
    }

    /** Reads the whole log in the background, newest first. */
    public void load() {
        if (!session.isConnected()) {
            loads.begin(LOG);
            entries.clear();
            corrections.clear();
            return;
        }
        loads.submit(LOG, "Reading the audit log", (p, c) -> new Log(
                session.veil().reviewing().auditLog(Optional.empty()),
                session.veil().entityEditing().log(Optional.empty())), log -> {
                    entries.setAll(newestFirst(log.decisions()));
                    corrections.setAll(newestFirst(log.corrections()));
                });
    }

    private record Log(List<AuditEntry> decisions, List<EntityCorrection> corrections) {
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> reversed = new ArrayList<>(oldestFirst);
        Collections.reverse(reversed);
        return reversed;
    }

    // The same filter for decisions and corrections: the current table only, and the text typed.
    private <T> Predicate<T> currentFilter(Function<T, String> tableOf, Function<T, String> searchable) {
        String text = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        String table = session.tableProperty().get();
        boolean onlyTable = currentTableOnly.get();
        return e -> (!onlyTable || tableOf.apply(e).equals(table))
                && (text.isEmpty() || searchable.apply(e).contains(text));
    }

    private static String searchable(EntityCorrection c) {
        return String.join(" ", c.table(), c.kind().label(), c.describe(), c.reviewer(), c.note())
                .toLowerCase(Locale.ROOT);
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

    /** Every correction of the entities of a single-table design, newest first. */
    public ObservableList<EntityCorrection> corrections() {
        return corrections;
    }

    public ObjectBinding<Predicate<EntityCorrection>> correctionFilterProperty() {
        return correctionFilter;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty currentTableOnlyProperty() {
        return currentTableOnly;
    }
}
