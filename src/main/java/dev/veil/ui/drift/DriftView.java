package dev.veil.ui.drift;

import dev.veil.drift.PlainText;
import dev.veil.drift.ReportFormat;
import dev.veil.drift.ReportedFinding;
import dev.veil.model.Finding;
import dev.veil.model.Severity;
import dev.veil.ui.Columns;
import dev.veil.ui.LayoutMemory;
import dev.veil.ui.Page;
import dev.veil.ui.Styles;
import dev.veil.ui.Views;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Drift page: choose tables, run the audit, findings by table and severity (waived ones apart),
 * the selected finding in full with the waive action, timeline, save.
 */
public final class DriftView {
    /** A row of the findings tree: a group heading, or a finding (shown as plain text, never Markdown). */
    private record Row(String title, String path, String message, String action, Optional<Finding> finding) {
        static Row heading(String title) {
            return new Row(title, "", "", "", Optional.empty());
        }

        static Row of(Finding f) {
            return new Row(f.kind().label(), f.path().map(Object::toString).orElse(""), PlainText.of(f.message()),
                    PlainText.of(f.action()), Optional.of(f));
        }
    }

    private final DriftViewModel vm;
    private final TreeTableView<Row> findings = new TreeTableView<>();
    private final VBox root;

    public DriftView(DriftViewModel vm, LayoutMemory layout) {
        this.vm = vm;
        SplitPane split = new SplitPane(tablesPane(), findingsPane());
        split.setDividerPositions(0.2);
        layout.remember("drift", split);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label summary = new Label();
        summary.textProperty().bind(vm.summaryProperty());
        summary.setId("drift-summary");
        root = new VBox(Views.header(Page.DRIFT), toolbar(), summary, split);
        root.getStyleClass().add(Styles.PAGE);
        vm.reportProperty().addListener((obs, o, n) -> rebuild());
        rebuild();
    }

    public Node root() {
        return root;
    }

