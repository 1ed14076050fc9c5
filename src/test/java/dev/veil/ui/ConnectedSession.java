package dev.veil.ui;

import dev.veil.app.SampleOptions;
import dev.veil.app.Veil;
import dev.veil.app.VeilSettings;
import dev.veil.demo.LocalDynamo;
import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.ui.connect.Connection;
import dev.veil.ui.connect.ConnectionRequest;
import dev.veil.ui.event.ConsoleEvent;
import dev.veil.ui.task.BackgroundTasks;
import dev.veil.ui.task.UiQueue;
import dev.veil.work.Cancellation;
import dev.veil.work.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For view-model tests without a window: a {@link Session} connected, as the console connects, to
 * the local DynamoDB with a fresh H2 workspace ({@code dir/ws}) and policy store
 * ({@code dir/policies}); the UI thread is a {@link UiQueue} the test runs. Set the scene through
 * the real use cases ({@link #veil()}), then drive the view model under test.
 */
public final class ConnectedSession implements AutoCloseable {
    private final UiQueue ui = new UiQueue();
    private final BackgroundTasks tasks = new BackgroundTasks(ui);
    private final Session session = new Session(tasks);
    private final List<Throwable> failures = new ArrayList<>();
    private final List<ConsoleEvent> events = new ArrayList<>();
    private final Connection connection;
    private final Path dir;

    private ConnectedSession(Connection connection, Path dir) {
        this.connection = connection;
        this.dir = dir;
        tasks.setDefaultFailureHandler(failures::add);
        session.events().on(ConsoleEvent.class, events::add);
    }

    /** Opens the connection; the session is connected once a view model exists ({@link #connect()}). */
    public static ConnectedSession over(LocalDynamo local, Path dir) throws Exception {
        VeilSettings settings = new VeilSettings(Optional.empty(), Optional.of("us-east-1"), Optional.empty(),
                dir.resolve("ws"), dir.resolve("policies"));
        ConnectionRequest request = new ConnectionRequest.Endpoint(local.endpoint(), Optional.of("us-east-1"));
        return new ConnectedSession(ConsoleLauncher.opener().open(request, settings, ProgressListener.NONE,
                Cancellation.none()), dir);
    }

    /** The folder holding the workspace ({@code ws}) and the policy store ({@code policies}). */
    public Path dir() {
        return dir;
    }

    /** Switches the session to the connection, as connecting in the console does, and runs what follows. */
    public void connect() {
        session.connectTo(Optional.of(connection));
        idle();
    }

    public Session session() {
        return session;
    }

    /** The connection's use cases, for setting the scene. */
    public Veil veil() {
        return connection.veil();
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    /** Makes {@code table} the one the pages work on and runs what that starts. */
    public void choose(String table) {
        session.tableProperty().set(table);
        idle();
    }

    /** Samples {@code items} of {@code table} into the workspace, on this thread. */
    public void sample(String table, int items) {
        veil().sampling().sample(SampleOptions.of(table, items), ProgressListener.NONE, Cancellation.none());
    }

    /** Records a decision, on this thread, as a reviewer on another machine would. */
    public void tag(String table, String path, Classification c, String note) {
        veil().reviewing().tag(table, List.of(AttributePath.of(path)), c, "ana", note);
    }

    /** Runs UI work until no background task is left. */
    public void idle() {
        ui.runUntil(() -> !tasks.busyProperty().get());
    }

    /** Every event published so far, in order. */
    public List<ConsoleEvent> events() {
        return events;
    }

    /** Failures that went to the console's error dialog. */
    public List<Throwable> failures() {
        return failures;
    }

    @Override
    public void close() {
        tasks.close();
        connection.close();
    }
}
