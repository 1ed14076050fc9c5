package dev.veil.ui.task;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Stands in for the FX thread in view-model tests: work posted to it waits until the test thread
 * runs it, so properties change only on the test thread, as they would only on the FX thread.
 */
public final class UiQueue implements Executor {
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable command) {
        queue.add(command);
    }

    /** Runs posted work until {@code condition} holds; gives up after a generous 20 s. */
    public void runUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the condition did not come true while running UI work");
            }
            try {
                Runnable r = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
                if (r != null) {
                    r.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Waits until at least {@code n} pieces of work are posted and not yet run; gives up after 20 s. */
    public void awaitPosted(int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (queue.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(n + " pieces of UI work were not posted in time");
            }
            Thread.onSpinWait();
        }
    }

    /**
     * Runs what is posted already, the latest first: as the FX thread would see work that
     * finished on its workers in the opposite order.
     */
    public void runNewestFirst() {
        java.util.List<Runnable> posted = new java.util.ArrayList<>();
        queue.drainTo(posted);
        java.util.Collections.reverse(posted);
        posted.forEach(Runnable::run);
    }

    /** Runs whatever is posted already. */
    public void runPending() {
        Runnable r;
        while ((r = queue.poll()) != null) {
            r.run();
        }
    }
}
