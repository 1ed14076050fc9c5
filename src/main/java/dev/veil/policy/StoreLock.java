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
 * Veil's one folder lock: excludes concurrent writers of one folder, in this JVM and across
 * processes on this machine (the console and the CLI), keyed by a namespace and the folder's real
 * path: {@link #POLICIES} for the publishers of a table folder, {@link #OUTPUT} for writers of an
 * export or report folder. Whoever holds it knows that every temporary file of Veil's there is a
 * leftover of a writer that died. The lock file lives in the system temp folder, so nothing but
 * the folder's own files appears in it; the operating system releases it when a holder dies.
 */
public final class StoreLock implements AutoCloseable {
    /** The publishers of one table folder of a policy store. */
    public static final String POLICIES = "";
    /** The writers of one output folder: exports, drift reports, waiver files. */
    public static final String OUTPUT = "out";

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
        return acquire(POLICIES, dir);
    }

    /** Waits for and takes the lock of {@code dir} (which must exist) in {@code namespace}. */
    public static StoreLock acquire(String namespace, Path dir) throws IOException {
        String key = key(namespace, dir);
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
        String key = key(POLICIES, dir);
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

    private static String key(String namespace, Path dir) throws IOException {
        String real = dir.toRealPath().toString();
        return sha256(namespace.isEmpty() ? real : namespace + ":" + real);
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
