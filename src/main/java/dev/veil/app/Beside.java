package dev.veil.app;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Work started on a daemon thread of its own, beside the caller's, whose result the caller joins
 * when it needs it: start-up steps that wait on nothing of each other (reading a policy file,
 * building the detectors) then overlap instead of queueing on one core. What the work throws
 * reaches the joining thread as it was thrown.
 *
 * <p>Work that initialises classes must be joined before the caller touches those classes
 * itself, so that no two threads initialise the same classes at once.
 *
 * @param <T> the work's result
 */
final class Beside<T> {

    private final FutureTask<T> task;

    private Beside(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts {@code work} on a daemon thread named {@code name}: it never holds the process open. */
    static <T> Beside<T> start(String name, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return new Beside<>(task);
    }

    /** The work's result, once it is done; its runtime exception or error is rethrown unchanged. */
    T join() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while waiting for work started beside this one; "
                    + "nothing was stored");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("work started beside this one failed", cause);
        }
    }
}
