package dev.veil.ui;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Control;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Callback;

/**
 * Column widths that fit their content, so no header or cell is cut short: every column but the
 * last is as wide as its header and its widest cell (never narrower); the last one takes the rest
 * of the window and, holding the long texts, wraps them.
 */
public final class Columns {
    // Cell and header padding plus room for the sort arrow, as the theme draws them.
    private static final double CELL_PADDING = 22;
    private static final double HEADER_PADDING = 34;
    // A cell of a tree column also holds the disclosure arrow and the indent of its depth.
    private static final double TREE_INDENT = 18;
    private static final double WRAPPING_MIN = 220;

    private Columns() {
    }

    /** Keeps the columns of {@code table} fitted to its items as they change. */
    public static <S> void fitToContent(TableView<S> table) {
        Runnable fit = () -> fit(table.getColumns(), table.getItems().size(),
                (col, i) -> shown(col, ((TableColumn<S, ?>) col).getCellData(i)), 0);
        table.getItems().addListener((ListChangeListener<S>) c -> fit.run());
        table.itemsProperty().addListener((obs, o, n) -> fit.run());
        fit.run();
    }

    /** Keeps the columns of {@code tree} fitted to its expanded rows whenever its root changes. */
    public static <S> void fitToContent(TreeTableView<S> tree) {
        Runnable fit = () -> fit(tree.getColumns(), tree.getExpandedItemCount(), (col, i) -> {
            var item = tree.getTreeItem(i);
            return item == null ? "" : shown(col, ((TreeTableColumn<S, ?>) col).getCellData(item));
        }, TREE_INDENT * (1 + maxDepth(tree)));
        tree.rootProperty().addListener((obs, o, n) -> fit.run());
        fit.run();
    }

    /** Sizes {@code column} and every other but the last from their header and cell texts. */
    private static void fit(List<? extends TableColumnBase<?, ?>> columns, int rows, CellText cells,
                            double firstColumnIndent) {
        Font font = Font.font(Font.getDefault().getFamily(), Math.max(14, Font.getDefault().getSize()));
        Font bold = Font.font(font.getFamily(), FontWeight.BOLD, font.getSize());
        for (int c = 0; c < columns.size(); c++) {
            TableColumnBase<?, ?> col = columns.get(c);
            double header = width(col.getText(), bold) + HEADER_PADDING;
            if (c == columns.size() - 1 || Boolean.TRUE.equals(col.getProperties().get(WRAPS))) {
                // Long texts wrap: the column needs only room for its header and a few words.
                Object own = col.getProperties().get(WRAPS_FROM);
                double min = Math.max(header, own instanceof Double d ? d : WRAPPING_MIN);
                col.setMinWidth(min);
                col.setPrefWidth(Math.max(col.getPrefWidth(), min));
                continue;
            }
            double widest = header;
            for (int i = 0; i < rows; i++) {
                widest = Math.max(widest, width(cells.text(col, i), font) + CELL_PADDING
                        + (c == 0 ? firstColumnIndent : 0));
            }
            double w = Math.ceil(widest);
            col.setMinWidth(w);
            col.setPrefWidth(w);
        }
    }

    private static final String WRAPS = "veil.wraps";
    private static final String WRAPS_FROM = "veil.wrapsFrom";

    /**
     * For a last column whose cells wrap small pieces (badges) rather than words: how narrow it may
     * become, instead of the room a few words of prose need.
     */
    public static void wrapsFrom(TableColumnBase<?, ?> column, double minWidth) {
        column.getProperties().put(WRAPS_FROM, minWidth);
    }
    private static final String MEASURE = "veil.measure";

    /** For a column whose cells draw something other than their value's text: the text they show. */
    public static <T> void measure(TableColumnBase<?, T> column, java.util.function.Function<T, String> shown) {
        column.getProperties().put(MEASURE, shown);
    }

    @SuppressWarnings("unchecked")
    private static String shown(TableColumnBase<?, ?> column, Object value) {
        Object f = column.getProperties().get(MEASURE);
        return f == null ? text(value) : ((java.util.function.Function<Object, String>) f).apply(value);
    }

    /** A cell for long texts: wraps at the column's width, and the row grows to hold it. */
    public static <S> Callback<TableColumn<S, String>, TableCell<S, String>> wrapping(TableColumn<S, String> column) {
        column.getProperties().put(WRAPS, true);
        return col -> new TableCell<>() {
            private final Text text = wrappingText(this);

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : Views.prose(item));
                setGraphic(empty || item == null ? null : text);
            }
        };
    }

    /** {@link #wrapping(TableColumn)} for a tree table. */
    public static <S> Callback<TreeTableColumn<S, String>, TreeTableCell<S, String>> wrapping(
            TreeTableColumn<S, String> column) {
        column.getProperties().put(WRAPS, true);
        return col -> new TreeTableCell<>() {
            private final Text text = wrappingText(this);

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : Views.prose(item));
                setGraphic(empty || item == null ? null : text);
            }
        };
    }

    // A Text, unlike a Label, reports the height of its wrapped lines to the row that lays it out.
    private static Text wrappingText(Control cell) {
        Text text = new Text();
        text.getStyleClass().add(Styles.CELL_TEXT);
        text.wrappingWidthProperty().bind(cell.widthProperty().subtract(CELL_PADDING));
        return text;
    }

    private static int maxDepth(TreeTableView<?> tree) {
        int max = 0;
        for (int i = 0; i < tree.getExpandedItemCount(); i++) {
            max = Math.max(max, tree.getTreeItemLevel(tree.getTreeItem(i)));
        }
        return Math.max(0, max - (tree.isShowRoot() ? 0 : 1));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static double width(String s, Font font) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    @FunctionalInterface
    private interface CellText {
        String text(TableColumnBase<?, ?> column, int row);
    }

}
