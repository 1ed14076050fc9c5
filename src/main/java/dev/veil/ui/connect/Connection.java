package dev.veil.ui.connect;

import dev.veil.app.DemoEnvironment;
import dev.veil.app.TableOverview;
import dev.veil.app.Veil;
import dev.veil.app.VeilSettings;
import dev.veil.ui.state.RecentConnection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An open connection: the app's use cases over its settings, the tables found when connecting, a
 * label for the status bar, what to remember in the recent list (nothing for the demo, whose port
 * changes every run), and the demo's local DynamoDB when this is the demo. Closing it closes both.
 */
public record Connection(VeilSettings settings, String label, Optional<RecentConnection> remembered, Veil veil,
                         List<TableOverview> tables, Optional<DemoEnvironment> demo) implements AutoCloseable {
    public Connection {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(remembered, "remembered");
        Objects.requireNonNull(veil, "veil");
        tables = List.copyOf(tables);
        Objects.requireNonNull(demo, "demo");
    }

    @Override
    public void close() {
        try {
            veil.close();
        } finally {
            demo.ifPresent(DemoEnvironment::close);
        }
    }
}
