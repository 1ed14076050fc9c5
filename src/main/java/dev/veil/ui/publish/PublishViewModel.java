package dev.veil.ui.publish;

import dev.veil.app.PublishOutcome;
import dev.veil.app.PublishPreview;
import dev.veil.app.PublishRequest;
import dev.veil.app.Reviewing;
import dev.veil.model.Policy;
import dev.veil.policy.PolicyChange;
import dev.veil.ui.Session;
import dev.veil.ui.event.ConsoleEvent;
import dev.veil.ui.task.LatestLoads;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Publish page: a preview of what the next version changes against the latest (widening
 * changes first and counted, re-reviews that change nothing hidden unless asked for), publishing
 * it, the history of versions, and the diff between any two. A version that widens exposure is
 * written only after the steward confirms it and gives a reason, which the version records.
 */
public final class PublishViewModel {
    private final Session session;
    private final StringProperty owner = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Optional<PublishPreview>> preview = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ObservableList<PolicyChange> changes = FXCollections.observableArrayList();
    private final BooleanProperty showReviews = new SimpleBooleanProperty(false);
    private final ReadOnlyIntegerWrapper wideningCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper hiddenCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper confirming = new ReadOnlyBooleanWrapper(false);
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper storeNote = new ReadOnlyStringWrapper("");
    private final ObservableList<Policy> history = FXCollections.observableArrayList();
    private final ObjectProperty<Integer> diffFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> diffTo = new SimpleObjectProperty<>();
    private final ObservableList<PolicyChange> versionDiff = FXCollections.observableArrayList();
    private final LatestLoads<String> loads;

    public PublishViewModel(Session session) {
        this.session = session;
        this.loads = new LatestLoads<>(session.tasks());
        session.tableProperty().addListener((obs, o, n) -> load());
        var events = session.events();
        events.on(ConsoleEvent.DecisionsChanged.class, e -> loadIfShown(e.table()));
        events.on(ConsoleEvent.TableSampled.class, e -> loadIfShown(e.table()));
        events.on(ConsoleEvent.PolicyPublished.class, e -> loadIfShown(e.table()));
        showReviews.addListener((obs, o, n) -> showChanges());
    }

    private void loadIfShown(String table) {
        if (table.equals(session.tableProperty().get())) {
            load();
        }
    }

