package dev.veil.ui.task;

import dev.veil.work.Progress;
import dev.veil.work.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The console's one way to run slow work. Jobs run on daemon worker threads; their progress,
 * results and errors come back through the UI executor (the FX thread in the console, a queue in
 * view-model tests). The status bar binds to {@link #currentProperty()}, {@link #progressProperty()}
 * and {@link #busyProperty()}; {@link #close()} cancels everything on shutdown.
 *
 * <p>Submit and cancel on the UI thread; every property here changes only on it.
 */
public final class BackgroundTasks implements AutoCloseable {
    private static final Progress IDLE = new Progress(0, 0, "");

    private final Executor ui;
    private final ExecutorService workers;
    private final List<TaskHandle<?>> running = new ArrayList<>();
    private final ReadOnlyObjectWrapper<Optional<TaskHandle<?>>> current = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyObjectWrapper<Progress> progress = new ReadOnlyObjectWrapper<>(IDLE);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper lastOutcome = new ReadOnlyStringWrapper("");
    private Consumer<Throwable> defaultFailureHandler = e -> { };

    /** Runs jobs on worker threads and delivers their outcome through {@code ui}. */
    public BackgroundTasks(Executor ui) {
        this.ui = Objects.requireNonNull(ui, "ui");
        this.workers = Executors.newCachedThreadPool(daemonThreads());
    }

    /** Where failures go when the submitter gives no handler of its own (the error dialog). */
    public void setDefaultFailureHandler(Consumer<Throwable> handler) {
        this.defaultFailureHandler = Objects.requireNonNull(handler, "handler");
    }

    /** Runs {@code job}; {@code onSuccess} gets its value, failures go to the default handler. */
    public <T> TaskHandle<T> submit(String title, Job<T> job, Consumer<? super T> onSuccess) {
        return submit(title, job, onSuccess, e -> defaultFailureHandler.accept(e));
    }

    /**
     * Runs {@code job}; exactly one of {@code onSuccess} and {@code onFailure} is called on the UI
     * thread, unless the task was cancelled: then neither is, whatever the job did afterwards.
     */
    public <T> TaskHandle<T> submit(String title, Job<T> job, Consumer<? super T> onSuccess,
                                    Consumer<? super Throwable> onFailure) {
        TaskHandle<T> handle = new TaskHandle<>(title);
        running.add(handle);
        updateCurrent();
        workers.execute(() -> work(handle, job, onSuccess, onFailure));
        return handle;
    }

    private <T> void work(TaskHandle<T> handle, Job<T> job, Consumer<? super T> onSuccess,
                          Consumer<? super Throwable> onFailure) {
        try {
            T value = job.run(coalescing(handle), handle.cancellation());
            ui.execute(() -> finish(handle, () -> {
                handle.setState(TaskState.SUCCEEDED);
                handle.future().complete(value);
                onSuccess.accept(value);
            }));
        } catch (Exception | Error e) {
            ui.execute(() -> finish(handle, () -> {
                handle.setState(TaskState.FAILED);
                handle.future().completeExceptionally(e);
                onFailure.accept(e);
            }));
        }
    }

    private void finish(TaskHandle<?> handle, Runnable outcome) {
        running.remove(handle);
        updateCurrent();
        if (handle.isCancelRequested()) {
            handle.setState(TaskState.CANCELLED);
            handle.future().completeExceptionally(new CancellationException(handle.title() + " was cancelled"));
            lastOutcome.set("Cancelled: " + handle.title());
        } else {
            outcome.run();
            lastOutcome.set((handle.stateProperty().get() == TaskState.SUCCEEDED ? "Done: " : "Failed: ")
                    + handle.title());
        }
    }

    /** Delivers at most one pending progress update at a time, so a chatty job cannot flood the UI. */
    private ProgressListener coalescing(TaskHandle<?> handle) {
        AtomicReference<Progress> latest = new AtomicReference<>();
        AtomicBoolean scheduled = new AtomicBoolean();
        return p -> {
            latest.set(p);
            if (scheduled.compareAndSet(false, true)) {
                ui.execute(() -> {
                    scheduled.set(false);
                    handle.setProgress(latest.get());
                    if (current.get().filter(c -> c == handle).isPresent()) {
                        progress.set(latest.get());
                    }
                });
            }
        };
    }

    private void updateCurrent() {
        Optional<TaskHandle<?>> newest = running.isEmpty() ? Optional.empty()
                : Optional.of(running.get(running.size() - 1));
        current.set(newest);
        busy.set(newest.isPresent());
        progress.set(newest.map(h -> h.progressProperty().get()).orElse(IDLE));
    }

    /** Cancels the most recently started task that is still running. */
    public void cancelCurrent() {
        current.get().ifPresent(TaskHandle::cancel);
    }

    /** Cancels every running task. */
    public void cancelAll() {
        List.copyOf(running).forEach(TaskHandle::cancel);
    }

    /** The newest running task, shown in the status bar. */
    public ReadOnlyObjectProperty<Optional<TaskHandle<?>>> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Progress of the newest running task. */
    public ReadOnlyObjectProperty<Progress> progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Done: …", "Failed: …" or "Cancelled: …" for the task that ended last. */
    public ReadOnlyStringProperty lastOutcomeProperty() {
        return lastOutcome.getReadOnlyProperty();
    }

    /** Cancels everything and gives running jobs a moment to reach a safe point. */
    @Override
    public void close() {
        cancelAll();
        workers.shutdown();
        try {
            workers.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "veil-task-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
