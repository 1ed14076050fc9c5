package dev.veil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The colours Veil's stylesheet gives badges and classifications, resolved by JavaFX's CSS engine
 * in each theme, reach WCAG AA contrast (4.5:1 for their small text) against what they are drawn on.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeContrastTest {
    private static final double AA_TEXT = 4.5;
    private static final List<String> BADGES = List.of(Styles.BADGE_ACCENT, Styles.BADGE_SUCCESS,
            Styles.BADGE_WARNING, Styles.BADGE_DANGER);
    private static final List<String> CLASSES = List.of(Styles.CLASS_PUBLIC, Styles.CLASS_OWNER_ONLY,
            Styles.CLASS_SECRET);

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void badgesAndClassColoursReachAaInTheLightTheme(FxRobot robot) {
        assertThat(lowContrast(robot, new PrimerLight())).isEmpty();
    }

    @Test
    void badgesAndClassColoursReachAaInTheDarkTheme(FxRobot robot) {
        assertThat(lowContrast(robot, new PrimerDark())).isEmpty();
    }

    /** Each badge and class colour whose contrast is below AA, with its ratio. */
    private List<String> lowContrast(FxRobot robot, Theme theme) {
        AtomicReference<List<String>> out = new AtomicReference<>();
        robot.interact(() -> {
            Application.setUserAgentStylesheet(theme.getUserAgentStylesheet());
            VBox page = new VBox();
            page.getStyleClass().addAll(Styles.ROOT, Styles.PAGE);
            page.setStyle("-fx-background-color: -color-bg-default;");
            List<Label> badges = new ArrayList<>();
            for (String style : BADGES) {
                Label l = new Label("3 unreviewed");
                l.getStyleClass().addAll(Styles.BADGE, style);
                badges.add(l);
            }
            List<Label> classes = new ArrayList<>();
            for (String style : CLASSES) {
                Label l = new Label("owner-only 80%");
                l.getStyleClass().add(style);
                classes.add(l);
            }
            page.getChildren().addAll(badges);
            page.getChildren().addAll(classes);
            Scene scene = new Scene(page, 400, 300);
            scene.getStylesheets().add(ConsoleApp.class.getResource(Styles.STYLESHEET).toExternalForm());
            stage.setScene(scene);
            page.applyCss();
            Color base = solid(page.getBackground());
            List<String> low = new ArrayList<>();
            for (Label l : badges) {
                check(theme, l, over(solid(l.getBackground()), base), low);
            }
            for (Label l : classes) {
                check(theme, l, base, low);
            }
            out.set(low);
        });
        return out.get();
    }

    private static void check(Theme theme, Label l, Color background, List<String> low) {
        Color fg = over((Color) l.getTextFill(), background);
        double ratio = contrast(fg, background);
        if (ratio < AA_TEXT) {
            low.add(String.format("%s %s: %.2f:1 (%s on %s)", theme.getName(), l.getStyleClass(), ratio, fg,
                    background));
        }
    }

    private static Color solid(Background b) {
        if (b == null || b.getFills().isEmpty()) {
            return Color.TRANSPARENT;
        }
        Paint p = b.getFills().get(b.getFills().size() - 1).getFill();
        return p instanceof Color c ? c : Color.TRANSPARENT;
    }

    /** {@code top} drawn with its alpha over an opaque {@code bottom}. */
    private static Color over(Color top, Color bottom) {
        double a = top.getOpacity();
        return new Color(top.getRed() * a + bottom.getRed() * (1 - a), top.getGreen() * a + bottom.getGreen() * (1 - a),
                top.getBlue() * a + bottom.getBlue() * (1 - a), 1);
    }

    /** WCAG 2.1 contrast ratio. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
