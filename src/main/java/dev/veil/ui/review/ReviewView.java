package dev.veil.ui.review;

import dev.veil.app.ReviewRow;
import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.Suggestion;
import dev.veil.ui.Columns;
import dev.veil.ui.LayoutMemory;
import dev.veil.ui.Page;
import dev.veil.ui.Styles;
import dev.veil.ui.Views;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The Review page: the tree table of attribute paths, filters, tagging controls and details. */
public final class ReviewView {
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final javafx.css.PseudoClass GROUP = javafx.css.PseudoClass.getPseudoClass("entity-group");
    private final ReviewViewModel vm;
    private final TreeTableView<PathTree.Node<ReviewRow>> tree = new TreeTableView<>();
    private final VBox details = new VBox();
    private final AttributeCharts charts = new AttributeCharts();
    private final VBox root;
    private Optional<AttributePath> cursorAfterReload = Optional.empty();
    private List<TreeTableColumn<PathTree.Node<ReviewRow>, ?>> dropWhenNarrow = List.of();
    private String cursorEntity = "";

    public ReviewView(ReviewViewModel vm, LayoutMemory layout) {
        this.vm = vm;
        buildTree();
        SplitPane split = new SplitPane(tree, detailPane());
        split.setDividerPositions(0.74);
        layout.remember("review", split);
        VBox.setVgrow(split, Priority.ALWAYS);
        Label table = new Label();
        table.textProperty().bind(Bindings.createStringBinding(() -> vm.session().tableProperty().get().isBlank()
                ? "No table chosen: pick one on the Tables page (Ctrl+2)."
                : "Table " + vm.session().tableProperty().get(), vm.session().tableProperty()));
        table.getStyleClass().add(Styles.TITLE_4);
        Label outcome = new Label();
        outcome.setId("review-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(vm.outcomeProperty());
        outcome.visibleProperty().bind(vm.outcomeProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        root = new VBox(Views.header(Page.REVIEW), table, filters(), decide(), outcome, split);
        root.getStyleClass().add(Styles.PAGE);
        // Ctrl+Z anywhere on the page but in a text field (which keeps its own undo).
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (UNDO.match(e) && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                vm.undo();
                e.consume();
            }
        });
        vm.rows().addListener((ListChangeListener<ReviewRow>) c -> rebuild());
        vm.groups().addListener((ListChangeListener<ReviewViewModel.EntityGroup>) c -> rebuild());
        vm.filterProperty().addListener((obs, o, n) -> rebuild());
        vm.focusedProperty().addListener((obs, o, n) -> showDetails(n));
        rebuild(); // the rows may have loaded before the page was first shown
    }

    public Node root() {
        return root;
    }

    private Node filters() {
        TextField text = new TextField();
        text.setPromptText("Filter paths, notes, reasons");
        text.textProperty().bindBidirectional(vm.filterTextProperty());
        text.setPrefColumnCount(18);
        text.setId("review-filter");
        ComboBox<ReviewViewModel.ClassFilter> cls = new ComboBox<>(
                FXCollections.observableArrayList(ReviewViewModel.ClassFilter.values()));
        cls.valueProperty().bindBidirectional(vm.classFilterProperty());
        cls.setAccessibleText("Filter by decided class");
        CheckBox unreviewed = new CheckBox("_Unreviewed only");
        unreviewed.selectedProperty().bindBidirectional(vm.unreviewedOnlyProperty());
        CheckBox disagree = new CheckBox("Disa_greements only");
        disagree.selectedProperty().bindBidirectional(vm.disagreementOnlyProperty());
        HBox box = new HBox(Views.formLabel("_Filter", text), text, cls, unreviewed, disagree);
        box.getStyleClass().add(Styles.TOOLBAR);
        return box;
    }

