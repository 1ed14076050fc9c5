package dev.veil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.demo.DemoData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every page of the console at 1280×800 with the demo's data in it (sampled, reviewed, published,
 * exported, audited): no column header, cell, button or label shows a text cut short with "…".
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
