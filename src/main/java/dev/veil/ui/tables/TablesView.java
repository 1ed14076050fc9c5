package dev.veil.ui.tables;

import dev.veil.work.Progress;
import dev.veil.app.TableOverview;
import dev.veil.model.IndexInfo;
import dev.veil.model.KeySchema;
import dev.veil.ui.Columns;
import dev.veil.ui.LayoutMemory;
import dev.veil.ui.Page;
import dev.veil.ui.Styles;
import dev.veil.ui.Views;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The Tables page: the table list with badges, and the Sample panel for the selected table. */
public final class TablesView {
    private final TablesViewModel vm;
    private final VBox root;

    public TablesView(TablesViewModel vm, LayoutMemory layout) {
        this.vm = vm;
        Button refresh = Views.button("Re_fresh", Feather.REFRESH_CW);
        refresh.setOnAction(e -> vm.refresh());
        HBox toolbar = new HBox(refresh);
        toolbar.getStyleClass().add(Styles.TOOLBAR);
        SplitPane split = new SplitPane(table(), samplePanel());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        layout.remember("tables", split);
        VBox.setVgrow(split, Priority.ALWAYS);
        root = new VBox(Views.header(Page.TABLES), toolbar, split);
        root.getStyleClass().add(Styles.PAGE);
    }

    public Node root() {
        return root;
    }

