package dev.veil.cli;

import dev.veil.app.VeilSettings;
import dev.veil.ui.ConsoleLauncher;
import java.awt.GraphicsEnvironment;

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

    /** Opens the console and returns when its window closes. */
    static void open(VeilSettings settings, boolean demo) {
        ConsoleLauncher.launch(settings, demo);
    }
}
