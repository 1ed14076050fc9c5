package dev.veil.ui.connect;

import dev.veil.app.VeilSettings;
import dev.veil.ui.state.RecentConnection;
import java.util.Objects;
import java.util.Optional;

/**
 * An open connection: the settings every use case runs with, a label for the status bar, and
 * what to remember in the recent list (empty for the demo, whose port changes every run).
 */
public record Connection(VeilSettings settings, String label, Optional<RecentConnection> remembered) {
    public Connection {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(remembered, "remembered");
    }
}
