package dev.veil.ui.publish;

import dev.veil.app.PublishOutcome;
import dev.veil.app.PublishPreview;
import dev.veil.model.Policy;
import dev.veil.policy.PolicyChange;
import dev.veil.ui.Session;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Publish page: a preview of what the next version changes against the latest (widening
 * changes marked), publishing it, the history of versions, and the diff between any two.
 */
public final class PublishViewModel {
    private final Session session;
    private final StringProperty owner = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Optional<PublishPreview>> preview = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObservableList<PolicyChange> changes = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<Policy> history = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> diffFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> diffTo = new SimpleObjectProperty<>();
    private final ObservableList<PolicyChange> versionDiff = FXCollections.observableArrayList();

    public PublishViewModel(Session session) {
        this.session = session;
        session.tableProperty().addListener((obs, o, n) -> load());
        session.revisionProperty().addListener((obs, o, n) -> load());
    }

    /** Previews the next version and reads the history of the current table. */
    public void load() {
        String table = session.tableProperty().get();
        preview.set(Optional.empty());
        problem.set("");
        changes.clear();
        warnings.clear();
        history.clear();
        versionDiff.clear();
        if (!session.isConnected() || table.isBlank()) {
            return;
        }
        Optional<String> own = ownerText();
        session.tasks().submit("Previewing the policy of " + table, (p, c) -> {
            PublishPreview pv = session.veil().publishing().preview(table, own);
            List<Policy> versions = pv.latest().isPresent() ? session.veil().publishing().history(table) : List.of();
            return new Loaded(pv, versions);
        }, loaded -> {
            if (!table.equals(session.tableProperty().get())) {
                return;
            }
            preview.set(Optional.of(loaded.preview()));
            changes.setAll(loaded.preview().changes());
            warnings.setAll(loaded.preview().warnings());
            if (owner.get().isBlank()) {
                loaded.preview().draft().owner().ifPresent(owner::set);
            }
            history.setAll(loaded.history());
            if (history.size() >= 2) {
                diffFrom.set(history.get(history.size() - 2).version());
                diffTo.set(history.get(history.size() - 1).version());
            }
        }, e -> {
            // No decisions yet is the normal state of a fresh table: say so instead of a dialog.
            problem.set(e.getMessage() == null ? "" : capitalise(e.getMessage()));
        });
    }

    private record Loaded(PublishPreview preview, List<Policy> history) {
    }

    /** Publishes the next version if anything changed. */
    public void publish() {
        String table = session.tableProperty().get();
        if (table.isBlank()) {
            return;
        }
        Optional<String> own = ownerText();
        session.tasks().submit("Publishing the policy of " + table,
                (p, c) -> session.veil().publishing().publish(table, own), this::published);
    }

    private void published(PublishOutcome o) {
        outcome.set(o.published().map(p -> "Published version " + p.policy().version() + " to " + p.file())
                .orElse("Nothing changed since version " + o.latestVersion() + "; nothing was written."));
        session.changed();
    }

    /** Compares the two chosen versions. */
    public void compare() {
        String table = session.tableProperty().get();
        Integer from = diffFrom.get();
        Integer to = diffTo.get();
        if (from == null || to == null || table.isBlank()) {
            return;
        }
        session.tasks().submit("Comparing v" + from + " and v" + to,
                (p, c) -> session.veil().publishing().diff(table, from, to), versionDiff::setAll);
    }

    private Optional<String> ownerText() {
        String o = owner.get() == null ? "" : owner.get().strip();
        return o.isEmpty() ? Optional.empty() : Optional.of(o);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public StringProperty ownerProperty() {
        return owner;
    }

    public ReadOnlyObjectProperty<Optional<PublishPreview>> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObservableList<PolicyChange> changes() {
        return changes;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Why there is no preview (no decisions yet, an invalid store), empty when there is one. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObservableList<Policy> history() {
        return history;
    }

    public ObjectProperty<Integer> diffFromProperty() {
        return diffFrom;
    }

    public ObjectProperty<Integer> diffToProperty() {
        return diffTo;
    }

    public ObservableList<PolicyChange> versionDiff() {
        return versionDiff;
    }

    public Session session() {
        return session;
    }
}
