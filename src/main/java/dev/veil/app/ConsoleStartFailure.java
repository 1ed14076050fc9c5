package dev.veil.app;

import java.util.Locale;
import java.util.Optional;

/**
 * Explains why the desktop console could not start when the reason lies on the machine, not in
 * Veil: a native library the window toolkit needs is not installed, or there is no display. Such
 * a failure is "cannot reach what it needs" (exit 3) with the package to install, never a bug.
 */
public final class ConsoleStartFailure {
    /** How to install the GTK 3 runtime on the common distributions. */
    public static final String GTK_INSTALL = "Debian/Ubuntu: sudo apt-get install libgtk-3-0 libxtst6; "
            + "Fedora/RHEL: sudo dnf install gtk3 libXtst; Arch: sudo pacman -S gtk3 libxtst; "
            + "openSUSE: sudo zypper install libgtk-3-0 libXtst6";

    private ConsoleStartFailure() {
    }

    /**
     * The failure as a message that names the missing part and how to get it, or empty when
     * {@code failure} (or a cause of it) is not a known start-up problem of the machine.
     */
    public static Optional<VeilException> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = String.valueOf(t.getMessage());
            String lower = m.toLowerCase(Locale.ROOT);
            if (lower.contains("glass gtk library") || lower.contains("libgtk") || lower.contains("libxtst")) {
                return Optional.of(VeilException.unavailable("The console cannot start: the GTK 3 runtime "
                        + "(libgtk-3.so.0 and libXtst.so.6), which its window toolkit JavaFX needs, is not installed. "
                        + "Install it and start Veil again (" + GTK_INSTALL + "). "
                        + "The command line works without it.", failure));
            }
            if (lower.contains("unable to open display")) {
                return Optional.of(VeilException.unavailable("The console cannot start: no graphical display "
                        + "could be opened (DISPLAY is " + Optional.ofNullable(System.getenv("DISPLAY"))
                        .filter(d -> !d.isBlank()).map(d -> "'" + d + "'").orElse("not set")
                        + "). Start Veil from a desktop session, or use the command line, which needs no display.",
                        failure));
            }
            if (t instanceof UnsatisfiedLinkError) {
                return Optional.of(VeilException.unavailable("The console cannot start: a native library its "
                        + "window toolkit JavaFX needs could not be loaded (" + m + "). Install the package that "
                        + "provides it and start Veil again; on Linux that is usually the GTK 3 runtime ("
                        + GTK_INSTALL + ") or the OpenGL library (Debian/Ubuntu: libgl1, Fedora: mesa-libGL). "
                        + "The command line works without it.", failure));
            }
        }
        return Optional.empty();
    }
}
