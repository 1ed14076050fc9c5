package dev.veil.ui;

import dev.veil.ui.state.WindowBounds;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Sizes the main window sensibly on first run and puts it back where it was afterwards. */
final class WindowPlacement {
    static final double MIN_WIDTH = 960;
    static final double MIN_HEIGHT = 640;

    private WindowPlacement() {
    }

    /** The remembered bounds if they still fit on a screen, else 85% of the primary screen, centred. */
    static void restore(Stage stage, Optional<WindowBounds> remembered) {
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        Optional<WindowBounds> usable = remembered.filter(WindowBounds::isUsable)
                .filter(b -> !Screen.getScreensForRectangle(b.x(), b.y(), b.width(), b.height()).isEmpty());
        if (usable.isPresent()) {
            WindowBounds b = usable.get();
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            stage.setMaximized(b.maximized());
            return;
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double w = Math.max(Math.min(screen.getWidth() * 0.85, 1440), Math.min(MIN_WIDTH, screen.getWidth()));
        double h = Math.max(Math.min(screen.getHeight() * 0.85, 900), Math.min(MIN_HEIGHT, screen.getHeight()));
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
    }

    /** Records the window's normal (not maximised) bounds and whether it is maximised. */
    static void track(Stage stage, LayoutMemory layout) {
        Runnable record = () -> {
            if (stage.isMaximized() || stage.isIconified()) {
                layout.update(s -> s.withWindow(s.window()
                        .map(b -> new WindowBounds(b.x(), b.y(), b.width(), b.height(), stage.isMaximized()))
                        .orElse(bounds(stage, stage.isMaximized()))));
            } else {
                layout.update(s -> s.withWindow(bounds(stage, false)));
            }
        };
        stage.xProperty().addListener((obs, o, n) -> record.run());
        stage.yProperty().addListener((obs, o, n) -> record.run());
        stage.widthProperty().addListener((obs, o, n) -> record.run());
        stage.heightProperty().addListener((obs, o, n) -> record.run());
        stage.maximizedProperty().addListener((obs, o, n) -> record.run());
    }

    private static WindowBounds bounds(Stage stage, boolean maximized) {
        return new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), maximized);
    }
}
