package dev.veil.ui.task;

import dev.veil.work.Cancellation;
import dev.veil.work.Progress;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One submitted {@link Job}: its title, progress and state (updated on the UI thread), a way to
 * cancel it, and its result as a future for code that wants to wait.
 *
 * @param <T> what the job produces
 */
public final class TaskHandle<T> {
    private final String title;
    private final Cancellation cancellation = new Cancellation();
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final ReadOnlyObjectWrapper<Progress> progress;
    private final ReadOnlyObjectWrapper<TaskState> state = new ReadOnlyObjectWrapper<>(TaskState.RUNNING);

    TaskHandle(String title) {
        this.title = title;
        this.progress = new ReadOnlyObjectWrapper<>(new Progress(0, 0, title));
    }

    public String title() {
        return title;
    }

    /**
     * Asks the job to stop at its next safe point. The worker thread is not interrupted: an
     * interrupt would close the workspace database's file channel under it.
     */
    public void cancel() {
        cancellation.cancel();
    }

    public boolean isCancelRequested() {
        return cancellation.isRequested();
    }

    /** Completes with the job's value, exceptionally with its error, or cancelled. */
    public CompletableFuture<T> result() {
        return result;
    }

    public ReadOnlyObjectProperty<Progress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TaskState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    Cancellation cancellation() {
        return cancellation;
    }

    void setProgress(Progress p) {
        if (!state.get().isDone()) {
            progress.set(p);
        }
    }

    void setState(TaskState s) {
        state.set(s);
    }

    CompletableFuture<T> future() {
        return result;
    }
}