    private Node toolbar() {
        Button run = Views.button("_Run audit", Feather.ACTIVITY);
        run.getStyleClass().add(Styles.ACCENT);
        run.setId("drift-run");
        run.setOnAction(e -> vm.run());
        ComboBox<ReportFormat> format = new ComboBox<>(FXCollections.observableArrayList(ReportFormat.values()));
        format.setValue(ReportFormat.MARKDOWN);
        format.setAccessibleText("Report format");
        Button save = Views.button("_Save report…", Feather.SAVE);
        save.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.reportProperty().get().isEmpty(), vm.reportProperty()));
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the drift report");
            chooser.setInitialFileName("drift." + format.getValue().fileExtension());
            File f = chooser.showSaveDialog(root.getScene().getWindow());
            if (f != null) {
                vm.save(format.getValue(), f.toPath());
            }
        });
        HBox box = new HBox(run, save, format);
        box.getStyleClass().add(Styles.TOOLBAR);
        return box;
    }

    private Node tablesPane() {
        CheckBox all = new CheckBox("_All tables");
        all.selectedProperty().bindBidirectional(vm.allTablesProperty());
        ListView<String> tables = new ListView<>(vm.session().tableNames());
        tables.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tables.disableProperty().bind(vm.allTablesProperty());
        tables.setAccessibleText("Tables to audit");
        tables.getSelectionModel().getSelectedItems().addListener((ListChangeListener<String>) c ->
                vm.chosenTables().setAll(List.copyOf(tables.getSelectionModel().getSelectedItems())));
        VBox.setVgrow(tables, Priority.ALWAYS);
        VBox box = new VBox(8, all, tables);
        box.getStyleClass().add(Styles.DETAIL_PANE);
        return box;
    }

    private Node findingsPane() {
        findings.setShowRoot(false);
        findings.setId("drift-findings");
        findings.setPlaceholder(Views.emptyState(Feather.ACTIVITY, "No audit yet",
                "Run an audit to compare the tables with their published policies."));
        findings.getColumns().add(treeColumn("Table · severity · kind", 210, Row::title));
        // No column of its own for the path: every message names it, and one column less fits 1280 px.
        TreeTableColumn<Row, String> message = treeColumn("Message", 300, Row::message);
        message.setCellFactory(Columns.wrapping(message));
        findings.getColumns().add(message);
        TreeTableColumn<Row, String> action = treeColumn("What to do", 320, Row::action);
        action.setCellFactory(Columns.wrapping(action));
        findings.getColumns().add(action);
        findings.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Columns.fitToContent(findings);
        TableView<DriftViewModel.TimelineEvent> timeline = new TableView<>(vm.timeline());
        timeline.setPlaceholder(new Label("No attribute appeared or vanished between sampling runs."));
        timeline.getColumns().add(column("Sampled", 200, DriftViewModel.TimelineEvent::after));
        timeline.getColumns().add(column("Table", 120, DriftViewModel.TimelineEvent::table));
        timeline.getColumns().add(column("Change", 100, DriftViewModel.TimelineEvent::change));
        timeline.getColumns().add(column("Path", 200, DriftViewModel.TimelineEvent::path));
        timeline.getColumns().add(column("Previous sample", 200, DriftViewModel.TimelineEvent::before));
        timeline.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Columns.fitToContent(timeline);
        VBox tl = new VBox(6, new Label("Timeline: attributes appearing and vanishing across sampling runs"), timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        findings.getSelectionModel().selectedItemProperty().addListener((obs, o, n) ->
                vm.select(n == null || n.getValue() == null ? Optional.empty() : n.getValue().finding()));
        SplitPane split = new SplitPane(findings, detailPane(), tl);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.5, 0.75);
        return split;
    }

    /** The selected finding in full (message and what to do, wrapped), and the waive action. */
    private Node detailPane() {
        Label message = new Label();
        message.setId("drift-detail-message");
        message.setWrapText(true);
        Label action = new Label();
        action.setId("drift-detail-action");
        action.setWrapText(true);
        vm.selectedProperty().addListener((obs, o, n) -> {
            message.setText(n.map(f -> PlainText.of(f.message())).orElse("Select a finding to read it in full."));
            action.setText(n.map(f -> "What to do: " + PlainText.of(f.action())).orElse(""));
        });
        message.setText("Select a finding to read it in full.");
        TextField reason = new TextField();
        reason.setId("drift-waive-reason");
        reason.setPromptText("Why this finding is acceptable for now");
        reason.setAccessibleText("Reason for the waiver");
        reason.textProperty().bindBidirectional(vm.waiveReasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        DatePicker until = new DatePicker();
        until.setId("drift-waive-until");
        until.setAccessibleText("Waiver holds until");
        until.valueProperty().bindBidirectional(vm.waiveUntilProperty());
        Button waive = Views.button("_Waive", Feather.CHECK_SQUARE);
        waive.setId("drift-waive");
        waive.disableProperty().bind(vm.canWaiveProperty().not());
        waive.setOnAction(e -> vm.waive());
        Label status = new Label();
        status.setId("drift-waive-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.waiveStatusProperty());
        HBox form = new HBox(8, new Label("Waive until"), until, reason, waive);
        form.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // The waive form first, so it stays in view however long the message is.
        VBox box = new VBox(6, form, status, message, action);
        box.getStyleClass().add(Styles.DETAIL_PANE);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void rebuild() {
        TreeItem<Row> rootItem = new TreeItem<>();
        for (Map.Entry<String, Map<Severity, List<Finding>>> t : vm.grouped().entrySet()) {
            TreeItem<Row> table = new TreeItem<>(Row.heading(t.getKey()));
            table.setExpanded(true);
            for (Map.Entry<Severity, List<Finding>> s : t.getValue().entrySet()) {
                TreeItem<Row> sev = new TreeItem<>(Row.heading(s.getKey().label() + " (" + s.getValue().size() + ")"));
                sev.setExpanded(s.getKey() != Severity.LOW);
                s.getValue().forEach(f -> sev.getChildren().add(new TreeItem<>(Row.of(f))));
                table.getChildren().add(sev);
            }
            rootItem.getChildren().add(table);
        }
        Map<String, List<ReportedFinding>> waived = vm.waived();
        for (Map.Entry<String, List<ReportedFinding>> t : waived.entrySet()) {
            TreeItem<Row> table = rootItem.getChildren().stream().filter(i -> i.getValue().title().equals(t.getKey()))
                    .findFirst().orElseGet(() -> {
                        TreeItem<Row> item = new TreeItem<>(Row.heading(t.getKey()));
                        item.setExpanded(true);
                        rootItem.getChildren().add(item);
                        return item;
                    });
            TreeItem<Row> group = new TreeItem<>(Row.heading("waived (" + t.getValue().size() + ")"));
            t.getValue().forEach(e -> group.getChildren().add(new TreeItem<>(new Row(e.finding().kind().label(),
                    e.finding().path().map(Object::toString).orElse(""), PlainText.of(e.finding().message()),
                    e.waiver().map(w -> "waived until " + w.until() + " by " + w.by() + ": " + w.reason()).orElse(""),
                    Optional.empty()))));
            table.getChildren().add(group);
        }
        findings.setRoot(rootItem);
    }

    private static TreeTableColumn<Row, String> treeColumn(String title, double width,
                                                           java.util.function.Function<Row, String> f) {
        TreeTableColumn<Row, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().getValue() == null ? ""
                : f.apply(cell.getValue().getValue())));
        return c;
    }

    private static <T> TableColumn<T, String> column(String title, double width, java.util.function.Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
    }
}
