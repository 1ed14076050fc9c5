package dev.veil.cli;

import dev.veil.work.Progress;
import dev.veil.work.ProgressListener;

/** Prints progress to stderr at most about once a second, so logs of CI runs stay short. */
final class ProgressPrinter implements ProgressListener {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final BaseCommand command;
    private long lastPrinted = System.nanoTime();

    ProgressPrinter(BaseCommand command) {
        this.command = command;
    }

    @Override
    public synchronized void onProgress(Progress progress) {
        long now = System.nanoTime();
        if (now - lastPrinted >= INTERVAL_NANOS) {
            lastPrinted = now;
            command.progress("… " + progress.message());
        }
    }
}