    private Node decide() {
        ComboBox<Classification> cls = new ComboBox<>(FXCollections.observableArrayList(Classification.values()));
        cls.valueProperty().bindBidirectional(vm.decisionProperty());
        cls.setId("review-decision");
        TextField note = new TextField();
        note.setPromptText("why (optional)");
        note.textProperty().bindBidirectional(vm.noteProperty());
        note.setPrefColumnCount(16);
        Button apply = Views.button("_Apply to selected", Feather.CHECK);
        apply.getStyleClass().add(Styles.ACCENT);
        apply.disableProperty().bind(Bindings.isEmpty(vm.selection()));
        apply.setOnAction(e -> vm.tagSelection(vm.decisionProperty().get()));
        apply.setId("review-apply");
        Spinner<Double> min = new Spinner<>(0.0, 1.0, vm.minConfidenceProperty().get(), 0.05);
        min.setEditable(true);
        min.setPrefWidth(90);
        min.getValueFactory().valueProperty().addListener((obs, o, n) -> vm.minConfidenceProperty().set(n == null ? 1 : n));
        min.setAccessibleText("Minimum confidence");
        Button accept = Views.button("Accept suggestions ≥", Feather.CHECK_CIRCLE);
        accept.disableProperty().bind(vm.hasAcceptableSuggestions().not());
        accept.setOnAction(e -> vm.acceptSuggestions());
        accept.setId("review-accept");
        Button undo = Views.button("Undo", Feather.ROTATE_CCW);
        undo.setId("review-undo");
        undo.setAccessibleText("Undo the last decision (Ctrl+Z)");
        undo.setTooltip(new javafx.scene.control.Tooltip("Undo the last decision (Ctrl+Z)"));
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        Label keys = new Label("Keys: P public · O owner-only · S secret · Ctrl+Z undo");
        keys.getStyleClass().add(Styles.HINT);
        note.setAccessibleText("Note for the decision");
        cls.setAccessibleText("Class to apply");
        FlowPane box = new FlowPane(8, 8, Views.formLabel("_Decision", cls), cls, note, apply, accept, min, undo,
                keys);
        box.getStyleClass().add(Styles.TOOLBAR);
        return box;
    }

