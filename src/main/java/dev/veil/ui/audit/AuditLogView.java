package dev.veil.ui.audit;

import dev.veil.model.AuditEntry;
import dev.veil.model.DecisionSource;
import dev.veil.model.EntityCorrection;
import dev.veil.ui.Columns;
import dev.veil.ui.Page;
import dev.veil.ui.Styles;
import dev.veil.ui.Views;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The Audit log page: a filterable table of every decision. */
public final class AuditLogView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private final VBox root;

    public AuditLogView(AuditLogViewModel vm) {
        TextField filter = new TextField();
        filter.setPromptText("Filter by table, path, class, reviewer or note");
        filter.setPrefColumnCount(28);
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        CheckBox current = new CheckBox("Current _table only");
        current.selectedProperty().bindBidirectional(vm.currentTableOnlyProperty());
        Button refresh = Views.button("Re_fresh", Feather.REFRESH_CW);
        refresh.setOnAction(e -> vm.load());
        HBox toolbar = new HBox(Views.formLabel("_Filter", filter), filter, current, refresh);
        toolbar.getStyleClass().add(Styles.TOOLBAR);

        FilteredList<AuditEntry> shown = new FilteredList<>(vm.entries());
        shown.predicateProperty().bind(vm.filterProperty());
        TableView<AuditEntry> table = new TableView<>(shown);
        table.setId("audit-table");
        table.setPlaceholder(Views.emptyState(Feather.BOOK_OPEN, "No decisions yet",
                "Every decision made on the Review page is recorded here."));
        table.getColumns().add(column("When", 150, e -> WHEN.format(e.at())));
        table.getColumns().add(column("Table", 110, AuditEntry::table));
        table.getColumns().add(column("Path", 180, e -> e.path().toString()));
        // One column for the change, "public → secret": two would need the room of two headers.
        table.getColumns().add(column("Change", 180, e -> e.previous().map(c -> c.label()).orElse("—") + " \u2192 "
                + AuditEntry.label(e.current())));
        table.getColumns().add(column("Reviewer", 110, AuditEntry::reviewer));
        // How a decision was made shares the note's column: a column of its own would not fit at 1280 px.
        TableColumn<AuditEntry, String> why = column("How and why", 320, AuditLogView::howAndWhy);
        why.setCellFactory(Columns.wrapping(why));
        table.getColumns().add(why);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Columns.fitToContent(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        Node corrections = corrections(vm);
        root = new VBox(Views.header(Page.AUDIT_LOG), toolbar, table, corrections);
        root.getStyleClass().add(Styles.PAGE);
    }

    // Shown only once a steward has corrected the entities of a single-table design.
    private static Node corrections(AuditLogViewModel vm) {
        FilteredList<EntityCorrection> shown = new FilteredList<>(vm.corrections());
        shown.predicateProperty().bind(vm.correctionFilterProperty());
        TableView<EntityCorrection> table = new TableView<>(shown);
        table.setId("corrections-table");
        table.setAccessibleText("Entity corrections");
        table.getColumns().add(column("When", 150, c -> WHEN.format(c.at())));
        table.getColumns().add(column("Table", 110, EntityCorrection::table));
        table.getColumns().add(column("Reviewer", 110, EntityCorrection::reviewer));
        TableColumn<EntityCorrection, String> what = column("Correction and why", 420,
                c -> c.note().isBlank() ? c.describe() : c.describe() + " — " + c.note());
        what.setCellFactory(Columns.wrapping(what));
        table.getColumns().add(what);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(160);
        Columns.fitToContent(table);
        Label title = new Label("Entity corrections");
        title.getStyleClass().add(Styles.CARD_TITLE);
        VBox box = new VBox(6, title, table);
        box.visibleProperty().bind(Bindings.isNotEmpty(shown));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    public Node root() {
        return root;
    }

    // An accepted suggestion's note already says so ("accepted suggestion (96%): …"); a manual one
    // says why, and a blank note leaves only how.
    static String howAndWhy(AuditEntry e) {
        if (!e.note().isBlank()) {
            return e.note();
        }
        return e.source() == DecisionSource.ACCEPTED_SUGGESTION ? "accepted suggestion" : "manual decision";
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())));
        return c;
    }
}
