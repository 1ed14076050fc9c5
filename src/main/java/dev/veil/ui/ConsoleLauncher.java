package dev.veil.ui;

import dev.veil.work.Cancellation;
import dev.veil.app.ConsoleStartFailure;
import dev.veil.app.DemoEnvironment;
import dev.veil.work.ProgressListener;
import dev.veil.app.Veil;
import dev.veil.app.VeilSettings;
import dev.veil.ui.connect.Connection;
import dev.veil.ui.connect.ConnectionOpener;
import dev.veil.ui.connect.ConnectionRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import dev.veil.ui.state.RecentConnection;

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
     * demo at once, as {@code veil demo} does. Pass the user's settings: the demo keeps its workspace
     * in {@code <workspace>/demo} (a workspace already named {@code demo} is used as is). A missing
     * native library or display is thrown as a {@code VeilException} that says what to install.
     */
    public static void launch(VeilSettings settings, boolean demo) {
        pending = new Launch(settings, demo);
        try {
            javafx.application.Application.launch(ConsoleApp.class);
        } catch (RuntimeException | LinkageError e) {
            // A missing GTK or display is the machine's, not Veil's: say what to install (exit 3).
            Optional<dev.veil.app.VeilException> known = ConsoleStartFailure.explain(e);
            if (known.isPresent()) {
                throw known.get();
            }
            throw e;
        }
    }

    /** The launch asked for, or the environment's settings when the app was started directly. */
    static Launch pending() {
        Launch l = pending;
        return l != null ? l : new Launch(VeilSettings.resolve(VeilSettings.Options.none(), System.getenv()), false);
    }

    /**
     * How the console opens connections: through the app's use cases. Listing the tables proves
     * the connection works before the console switches to it.
     */
    public static ConnectionOpener opener() {
        return (request, base, progress, cancellation) -> {
            if (request instanceof ConnectionRequest.Demo) {
                DemoEnvironment demo = DemoEnvironment.start(progress);
                try {
                    VeilSettings s = base.forDemo(demo.endpoint());
                    return open(s, "demo · " + demo.endpoint(), Optional.empty(), Optional.of(demo), progress,
                            cancellation);
                } catch (RuntimeException e) {
                    demo.close();
                    throw e;
                }
            }
            VeilSettings s = request.applyTo(base, System.getenv());
            return open(s, label(s), request.toRecent(), Optional.empty(), progress, cancellation);
        };
    }

    private static Connection open(VeilSettings s, String label, Optional<RecentConnection> recent,
                                   Optional<DemoEnvironment> demo, ProgressListener progress, Cancellation cancel) {
        Veil veil = Veil.open(s);
        try {
            return new Connection(s, label, recent, veil, veil.tables().list(progress, cancel), demo);
        } catch (RuntimeException e) {
            veil.close();
            throw e;
        }
    }

    /** Like {@code veil demo}, the demo keeps its profiles and decisions apart from real ones. */
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