    private TableView<TableOverview> table() {
        TableView<TableOverview> t = new TableView<>(vm.tables());
        t.setId("tables-table");
        t.setAccessibleText("Tables");
        t.setPlaceholder(Views.emptyState(Feather.DATABASE, "No tables yet",
                "Connect on the Connect page (Ctrl+1), or open the demo."));
        t.getColumns().add(column("Table", 180, o -> o.name()));
        t.getColumns().add(column("Key", 200, o -> keyText(o.info().keySchema())));
        TableColumn<TableOverview, String> items = column("Items (approx.)", 110, TableOverview::itemsEstimate);
        items.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty ? null : new javafx.scene.control.Tooltip(TableOverview.ITEM_COUNT_NOTE));
            }
        });
        t.getColumns().add(items);
        t.getColumns().add(column("Indexes", 220, o -> o.info().indexes().isEmpty() ? "—"
                : o.info().indexes().stream().map(i -> i.name() + " (" + i.kind().shortName() + ")")
                        .collect(Collectors.joining(", "))));
        TableColumn<TableOverview, TableOverview> badges = new TableColumn<>("Status");
        badges.setPrefWidth(360);
        badges.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        badges.setCellFactory(c -> new BadgeCell());
        // One badge per line is fine on a narrow window: the column may shrink to the widest badge.
        Columns.wrapsFrom(badges, 140);
        t.getColumns().add(badges);
        t.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> vm.selectedProperty().set(n));
        vm.selectedProperty().addListener((obs, o, n) -> {
            if (n != null && t.getSelectionModel().getSelectedItem() != n) {
                t.getSelectionModel().select(n);
            }
        });
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Columns.fitToContent(t);
        vm.session().driftFindings().addListener((javafx.collections.MapChangeListener<String, Integer>) c -> t.refresh());
        return t;
    }

    static String keyText(KeySchema k) {
        return k.partitionKey().name() + " (" + k.partitionKey().type().code() + ")"
                + k.sortKey().map(s -> " · " + s.name() + " (" + s.type().code() + ")").orElse("");
    }

    private static TableColumn<TableOverview, String> column(String title, double width,
                                                             java.util.function.Function<TableOverview, String> f) {
        TableColumn<TableOverview, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
    }

    /**
     * Badges: policy version, unreviewed attributes, drift findings, last sample. They wrap onto a
     * second line when the column is narrower than they are, and the row grows to hold them.
     */
    private final class BadgeCell extends TableCell<TableOverview, TableOverview> {
        // The cell's own padding, left and right, as the theme draws it.
        private static final double PADDING = 16;

        BadgeCell() {
            widthProperty().addListener((obs, o, n) -> {
                if (getGraphic() instanceof FlowPane box) {
                    box.setPrefWrapLength(Math.max(0, n.doubleValue() - PADDING));
                }
            });
        }

        @Override
        protected void updateItem(TableOverview o, boolean empty) {
            super.updateItem(o, empty);
            if (empty || o == null) {
                setGraphic(null);
                return;
            }
            FlowPane box = new FlowPane(6, 4);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.setPrefWrapLength(Math.max(0, getWidth() - PADDING));
            box.getChildren().add(o.policyVersion().map(v -> badge("policy v" + v, Styles.BADGE_ACCENT))
                    .orElseGet(() -> badge("no policy", Styles.BADGE_WARNING)));
            if (o.lastSampled().isEmpty()) {
                box.getChildren().add(badge("not sampled", Styles.BADGE));
            } else if (o.unreviewed() > 0) {
                box.getChildren().add(badge(o.unreviewed() + " unreviewed", Styles.BADGE_DANGER));
            } else {
                box.getChildren().add(badge("all reviewed", Styles.BADGE_SUCCESS));
            }
            vm.driftFindings(o.name()).ifPresent(n -> box.getChildren().add(n == 0
                    ? badge("no drift", Styles.BADGE_SUCCESS) : badge(n + (n == 1 ? " drift finding" : " drift findings"), Styles.BADGE_WARNING)));
            setGraphic(box);
        }
    }

    private static Label badge(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().addAll(Styles.BADGE, style);
        return l;
    }

    private Node samplePanel() {
        Label title = new Label();
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedProperty().get() == null
                ? "Sample" : "Sample " + vm.selectedProperty().get().name(), vm.selectedProperty()));
        title.getStyleClass().add(Styles.CARD_TITLE);

        Spinner<Integer> items = new Spinner<>(1, 1_000_000, vm.itemsProperty().get(), 100);
        items.setEditable(true);
        items.getValueFactory().valueProperty().addListener((obs, o, n) -> vm.itemsProperty().set(n == null ? 0 : n));
        vm.itemsProperty().addListener((obs, o, n) -> items.getValueFactory().setValue(n.intValue()));
        items.setAccessibleText("Items to sample");
        CheckBox stable = new CheckBox("Stop when _stable");
        stable.selectedProperty().bindBidirectional(vm.untilStableProperty());
        TextField rcu = new TextField();
        rcu.setPromptText("no cap");
        rcu.setPrefColumnCount(6);
        rcu.textProperty().bindBidirectional(vm.maxRcuProperty());
        rcu.setAccessibleText("Read-rate cap in read units per second");

        GridPane form = new GridPane();
        form.getStyleClass().add(Styles.FORM);
        form.addRow(0, Views.formLabel("_Items", items), items, stable);
        form.addRow(1, Views.formLabel("Read-rate _cap (RCU/s)", rcu), rcu);

        Button sample = Views.button("Sa_mple", Feather.PLAY);
        sample.getStyleClass().add(Styles.ACCENT);
        sample.setId("sample-button");
        sample.disableProperty().bind(vm.canSample().not());
        sample.setOnAction(e -> vm.sample());
        Button cancel = Views.button("Cancel", Feather.X_CIRCLE);
        cancel.setId("sample-cancel");
        cancel.visibleProperty().bind(vm.samplingProperty());
        cancel.managedProperty().bind(vm.samplingProperty());
        cancel.setOnAction(e -> vm.cancelSample());

        ProgressBar bar = new ProgressBar();
        bar.setId("sample-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> vm.sampleProgressProperty().get().fraction(),
                vm.sampleProgressProperty()));
        bar.visibleProperty().bind(vm.samplingProperty());
        bar.setAccessibleText("Sampling progress");
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label progress = new Label();
        progress.setId("sample-progress-text");
        progress.textProperty().bind(Bindings.createStringBinding(() -> {
            Progress p = vm.sampleProgressProperty().get();
            return vm.samplingProperty().get() ? p.message() : vm.lastSampleProperty().get();
        }, vm.sampleProgressProperty(), vm.samplingProperty(), vm.lastSampleProperty()));
        progress.setWrapText(true);
        Label problem = new Label();
        problem.textProperty().bind(vm.problemProperty());
        problem.getStyleClass().add(Styles.HINT);

        HBox actions = new HBox(8, sample, cancel, bar);
        actions.getStyleClass().add(Styles.TOOLBAR);
        VBox panel = new VBox(title, form, actions, progress, problem);
        panel.getStyleClass().add(Styles.CARD);
        return panel;
    }

    static String indexText(IndexInfo i) {
        return i.name();
    }
}
