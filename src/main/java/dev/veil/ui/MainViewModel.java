package dev.veil.ui;

import dev.veil.app.VeilSettings;
import dev.veil.ui.connect.AwsConfigFiles;
import dev.veil.ui.connect.ConnectViewModel;
import dev.veil.ui.connect.Connection;
import dev.veil.ui.connect.ConnectionOpener;
import dev.veil.ui.connect.ConnectionRequest;
import dev.veil.ui.state.ConsoleState;
import dev.veil.ui.state.Theme;
import dev.veil.ui.task.BackgroundTasks;
import dev.veil.ui.task.TaskHandle;
import dev.veil.ui.audit.AuditLogViewModel;
import dev.veil.ui.drift.DriftViewModel;
import dev.veil.ui.export.ExportViewModel;
import dev.veil.ui.publish.PublishViewModel;
import dev.veil.ui.review.ReviewViewModel;
import dev.veil.ui.tables.TablesViewModel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The main window's state: which page is shown, the theme, the open connection and the
 * background tasks. Owns the page view models.
 */
public final class MainViewModel {
    private final VeilSettings base;
    private final BackgroundTasks tasks;
    private final ConnectionOpener opener;
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.CONNECT);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final Session session;
    private final ConnectViewModel connect;
    private final TablesViewModel tables;
    private final ReviewViewModel review;
    private final PublishViewModel publish;
    private final ExportViewModel export;
    private final DriftViewModel drift;
    private final AuditLogViewModel audit;

    public MainViewModel(VeilSettings base, ConsoleState state, BackgroundTasks tasks, AwsConfigFiles awsFiles,
                         ConnectionOpener opener) {
        this.base = Objects.requireNonNull(base, "base");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.theme.set(state.theme());
        this.session = new Session(tasks);
        this.tables = new TablesViewModel(session);
        this.review = new ReviewViewModel(session);
        this.publish = new PublishViewModel(session);
        this.export = new ExportViewModel(session);
        this.drift = new DriftViewModel(session);
        this.audit = new AuditLogViewModel(session);
        page.addListener((obs, o, n) -> {
            if (n == Page.PUBLISH) {
                publish.load();
            } else if (n == Page.AUDIT_LOG) {
                audit.load();
            }
        });
        this.connect = new ConnectViewModel(tasks, awsFiles, state.recentConnections(), base.region(),
                this::connect);
        connect.showDefaults(base);
    }

    /** Opens the connection in the background; on success remembers it and shows the tables. */
    public void connect(ConnectionRequest request) {
        connect.connectingProperty().set(true);
        String title = request instanceof ConnectionRequest.Demo ? "Starting the demo" : "Connecting";
        TaskHandle<Connection> handle = tasks.submit(title,
                (progress, cancel) -> opener.open(request, base, progress, cancel), this::connected);
        handle.stateProperty().addListener((obs, old, now) -> connect.connectingProperty().set(!now.isDone()));
    }

    private void connected(Connection c) {
        Optional<Connection> old = session.connectionProperty().get();
        session.connectTo(Optional.of(c));
        old.ifPresent(o -> tasks.submit("Closing the previous connection", (p, x) -> {
            o.close();
            return o;
        }, x -> { }));
        if (c.tables().stream().noneMatch(t -> t.name().equals(session.tableProperty().get()))) {
            session.tableProperty().set(c.tables().isEmpty() ? "" : c.tables().get(0).name());
        }
        c.remembered().ifPresent(connect::remember);
        page.set(Page.TABLES);
    }

    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    /** {@code state} updated with what this view model remembers: theme, page, recent connections. */
    public ConsoleState remember(ConsoleState state) {
        ConsoleState s = state.withTheme(theme.get()).withLastPage(page.get().name());
        for (int i = connect.recent().size() - 1; i >= 0; i--) {
            s = s.withRecent(connect.recent().get(i));
        }
        return s;
    }

    /** Shows the page remembered from the last run, if it still exists. */
    public void restorePage(ConsoleState state) {
        Page.byName(state.lastPage()).ifPresent(page::set);
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public ReadOnlyObjectProperty<Optional<Connection>> connectionProperty() {
        return session.connectionProperty();
    }

    /** Closes the open connection (and the demo's local DynamoDB); for shutdown, after the tasks. */
    public void closeConnection() {
        session.connectionProperty().get().ifPresent(Connection::close);
        session.connectTo(Optional.empty());
    }

    public Session session() {
        return session;
    }

    public TablesViewModel tablesViewModel() {
        return tables;
    }

    public ReviewViewModel reviewViewModel() {
        return review;
    }

    public PublishViewModel publishViewModel() {
        return publish;
    }

    public ExportViewModel exportViewModel() {
        return export;
    }

    public DriftViewModel driftViewModel() {
        return drift;
    }

    public AuditLogViewModel auditLogViewModel() {
        return audit;
    }

    /** "Not connected" or the connection's label. */
    public StringBinding connectionLabel() {
        return Bindings.createStringBinding(
                () -> session.connectionProperty().get().map(Connection::label).orElse("Not connected"),
                session.connectionProperty());
    }

    /**
     * Where the console works: the workspace and the policy store of the open connection (else
     * of the start-up settings), saying so when the store is the folder Veil was started from.
     */
    public StringBinding whereLabel() {
        return Bindings.createStringBinding(() -> {
            VeilSettings s = session.connectionProperty().get().map(Connection::settings).orElse(base);
            boolean startFolder = s.policies().equals(Path.of("policies").toAbsolutePath().normalize());
            return "Workspace " + s.workspace() + " · Policies " + s.policies()
                    + (startFolder ? " (in the folder Veil was started from)" : "");
        }, session.connectionProperty());
    }

    public ConnectViewModel connectViewModel() {
        return connect;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public VeilSettings baseSettings() {
        return base;
    }
}
