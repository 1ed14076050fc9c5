package dev.veil.ui;

import dev.veil.app.VeilSettings;
import dev.veil.ui.state.Theme;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Opens the console, visits every screen and writes a PNG of each to {@code docs/screenshots/}.
 * Run it under a real display, for example Xvfb:
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * xvfb-run -a -s "-screen 0 1440x900x24" java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.veil.ui.ScreenshotTour docs/screenshots
 * </pre>
 */
public final class ScreenshotTour {
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path workspace = Files.createTempDirectory("veil-tour");
        VeilSettings settings = new VeilSettings(Optional.empty(), Optional.empty(), Optional.empty(), workspace,
                workspace.resolve("policies"));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        ConsoleApp.Console console = onFx(() -> {
            Stage stage = new Stage();
            ConsoleApp.Console c = ConsoleApp.Console.open(stage, settings, ConsoleLauncher.opener(), () -> { });
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(WIDTH);
            stage.setHeight(HEIGHT);
            return c;
        });
        settle();
        MainViewModel vm = console.viewModel();
        for (Page page : Page.values()) {
            onFx(() -> {
                vm.pageProperty().set(page);
                return null;
            });
            settle();
            shoot(console, out.resolve(page.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".png"));
        }
        onFx(() -> {
            vm.themeProperty().set(Theme.DARK);
            vm.pageProperty().set(Page.CONNECT);
            return null;
        });
        settle();
        shoot(console, out.resolve("connect-dark.png"));
        onFx(() -> {
            console.close();
            console.stage().close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    private static void shoot(ConsoleApp.Console console, Path file) throws Exception {
        WritableImage image = onFx(() -> console.stage().getScene().snapshot(null));
        BufferedImage png = SwingFXUtils.fromFXImage(image, null);
        try {
            ImageIO.write(png, "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("could not write screenshot " + file + ": " + e.getMessage(), e);
        }
        System.err.println("wrote " + file);
    }

    /** Lets layout, CSS and background tasks catch up before a snapshot. */
    private static void settle() throws Exception {
        Thread.sleep(700);
        onFx(() -> null);
    }

    private static <T> T onFx(Supplier<T> action) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(action.get());
            } catch (RuntimeException | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