    /** Previews the next version and reads the history of the current table. */
    public void load() {
        String table = session.tableProperty().get();
        preview.set(Optional.empty());
        problem.set("");
        confirming.set(false);
        changes.clear();
        wideningCount.set(0);
        hiddenCount.set(0);
        warnings.clear();
        history.clear();
        versionDiff.clear();
        if (!session.isConnected() || table.isBlank()) {
            loads.begin(table);
            return;
        }
        Optional<String> own = ownerText();
        loads.submit(table, "Previewing the policy of " + table, (p, c) -> {
            PublishPreview pv = session.veil().publishing().preview(table, own);
            List<Policy> versions = pv.latest().isPresent() ? session.veil().publishing().history(table) : List.of();
            return new Loaded(pv, versions);
        }, loaded -> {
            if (!table.equals(session.tableProperty().get())) {
                return;
            }
            preview.set(Optional.of(loaded.preview()));
            storeNote.set(startFolderNote(session.veil().settings().policies(),
                    java.nio.file.Path.of("").toAbsolutePath()).orElse(""));
            showChanges();
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

    /** Real changes first: widening ones, then the rest; re-reviews of an unchanged class only when asked for. */
    private void showChanges() {
        List<PolicyChange> all = preview.get().map(PublishPreview::changes).orElse(List.of());
        List<PolicyChange> shown = new ArrayList<>(all.stream().filter(PolicyChange::widening).toList());
        all.stream().filter(c -> !c.widening() && !isReReview(c)).forEach(shown::add);
        List<PolicyChange> reReviews = all.stream().filter(PublishViewModel::isReReview).toList();
        if (showReviews.get()) {
            shown.addAll(reReviews);
        }
        changes.setAll(shown);
        wideningCount.set((int) all.stream().filter(PolicyChange::widening).count());
        hiddenCount.set(showReviews.get() ? 0 : reReviews.size());
    }

    /** Same class, decided again: nobody sees anything different. */
    public static boolean isReReview(PolicyChange c) {
        return c.kind() == PolicyChange.Kind.REVIEW_CHANGED;
    }

    /**
     * Publishes the next version if anything changed. A version that widens exposure against the
     * latest one is not written yet: the page asks for confirmation and a reason first.
     */
    public void publish() {
        String table = session.tableProperty().get();
        if (table.isBlank()) {
            return;
        }
        boolean widens = preview.get().map(p -> p.latest().isPresent() && p.widens()).orElse(false);
        if (widens) {
            problem.set("");
            confirming.set(true);
            return;
        }
        submit(table, false);
    }

    /** Writes the widening version the steward confirmed, recording the reason as its note. */
    public void confirmWidening() {
        String table = session.tableProperty().get();
        if (table.isBlank() || !confirming.get()) {
            return;
        }
        if (reasonText().isEmpty()) {
            problem.set("Say why this version may widen exposure (who approved it): the version records the reason.");
            return;
        }
        confirming.set(false);
        submit(table, true);
    }

    /** Leaves the widening version unwritten. */
    public void cancelWidening() {
        confirming.set(false);
    }

    private void submit(String table, boolean allowWidening) {
        PublishRequest request = new PublishRequest(ownerText(), allowWidening, reviewerName(), reasonText());
        session.tasks().submit("Publishing the policy of " + table,
                (p, c) -> session.veil().publishing().publish(table, request), this::published,
                e -> problem.set(e.getMessage() == null ? "" : capitalise(e.getMessage())));
    }

    private void published(PublishOutcome o) {
        reason.set("");
        if (o instanceof PublishOutcome.Published p) {
            outcome.set("Published version " + p.policy().version() + " to " + p.file());
            session.events().publish(new ConsoleEvent.PolicyPublished(p.policy().table(), p.policy().version()));
        } else {
            outcome.set("Nothing changed since version " + o.latestVersion() + "; nothing was written.");
        }
    }

    private String reviewerName() {
        String r = session.reviewerProperty().get();
        return r == null || r.isBlank() ? Reviewing.defaultReviewer() : r.strip();
    }

    private String reasonText() {
        return reason.get() == null ? "" : reason.get().strip();
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

    /** Also list re-reviews that keep their class (hidden by default: they change what nobody sees). */
    public BooleanProperty showReviewsProperty() {
        return showReviews;
    }

    /** How many changes of the preview widen exposure. */
    public ReadOnlyIntegerProperty wideningCountProperty() {
        return wideningCount.getReadOnlyProperty();
    }

    /** How many re-reviews the change list hides. */
    public ReadOnlyIntegerProperty hiddenCountProperty() {
        return hiddenCount.getReadOnlyProperty();
    }

    /** True while a widening version waits for the steward's confirmation and reason. */
    public ReadOnlyBooleanProperty confirmingProperty() {
        return confirming.getReadOnlyProperty();
    }

    /** Why this version is published; required to publish a widening one, recorded in the version. */
    public StringProperty reasonProperty() {
        return reason;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Why there is no preview (no decisions yet, an invalid store), empty when there is one. */
    /**
     * What the page says before publishing when the policy store lies inside the folder the
     * console was started from (the default {@code ./policies}): a steward who started it from a
     * service checkout must not find policy files there unannounced. Empty elsewhere.
     */
    public static Optional<String> startFolderNote(java.nio.file.Path policies, java.nio.file.Path startFolder) {
        java.nio.file.Path store = policies.toAbsolutePath().normalize();
        java.nio.file.Path start = startFolder.toAbsolutePath().normalize();
        if (!store.startsWith(start)) {
            return Optional.empty();
        }
        return Optional.of("Publishing writes policy files into " + store + ", inside the folder the console was "
                + "started from (" + start + "). To keep them elsewhere, start the console with --policies DIR "
                + "or set VEIL_POLICIES.");
    }

    /** {@link #startFolderNote} for the current store; empty when it lies elsewhere. */
    public ReadOnlyStringProperty storeNoteProperty() {
        return storeNote.getReadOnlyProperty();
    }

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
