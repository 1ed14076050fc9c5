package dev.veil.ui.publish;

import dev.veil.model.Policy;
import dev.veil.policy.PolicyChange;
import dev.veil.ui.LayoutMemory;
import dev.veil.ui.Page;
import dev.veil.ui.Styles;
import dev.veil.ui.Views;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Publish page: preview with widening changes highlighted, publish, history and diffs. */
public final class PublishView {
    private final PublishViewModel vm;
    private final VBox root;

    public PublishView(PublishViewModel vm, LayoutMemory layout) {
        this.vm = vm;
        SplitPane split = new SplitPane(previewPane(), historyPane());
        split.setDividerPositions(0.55);
        layout.remember("publish", split);
        VBox.setVgrow(split, Priority.ALWAYS);
        root = new VBox(Views.header(Page.PUBLISH), toolbar(), split);
        root.getStyleClass().add(Styles.PAGE);
    }

    public Node root() {
        return root;
    }

    private Node toolbar() {
        TextField owner = new TextField();
        owner.setPromptText("owner attribute (e.g. user_id)");
        owner.textProperty().bindBidirectional(vm.ownerProperty());
        Button preview = Views.button("Pre_view", Feather.EYE);
        preview.setOnAction(e -> vm.load());
        Button publish = Views.button("Pu_blish", Feather.UPLOAD_CLOUD);
        publish.getStyleClass().add(Styles.ACCENT);
        publish.setId("publish-button");
        publish.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.previewProperty().get().map(p -> !p.changesAnything()).orElse(true), vm.previewProperty()));
        publish.setOnAction(e -> vm.publish());
        Label outcome = new Label();
        outcome.textProperty().bind(vm.outcomeProperty());
        outcome.setId("publish-outcome");
        outcome.setWrapText(true);
        HBox box = new HBox(Views.formLabel("_Owner", owner), owner, preview, publish);
        box.getStyleClass().add(Styles.TOOLBAR);
        Label problem = new Label();
        problem.textProperty().bind(vm.problemProperty());
        problem.getStyleClass().add(Styles.PROBLEM);
        problem.setWrapText(true);
        problem.managedProperty().bind(vm.problemProperty().isNotEmpty());
        outcome.managedProperty().bind(vm.outcomeProperty().isNotEmpty());
        Label store = new Label();
        store.setId("publish-store-note");
        store.textProperty().bind(vm.storeNoteProperty());
        store.getStyleClass().add(Styles.HINT);
        store.setWrapText(true);
        store.managedProperty().bind(vm.storeNoteProperty().isNotEmpty());
        store.visibleProperty().bind(store.managedProperty());
        return new VBox(8, box, store, confirmation(), problem, outcome);
    }

    /** Shown instead of writing a widening version: how many changes widen, a reason, confirm or cancel. */
    private Node confirmation() {
        Label what = new Label();
        what.textProperty().bind(Bindings.createStringBinding(() -> "The next version widens exposure in "
                + vm.wideningCountProperty().get() + (vm.wideningCountProperty().get() == 1 ? " place" : " places")
                + ": it lets requesters see what they cannot see now. Publish it only when a reviewer approved "
                + "every widening change, and say why:", vm.wideningCountProperty()));
        what.setWrapText(true);
        what.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        TextField reason = new TextField();
        reason.setPromptText("reason, e.g. approved by the data owner in REV-7");
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        reason.setId("publish-reason");
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button confirm = Views.button("Publish _widening version", Feather.UPLOAD_CLOUD);
        confirm.getStyleClass().add(Styles.DANGER);
        confirm.setId("publish-confirm");
        confirm.disableProperty().bind(vm.reasonProperty().isEmpty());
        confirm.setOnAction(e -> vm.confirmWidening());
        Button cancel = Views.button("_Cancel", Feather.X);
        cancel.setId("publish-cancel");
        cancel.setOnAction(e -> vm.cancelWidening());
        HBox row = new HBox(8, Views.formLabel("_Reason", reason), reason, confirm, cancel);
        VBox pane = new VBox(6, what, row);
        pane.getStyleClass().add(Styles.WIDENING);
        pane.setId("publish-confirmation");
        pane.visibleProperty().bind(vm.confirmingProperty());
        pane.managedProperty().bind(vm.confirmingProperty());
        vm.confirmingProperty().addListener((obs, o, n) -> {
            if (n) {
                reason.requestFocus();
            }
        });
        return pane;
    }

    private Node previewPane() {
        Label title = new Label();
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.previewProperty().get()
                .map(p -> !p.changesAnything() ? "Nothing to publish: the decisions match v" + p.latest().get().version()
                        : "Next version v" + p.draft().version() + ": " + p.changes().size() + " change"
                        + (p.changes().size() == 1 ? "" : "s") + (p.widens() ? ", some widen exposure" : ""))
                .orElse("Preview of the next version"), vm.previewProperty()));
        title.getStyleClass().add(Styles.CARD_TITLE);
        Label widening = new Label();
        widening.textProperty().bind(Bindings.createStringBinding(() -> vm.wideningCountProperty().get()
                + (vm.wideningCountProperty().get() == 1 ? " change widens" : " changes widen") + " exposure",
                vm.wideningCountProperty()));
        widening.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        widening.getStyleClass().add(Styles.WIDENING);
        widening.setId("publish-widening-count");
        widening.visibleProperty().bind(vm.wideningCountProperty().greaterThan(0));
        widening.managedProperty().bind(widening.visibleProperty());
        javafx.scene.control.CheckBox reviews = new javafx.scene.control.CheckBox();
        reviews.textProperty().bind(Bindings.createStringBinding(() -> vm.showReviewsProperty().get()
                ? "Show re-reviews that keep their class" : "Show " + vm.hiddenCountProperty().get()
                + " hidden re-review" + (vm.hiddenCountProperty().get() == 1 ? "" : "s") + " that keep their class",
                vm.hiddenCountProperty(), vm.showReviewsProperty()));
        reviews.selectedProperty().bindBidirectional(vm.showReviewsProperty());
        reviews.setId("publish-show-reviews");
        reviews.visibleProperty().bind(vm.hiddenCountProperty().greaterThan(0).or(vm.showReviewsProperty()));
        reviews.managedProperty().bind(reviews.visibleProperty());
        ListView<PolicyChange> changes = changeList(vm.changes(), "No changes against the latest version.");
        changes.setId("publish-changes");
        ListView<String> warnings = new ListView<>(vm.warnings());
        warnings.setCellFactory(v -> new ListCell<>() {
            private final Label text = Views.wrappingLabel(v.widthProperty(), 40);

            @Override
            protected void updateItem(String w, boolean empty) {
                super.updateItem(w, empty);
                text.setText(empty || w == null ? "" : Views.prose(w));
                setGraphic(empty || w == null ? null : text);
            }
        });
        warnings.setPrefHeight(90);
        warnings.setPlaceholder(new Label("No warnings."));
        VBox.setVgrow(changes, Priority.ALWAYS);
        VBox box = new VBox(title, widening, reviews, changes, new Label("Warnings"), warnings);
        box.getStyleClass().add(Styles.DETAIL_PANE);
        return box;
    }

    private Node historyPane() {
        Label title = new Label("History");
        title.getStyleClass().add(Styles.CARD_TITLE);
        ListView<Policy> versions = new ListView<>(vm.history());
        versions.setPrefHeight(160);
        versions.setPlaceholder(new Label("No version published yet."));
        versions.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Policy p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : "v" + p.version() + "  " + p.digest().map(PublishView::shortDigest).orElse("")
                        + p.owner().map(o -> "  owner " + o).orElse(""));
            }
        });
        ObservableList<Integer> numbers = javafx.collections.FXCollections.observableArrayList();
        vm.history().addListener((javafx.collections.ListChangeListener<Policy>) c ->
                numbers.setAll(vm.history().stream().map(Policy::version).toList()));
        ComboBox<Integer> from = new ComboBox<>(numbers);
        from.valueProperty().bindBidirectional(vm.diffFromProperty());
        from.setAccessibleText("Compare from version");
        ComboBox<Integer> to = new ComboBox<>(numbers);
        to.valueProperty().bindBidirectional(vm.diffToProperty());
        to.setAccessibleText("Compare to version");
        Button compare = Views.button("Co_mpare", Feather.COLUMNS);
        compare.setOnAction(e -> vm.compare());
        HBox diffBar = new HBox(new Label("From"), from, new Label("to"), to, compare);
        diffBar.getStyleClass().add(Styles.TOOLBAR);
        ListView<PolicyChange> diff = changeList(vm.versionDiff(), "Choose two versions and compare them.");
        VBox.setVgrow(diff, Priority.ALWAYS);
        VBox box = new VBox(title, versions, diffBar, diff);
        box.getStyleClass().add(Styles.DETAIL_PANE);
        return box;
    }

    /** "sha256:3406947…": enough to tell versions apart at a glance. */
    static String shortDigest(String digest) {
        return digest.length() > 19 ? digest.substring(0, 19) + "…" : digest;
    }

    private static ListView<PolicyChange> changeList(ObservableList<PolicyChange> items, String empty) {
        ListView<PolicyChange> list = new ListView<>(items);
        list.setPlaceholder(new Label(empty));
        list.setCellFactory(v -> new ChangeCell());
        return list;
    }

    /** One change: kind, path, from → to; widening changes on a red background with a warning icon. */
    private static final class ChangeCell extends ListCell<PolicyChange> {
        @Override
        protected void updateItem(PolicyChange c, boolean empty) {
            super.updateItem(c, empty);
            getStyleClass().remove(Styles.WIDENING);
            if (empty || c == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(c.kind().label() + "  " + c.path() + ":  " + c.from().map(f -> f + " → ").orElse("")
                    + c.to().orElse("(none)")
                    + (c.widening() ? "   (widening)" : ""));
            setGraphic(c.widening() ? new FontIcon(Feather.ALERT_TRIANGLE) : null);
            if (c.widening()) {
                getStyleClass().add(Styles.WIDENING);
            }
        }
    }
}
