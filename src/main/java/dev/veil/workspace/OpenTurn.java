package dev.veil.workspace;

import dev.veil.workspace.WorkspaceException.Problem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The turn that Veil processes on one machine take to open or close one H2 workspace. H2 hands a
 * shared file from process to process through its lock file, and two processes doing that at the
 * same moment make each other fail ("Lock file recently modified"), as does a schema migration
 * run by two processes at once. Taking turns on an operating-system lock of
 * {@value #FILE_NAME} (which the system releases when a process dies, even by {@code kill -9})
 * makes opening, migrating and closing happen one process at a time.
 */
final class OpenTurn implements AutoCloseable {
    static final String FILE_NAME = "veil.open.lock";
    // A FileChannel lock is held per JVM, not per thread: threads of one process queue here first.
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock inProcess;
    private final FileChannel channel;
    private final FileLock lock;

    private OpenTurn(ReentrantLock inProcess, FileChannel channel, FileLock lock) {
        this.inProcess = inProcess;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the turn until {@code deadline} (a {@link System#nanoTime()}), telling {@code waiting} once it is long. */
    static OpenTurn take(Path dir, long deadline, Patience patience) {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(dir, d -> new ReentrantLock());
        try {
            if (!local.tryLock(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                throw patience.exhausted(dir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceException(Problem.BUSY, dir, "interrupted while waiting to open workspace " + dir, e);
        }
        try {
            FileChannel channel = FileChannel.open(dir.resolve(FILE_NAME), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                for (int attempt = 0; ; attempt++) {
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        return new OpenTurn(local, channel, lock);
                    }
                    patience.pause(dir, deadline, attempt);
                }
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            local.unlock();
            throw new WorkspaceException(Problem.UNREADABLE, dir, "cannot lock " + dir.resolve(FILE_NAME)
                    + " to open workspace " + dir + ": " + e + "; check that you may write " + dir, e);
        } catch (RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The system releases the lock with the channel in any case.
        } finally {
            inProcess.unlock();
        }
    }

    /** How long to wait between attempts, and when to say so. */
    static final class Patience {
        private final Duration total;
        private final Duration tellAfter;
        private final WaitListener listener;
        private final long started = System.nanoTime();
        private boolean told;

        Patience(Duration total, Duration tellAfter, WaitListener listener) {
            this.total = total;
            this.tellAfter = tellAfter;
            this.listener = listener;
        }

        long deadline() {
            return started + total.toNanos();
        }

        Duration total() {
            return total;
        }

        /** Sleeps before attempt {@code attempt + 1}: backoff with jitter; throws once the deadline passed. */
        void pause(Path dir, long deadline, int attempt) {
            long now = System.nanoTime();
            if (now >= deadline) {
                throw exhausted(dir);
            }
            if (!told && now - started >= tellAfter.toNanos()) {
                told = true;
                listener.waiting(WorkspaceLocation.directory(dir), Duration.ofNanos(now - started), total);
            }
            long cap = Math.min(500, 20L << Math.min(attempt, 5));
            long millis = ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
            try {
                Thread.sleep(Math.min(millis, Math.max(1, (deadline - now) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WorkspaceException(Problem.BUSY, dir, "interrupted while waiting to open workspace " + dir, e);
            }
        }

        WorkspaceException exhausted(Path dir) {
            return new WorkspaceException(Problem.BUSY, dir, "workspace " + dir + " stayed busy: other Veil processes "
                    + "kept opening or closing it for " + total.toSeconds() + " s; nothing was changed, try again "
                    + "when they are done", null);
        }
    }
}
