package dev.veil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.demo.DemoData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import dev.veil.ui.state.Theme;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every page of the console at 1280×800 with the demo's data in it (sampled, reviewed, published,
 * exported, audited): no column header, cell, button or label shows a text cut short with "…"; then
 * every page at 1280×800, 1600×1000 and 2560×1440 in both themes: nothing cut short, no cell graphic
 * (badges, wrapped text) past its cell's edges, no table that needs a horizontal scroll bar.
 */
class PageLayoutTest extends ConsoleTestCase {

    @Override
    protected void place(Stage stage) {
        at1280By800(stage);
    }

    @Test
    void noPageCutsATextShortAt1280By800(FxRobot robot) throws Exception {
        List<String> cut = new ArrayList<>();
        cut.addAll(truncatedOn(robot, Page.CONNECT));
        connect();
        sample(DemoData.USERS, 500);
        cut.addAll(truncatedOn(robot, Page.TABLES));
        robot.interact(() -> {
            vm().pageProperty().set(Page.REVIEW);
            vm().reviewViewModel().minConfidenceProperty().set(0.0);
            vm().reviewViewModel().acceptSuggestions();
        });
        idle();
        cut.addAll(truncatedOn(robot, Page.REVIEW));
        robot.interact(() -> vm().pageProperty().set(Page.PUBLISH));
        waitUntil(() -> vm().publishViewModel().previewProperty().get().isPresent());
        idle();
        cut.addAll(truncatedOn(robot, Page.PUBLISH));
        robot.interact(() -> vm().publishViewModel().publish());
        waitUntil(() -> !vm().publishViewModel().history().isEmpty());
        idle();
        cut.addAll(truncatedOn(robot, Page.PUBLISH));
        Path repo = Files.createDirectories(dir.resolve("service-repo"));
        robot.interact(() -> {
            vm().pageProperty().set(Page.EXPORT);
            vm().exportViewModel().folderProperty().set(repo.toString());
            vm().exportViewModel().preview();
        });
        waitUntil(() -> !vm().exportViewModel().files().isEmpty());
        idle();
        cut.addAll(truncatedOn(robot, Page.EXPORT));
        robot.interact(() -> {
            vm().pageProperty().set(Page.DRIFT);
            vm().driftViewModel().allTablesProperty().set(true);
            vm().driftViewModel().run();
        });
        waitUntil(() -> vm().driftViewModel().reportProperty().get().isPresent());
        idle();
        cut.addAll(truncatedOn(robot, Page.DRIFT));
        cut.addAll(truncatedOn(robot, Page.AUDIT_LOG));
        cut.addAll(truncatedOn(robot, Page.TABLES));
        assertThat(cut).as("texts cut short at 1280×800").isEmpty();
        List<String> clipped = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            for (int[] size : SIZES) {
                robot.interact(() -> {
                    vm().themeProperty().set(theme);
                    console.stage().setWidth(size[0]);
                    console.stage().setHeight(size[1]);
                });
                for (Page page : Page.values()) {
                    clipped.addAll(clippedOn(robot, page, size[0] + "×" + size[1] + " " + theme));
                }
            }
        }
        assertThat(clipped).as("texts cut short, cell graphics clipped or tables scrolling sideways").isEmpty();
    }

    /** The window sizes every page is checked at. */
    private static final int[][] SIZES = {{1280, 800}, {1600, 1000}, {2560, 1440}};

    /**
     * Shows {@code page} and lists its shortened texts, every table or tree that needs a horizontal
     * scroll bar, and every cell whose graphic (badges, wrapped text) reaches past the cell's edges.
     */
    private List<String> clippedOn(FxRobot robot, Page page, String where) throws Exception {
        List<String> out = new ArrayList<>(truncatedOn(robot, page));
        out.replaceAll(s -> where + " " + s);
        robot.interact(() -> collectClipped(console.stage().getScene().getRoot(), where + " " + page, out));
        return out;
    }

    private static void collectClipped(Node node, String where, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof TableView<?> || node instanceof TreeTableView<?>) {
            node.lookupAll(".scroll-bar").stream().filter(ScrollBar.class::isInstance).map(ScrollBar.class::cast)
                    .filter(b -> b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()
                            && b.getParent() != null && isOwnScrollBar(node, b))
                    .findAny().ifPresent(b -> out.add(where + ": " + node.getId() + " scrolls sideways"));
            // Under a constrained resize policy the table shows no scroll bar: its columns are cut off instead.
            node.lookupAll(".clipped-container").stream().filter(v -> isOwn(node, v))
                    .filter(v -> v.getLayoutBounds().getWidth() > 0).findFirst().ifPresent(view -> {
                double columns = leafColumns(node).stream().filter(TableColumnBase::isVisible)
                        .mapToDouble(TableColumnBase::getWidth).sum();
                if (columns > view.getLayoutBounds().getWidth() + 1) {
                    out.add(where + ": the columns of " + node.getId() + " need " + Math.round(columns)
                            + " px, it shows " + Math.round(view.getLayoutBounds().getWidth()) + " ("
                            + leafColumns(node).stream().filter(TableColumnBase::isVisible)
                            .map(c -> c.getText() + " " + Math.round(c.getWidth())).toList() + ")");
                }
            });
        }
        if (node instanceof IndexedCell<?> cell && !cell.isEmpty() && cell.getGraphic() != null
                && cell.getGraphic().isVisible() && cell.getWidth() > 0) {
            Bounds g = cell.sceneToLocal(cell.getGraphic().localToScene(cell.getGraphic().getBoundsInLocal()));
            if (g.getMinX() < -1 || g.getMaxX() > cell.getWidth() + 1 || g.getMinY() < -1
                    || g.getMaxY() > cell.getHeight() + 1) {
                out.add(where + ": " + cell.getClass().getSimpleName() + " of " + cell.getItem() + " draws its "
                        + cell.getGraphic().getClass().getSimpleName() + " at " + Math.round(g.getMinX()) + ".."
                        + Math.round(g.getMaxX()) + " × " + Math.round(g.getMinY()) + ".." + Math.round(g.getMaxY())
                        + " in a cell of " + Math.round(cell.getWidth()) + " × " + Math.round(cell.getHeight()));
            }
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectClipped(c, where, out));
        }
    }

    private static List<? extends TableColumnBase<?, ?>> leafColumns(Node table) {
        return table instanceof TableView<?> t ? t.getVisibleLeafColumns()
                : ((TreeTableView<?>) table).getVisibleLeafColumns();
    }

    // A table's own scroll bars, not those of a scroll pane or table inside one of its cells.
    private static boolean isOwnScrollBar(Node table, ScrollBar bar) {
        return isOwn(table, bar);
    }

    private static boolean isOwn(Node table, Node part) {
        Node n = part.getParent();
        while (n != null && n != table) {
            if (n instanceof TableView<?> || n instanceof TreeTableView<?>) {
                return false;
            }
            n = n.getParent();
        }
        return n == table;
    }

    /** Shows {@code page} and lists every visible text on it drawn shorter than it is. */
    private List<String> truncatedOn(FxRobot robot, Page page) throws Exception {
        robot.interact(() -> vm().pageProperty().set(page));
        idle();
        WaitForAsyncUtils.waitForFxEvents();
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            console.stage().getScene().getRoot().applyCss();
            console.stage().getScene().getRoot().layout();
            collect(console.stage().getScene().getRoot(), page, out);
        });
        return out;
    }

    private static void collect(Node node, Page page, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()
                && l.getContentDisplay() != javafx.scene.control.ContentDisplay.GRAPHIC_ONLY) {
            shownText(l).filter(shown -> !shown.equals(l.getText()) && !shown.equals(l.getText().replace("_", "")))
                    .ifPresent(shown -> out.add(page + ": " + l.getClass().getSimpleName() + " \"" + l.getText()
                            + "\" shows \"" + shown + "\" (width " + Math.round(l.getWidth()) + ")"));
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, page, out));
        }
    }

    /** The text the skin actually draws for {@code l}. */
    private static Optional<String> shownText(Labeled l) {
        // The skin's own text node; an icon in the graphic is a Text too, but not this one.
        return l.getChildrenUnmodifiable().stream().filter(Text.class::isInstance)
                .filter(t -> t.getClass().getSimpleName().equals("LabeledText")).map(Text.class::cast)
                .map(Text::getText).findFirst();
    }
}