    private void buildTree() {
        tree.setShowRoot(false);
        tree.setId("review-tree");
        tree.setAccessibleText("Attribute paths");
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tree.placeholderProperty().bind(Bindings.createObjectBinding(() -> {
            ReviewViewModel.EmptyState empty = vm.emptyStateProperty().get();
            Node state = Views.emptyState(Feather.CHECK_SQUARE, empty.headline(), empty.hint());
            state.setId("review-empty");
            return state;
        }, vm.emptyStateProperty()));
        TreeTableColumn<PathTree.Node<ReviewRow>, String> path = new TreeTableColumn<>("Path");
        path.setPrefWidth(210);
        path.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue() instanceof GroupItem g ? g.group.name()
                : PathTree.stepLabel(c.getValue().getValue().path())));
        path.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                pseudoClassStateChanged(GROUP, !empty && getTableRow() != null
                        && getTableRow().getTreeItem() instanceof GroupItem);
            }
        });
        tree.getColumns().add(path);
        TreeTableColumn<PathTree.Node<ReviewRow>, String> types = column("Types", 60, r -> r.profile()
                .map(p -> p.types().entrySet().stream().map(e -> e.getKey().code()).collect(Collectors.joining(" ")))
                .orElse(""));
        tree.getColumns().add(types);
        TreeTableColumn<PathTree.Node<ReviewRow>, String> present = column("Present", 72, r -> r.profile()
                .map(p -> String.format("%.0f%%", p.presence() * 100)).orElse("—"));
        tree.getColumns().add(present);
        tree.getColumns().add(classColumn("Suggestion", 124, r -> r.suggestion().map(Suggestion::classification),
                r -> r.suggestion().map(s -> String.format(" %.0f%%", s.confidence() * 100)).orElse("")));
        tree.getColumns().add(classColumn("Decision", 100, r -> r.decision().map(Decision::classification), r -> ""));
        TreeTableColumn<PathTree.Node<ReviewRow>, String> status = column("Status", 92, ReviewRow::status);
        // A group row's status is what is left to review of its entity.
        status.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue() instanceof GroupItem g
                ? (g.group.unreviewed() == 0 ? "all reviewed" : String.format("%,d unreviewed", g.group.unreviewed()))
                : c.getValue().getValue().row().map(ReviewRow::status).orElse("")));
        tree.getColumns().add(status);
        TreeTableColumn<PathTree.Node<ReviewRow>, String> reviewer = column("Reviewer", 80,
                r -> r.decision().map(Decision::reviewer).orElse(""));
        tree.getColumns().add(reviewer);
        TreeTableColumn<PathTree.Node<ReviewRow>, String> notes = column("Note / reasons", 300,
                r -> r.decision().map(Decision::note).filter(n -> !n.isBlank())
                        .orElseGet(() -> r.suggestion().map(s -> String.join("; ", s.reasons())).orElse("")));
        // A group row says how its entity is told apart, how much the sample read and what is left to do.
        notes.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue() instanceof GroupItem g ? groupText(g.group)
                : c.getValue().getValue().row().map(r -> r.decision().map(Decision::note).filter(n -> !n.isBlank())
                        .orElseGet(() -> r.suggestion().map(s -> String.join("; ", s.reasons())).orElse("")))
                        .orElse("")));
        notes.setCellFactory(Columns.wrapping(notes));
        tree.getColumns().add(notes);
        // Columns fit their headers and cells; the note column takes the rest and wraps.
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Columns.fitToContent(tree);
        // What the details pane also shows goes first when the tree is too narrow for every column.
        dropWhenNarrow = List.of(types, reviewer, present, notes);
        tree.widthProperty().addListener((obs, o, n) -> fitColumnsToWidth());
        tree.rootProperty().addListener((obs, o, n) -> fitColumnsToWidth());
        tree.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<TreeItem<PathTree.Node<ReviewRow>>>) c -> syncSelection());
        // The selected item may change after the list's event (select by code): follow it too.
        tree.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> syncSelection());
        tree.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            ReviewViewModel.classForKey(e.getCode().getName()).ifPresent(c -> {
                cursorAfterReload = rowAfterSelection();
                vm.tagSelection(c);
                e.consume();
            });
        });
    }

    /**
     * Shows every column that fits: the tree never scrolls sideways nor cuts a column off; the
     * columns left out (types, reviewer, presence, notes) are in the details pane.
     */
    private void fitColumnsToWidth() {
        // The vertical scroll bar and the borders take about this much of the tree's width.
        double available = tree.getWidth() - 18;
        if (available <= 0) {
            return;
        }
        List<Boolean> before = dropWhenNarrow.stream().map(TreeTableColumn::isVisible).toList();
        dropWhenNarrow.forEach(c -> c.setVisible(true));
        for (TreeTableColumn<PathTree.Node<ReviewRow>, ?> c : dropWhenNarrow) {
            double needed = tree.getColumns().stream().filter(TreeTableColumn::isVisible)
                    .mapToDouble(TreeTableColumn::getMinWidth).sum();
            if (needed <= available) {
                break;
            }
            c.setVisible(false);
        }
        if (!before.equals(dropWhenNarrow.stream().map(TreeTableColumn::isVisible).toList())) {
            // Rows keep the heights they measured with the other columns: the notes wrap anew.
            tree.refresh();
        }
    }

    /**
     * The path the cursor moves to once a key decision is stored: the row below the last selected
     * one, so a steward can go down the list pressing P, O or S (also when a filter then hides the
     * row just decided).
     */
    private Optional<AttributePath> rowAfterSelection() {
        int last = tree.getSelectionModel().getSelectedIndices().stream().mapToInt(Integer::intValue).max().orElse(-1);
        for (int i = last + 1; i < tree.getExpandedItemCount(); i++) {
            TreeItem<PathTree.Node<ReviewRow>> item = tree.getTreeItem(i);
            // Ancestors shown only as context of a match are not rows to decide next.
            if (item != null && item.getValue() != null && !(item instanceof GroupItem)
                    && item.getValue().row().filter(vm.filterProperty().get()).isPresent()) {
                cursorEntity = entityOf(item);
                return Optional.of(item.getValue().path());
            }
        }
        return Optional.empty();
    }

    private void syncSelection() {
        TreeItem<PathTree.Node<ReviewRow>> focused = tree.getSelectionModel().getSelectedItem();
        // A decision goes to one entity: the focused row's; rows of other groups stay out of it.
        String entity = entityOf(focused);
        List<AttributePath> paths = tree.getSelectionModel().getSelectedItems().stream()
                .filter(i -> i != null && i.getValue() != null && !(i instanceof GroupItem))
                .filter(i -> entityOf(i).equals(entity)).map(i -> i.getValue().path()).toList();
        vm.selectedEntityProperty().set(entity);
        vm.selection().setAll(paths);
        vm.focusedProperty().set(focused == null || focused.getValue() == null || focused instanceof GroupItem
                ? Optional.empty() : focused.getValue().row());
        if (focused instanceof GroupItem g) {
            showGroup(g.group);
        }
    }

    /** The details of an entity's group row: how it is told apart, what the sample read, what is left. */
    private void showGroup(ReviewViewModel.EntityGroup g) {
        details.getChildren().clear();
        charts.clear();
        Label title = new Label("Entity " + g.name());
        title.getStyleClass().add(Styles.DETAIL_TITLE);
        title.setWrapText(true);
        details.getChildren().addAll(title, wrapped(groupText(g)),
                wrapped("Decisions made in this group apply to " + g.name() + " items only."));
    }

    /** The entity whose group holds {@code item}; "" for a table without entities. */
    private static String entityOf(TreeItem<PathTree.Node<ReviewRow>> item) {
        for (TreeItem<PathTree.Node<ReviewRow>> i = item; i != null; i = i.getParent()) {
            if (i instanceof GroupItem g) {
                return g.group.name();
            }
        }
        return "";
    }

    /** "match _type = USER · 120 items sampled · 3 unreviewed". */
    static String groupText(ReviewViewModel.EntityGroup g) {
        String match = g.summary().match().map(m -> "match " + m).orElse("named by the published policy");
        return match + " · " + String.format("%,d", g.summary().itemsSampled())
                + (g.summary().itemsSampled() == 1 ? " item" : " items") + " sampled · "
                + (g.unreviewed() == 0 ? "all reviewed" : String.format("%,d unreviewed", g.unreviewed()));
    }

    /** The row of an entity: its attributes are its children. */
    private static final class GroupItem extends TreeItem<PathTree.Node<ReviewRow>> {
        private final ReviewViewModel.EntityGroup group;

        GroupItem(ReviewViewModel.EntityGroup group) {
            super(new PathTree.Node<>(AttributePath.of(group.name()), Optional.empty(), List.of()));
            this.group = group;
            setExpanded(true);
        }
    }

    private void rebuild() {
        Set<AttributePath> selected = new HashSet<>(vm.selection());
        String selectedEntity = vm.selectedEntityProperty().get();
        int firstSelected = tree.getSelectionModel().getSelectedIndices().stream().mapToInt(Integer::intValue)
                .min().orElse(-1);
        TreeItem<PathTree.Node<ReviewRow>> rootItem = new TreeItem<>();
        if (vm.groups().isEmpty()) {
            for (PathTree.Node<ReviewRow> n : PathTree.build(vm.rows(), ReviewRow::path, vm.filterProperty().get())) {
                rootItem.getChildren().add(item(n));
            }
        } else {
            for (ReviewViewModel.EntityGroup g : vm.groups()) {
                GroupItem group = new GroupItem(g);
                PathTree.build(g.rows(), ReviewRow::path, vm.filterProperty().get())
                        .forEach(n -> group.getChildren().add(item(n)));
                rootItem.getChildren().add(group);
            }
        }
        tree.setRoot(rootItem);
        Optional<AttributePath> cursor = cursorAfterReload;
        cursorAfterReload = Optional.empty();
        if (cursor.isPresent() && selectPaths(rootItem, cursorEntity, Set.of(cursor.get()))) {
            showSelected();
            return;
        }
        if (!selectPaths(rootItem, selectedEntity, selected) && firstSelected >= 0 && tree.getExpandedItemCount() > 0) {
            // The rows shown before are filtered out now: keep the cursor where it was.
            tree.getSelectionModel().select(Math.min(firstSelected, tree.getExpandedItemCount() - 1));
        }
        showSelected();
    }

    private void showSelected() {
        int i = tree.getSelectionModel().getSelectedIndex();
        if (i >= 0) {
            tree.getFocusModel().focus(i);
            tree.scrollTo(Math.max(0, i - 3));
        }
    }

    /** Selects the items of {@code paths} in {@code entity}'s group; true when any was there to select. */
    private boolean selectPaths(TreeItem<PathTree.Node<ReviewRow>> item, String entity, Set<AttributePath> paths) {
        boolean any = false;
        for (TreeItem<PathTree.Node<ReviewRow>> child : item.getChildren()) {
            if (child instanceof GroupItem g) {
                any |= g.group.name().equals(entity) && selectPaths(child, entity, paths);
                continue;
            }
            if (paths.contains(child.getValue().path())) {
                tree.getSelectionModel().select(child);
                any = true;
            }
            any |= selectPaths(child, entity, paths);
        }
        return any;
    }

    private static TreeItem<PathTree.Node<ReviewRow>> item(PathTree.Node<ReviewRow> n) {
        TreeItem<PathTree.Node<ReviewRow>> i = new TreeItem<>(n);
        i.setExpanded(true);
        n.children().forEach(c -> i.getChildren().add(item(c)));
        return i;
    }

    private static TreeTableColumn<PathTree.Node<ReviewRow>, String> column(String title, double width,
                                                                          Function<ReviewRow, String> f) {
        TreeTableColumn<PathTree.Node<ReviewRow>, String> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                cell.getValue().getValue().row().map(f).orElse("")));
        return c;
    }

    private static TreeTableColumn<PathTree.Node<ReviewRow>, PathTree.Node<ReviewRow>> classColumn(String title,
            double width, Function<ReviewRow, Optional<Classification>> cls, Function<ReviewRow, String> suffix) {
        TreeTableColumn<PathTree.Node<ReviewRow>, PathTree.Node<ReviewRow>> c = new TreeTableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(cell.getValue().getValue()));
        Columns.measure(c, n -> n == null ? "" : n.row().flatMap(r -> cls.apply(r)
                .map(v -> v.label() + suffix.apply(r))).orElse(""));
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(PathTree.Node<ReviewRow> n, boolean empty) {
                super.updateItem(n, empty);
                getStyleClass().removeAll(Styles.CLASS_PUBLIC, Styles.CLASS_OWNER_ONLY, Styles.CLASS_SECRET);
                Optional<ReviewRow> row = empty || n == null ? Optional.empty() : n.row();
                Optional<Classification> value = row.flatMap(cls);
                setText(value.map(v -> v.label() + suffix.apply(row.get())).orElse(""));
                value.ifPresent(v -> getStyleClass().add(styleOf(v)));
            }
        });
        return c;
    }

    /** The CSS class that colours a classification. */
    public static String styleOf(Classification c) {
        return switch (c) {
            case PUBLIC -> Styles.CLASS_PUBLIC;
            case OWNER_ONLY -> Styles.CLASS_OWNER_ONLY;
            case SECRET -> Styles.CLASS_SECRET;
        };
    }

    private Node detailPane() {
        details.getStyleClass().add(Styles.DETAIL_PANE);
        showDetails(Optional.empty());
        ScrollPane scroll = new ScrollPane(details);
        scroll.setFitToWidth(true);
        scroll.setMinWidth(280);
        return scroll;
    }

    private void showDetails(Optional<ReviewRow> row) {
        details.getChildren().clear();
        if (row.isEmpty()) {
            Label hint = new Label("Select a path to see its profile, masked examples and charts.");
            hint.setWrapText(true);
            hint.getStyleClass().add(Styles.HINT);
            details.getChildren().add(hint);
            charts.clear();
            return;
        }
        ReviewRow r = row.get();
        Label title = new Label(r.path().toString());
        title.getStyleClass().add(Styles.DETAIL_TITLE);
        title.setWrapText(true);
        details.getChildren().add(title);
        r.suggestion().ifPresent(s -> {
            Label sug = new Label(String.format("Suggested %s (%.0f%%)", s.classification().label(), s.confidence() * 100));
            sug.getStyleClass().add(styleOf(s.classification()));
            details.getChildren().add(sug);
            s.reasons().forEach(reason -> details.getChildren().add(wrapped("• " + Views.prose(reason))));
        });
        r.decision().ifPresent(d -> {
            Label decided = wrapped("Decided " + d.classification().label() + " by " + d.reviewer()
                    + (d.note().isBlank() ? "" : ": " + Views.prose(d.note())));
            decided.getStyleClass().add(styleOf(d.classification()));
            details.getChildren().add(decided);
        });
        vm.details(r).forEach(d -> details.getChildren().add(wrapped(d)));
        List<String> examples = vm.examples(r);
        if (!examples.isEmpty()) {
            details.getChildren().add(wrapped("Masked examples"));
            // One example a line, wrapping: a long one must not widen the pane.
            VBox ex = new VBox(6);
            examples.forEach(e -> {
                Label l = new Label(e);
                l.getStyleClass().add(Styles.MASKED_EXAMPLE);
                l.setWrapText(true);
                ex.getChildren().add(l);
            });
            details.getChildren().add(ex);
        }
        r.profile().ifPresentOrElse(p -> {
            charts.show(p.types(), p.presence());
            details.getChildren().add(charts.root());
        }, charts::clear);
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
