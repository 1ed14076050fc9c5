package dev.veil.ui;

import dev.veil.app.VeilException;
import dev.veil.app.VeilSettings;
import dev.veil.ui.connect.Connection;
import dev.veil.ui.connect.ConnectionOpener;
import dev.veil.ui.connect.ConnectionRequest;
import java.util.Map;
import java.util.Objects;

/**
 * Starts the console. It does not extend {@code Application}, so the shaded jar can start it from
 * the class path (JavaFX refuses a main class that extends {@code Application} there).
 */
public final class ConsoleLauncher {
    private static volatile Launch pending;

    private ConsoleLauncher() {
    }

    /** What the next {@link ConsoleApp} starts with. */
    record Launch(VeilSettings settings, boolean demo) {
        Launch {
            Objects.requireNonNull(settings, "settings");
        }
    }

    /**
     * Opens the console and returns when its window closes. With {@code demo} it starts the local
     * demo at once, as {@code veil demo} does.
     */
    public static void launch(VeilSettings settings, boolean demo) {
        pending = new Launch(settings, demo);
        javafx.application.Application.launch(ConsoleApp.class);
    }

    /** The launch asked for, or the environment's settings when the app was started directly. */
    static Launch pending() {
        Launch l = pending;
        return l != null ? l : new Launch(VeilSettings.resolve(VeilSettings.Options.none(), System.getenv()), false);
    }

    /** How the console opens connections: through the app layer's use cases. */
    static ConnectionOpener opener() {
        return (request, base, progress, cancellation) -> {
            if (request instanceof ConnectionRequest.Demo) {
                throw VeilException.unavailable("the demo cannot start from this build: the local DynamoDB "
                        + "launcher is not wired into the console yet; run 'veil demo' from a full build", null);
            }
            VeilSettings s = request.applyTo(base);
            return new Connection(s, label(s), request.toRecent());
        };
    }

    static String label(VeilSettings s) {
        String where = s.endpoint().map(Object::toString)
                .orElseGet(() -> "AWS" + s.profile().map(p -> " profile " + p).orElse(""));
        return s.region().map(r -> where + " · " + r).orElse(where);
    }

    /** Opens the console with the settings of the environment; for running from an IDE. */
    public static void main(String[] args) {
        launch(VeilSettings.resolve(VeilSettings.Options.none(), Map.copyOf(System.getenv())), false);
    }
}
