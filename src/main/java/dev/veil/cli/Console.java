package dev.veil.cli;

import dev.veil.app.VeilException;
import dev.veil.app.VeilSettings;
import dev.veil.ui.ConsoleLauncher;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Opens the JavaFX console from the command line, when there is a display to open it on. */
final class Console {

    private Console() {
    }

    /** True when a window can be shown (a display on Linux, always on macOS and Windows). */
    static boolean available() {
        if (GraphicsEnvironment.isHeadless()) {
            return false;
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux") || os.contains("bsd")) {
            String display = System.getenv("DISPLAY");
            String wayland = System.getenv("WAYLAND_DISPLAY");
            return (display != null && !display.isBlank()) || (wayland != null && !wayland.isBlank());
        }
        return true;
    }

    /** True when {@link #open} opens the window in this JVM rather than in a second one. */
    static boolean opensHere() {
        return JavaFxModules.folderToRestartWith().isEmpty();
    }

    /**
     * Opens the console and returns its exit code when its window closes. When JavaFX is on the class
     * path here, the command line {@code args} runs again in a JVM that has JavaFX as modules.
     */
    static int open(VeilSettings settings, boolean demo, List<String> args) throws InterruptedException {
        Optional<Path> javafx = JavaFxModules.folderToRestartWith();
        if (javafx.isPresent()) {
            try {
                return JavaFxModules.restart(javafx.get(), args);
            } catch (IOException e) {
                throw VeilException.unavailable("Cannot start Java again to open the console with JavaFX from "
                        + javafx.get() + ": " + e.getMessage() + ". Check that the Java that runs Veil is still installed.", e);
            }
        }
        ConsoleLauncher.launch(settings, demo);
        return ExitCodes.OK;
    }
}
