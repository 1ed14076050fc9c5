package dev.veil.policy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Excludes concurrent publishers of one table folder, in this JVM and across processes on this
 * machine (the console and the CLI). The lock file lives in the system temp folder, keyed by the
 * folder's real path, so that nothing but policies and the changelog appears in the store; the
 * operating system releases it when a holder dies.
 */
final class StoreLock implements AutoCloseable {
    private static final ConcurrentHashMap<String, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path dir) throws IOException {
        String key = sha256(dir.toRealPath().toString());
        ReentrantLock local = LOCAL.computeIfAbsent(key, k -> new ReentrantLock());
        local.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new StoreLock(local, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw e;
        }
    }

    /** The lock when nobody holds it now; empty when another thread or process does. */
    static Optional<StoreLock> tryAcquire(Path dir) throws IOException {
        String key = sha256(dir.toRealPath().toString());
        ReentrantLock local = LOCAL.computeIfAbsent(key, k -> new ReentrantLock());
        if (!local.tryLock()) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile(key), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                local.unlock();
                return Optional.empty();
            }
            return Optional.of(new StoreLock(local, channel, lock));
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw e;
        }
    }

    private static Path lockFile(String key) throws IOException {
        Path locks = Path.of(System.getProperty("java.io.tmpdir"), "veil-locks");
        Files.createDirectories(locks);
        return locks.resolve(key + ".lock");
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            local.unlock();
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
