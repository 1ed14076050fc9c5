package dev.veil.app;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Excludes other Veil writers of one output folder (exports, reports), in this JVM and across
 * processes. Whoever holds it knows that every temporary file of Veil's in the folder is a
 * leftover of a writer that died, and may remove it. The lock file lives in the system temp
 * folder, so nothing but the output appears in the folder; the system releases it when its
 * holder dies.
 */
final class FolderLock implements AutoCloseable {
    private static final ConcurrentHashMap<String, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for and takes the lock of {@code dir}, which must exist. */
    static FolderLock acquire(Path dir) throws IOException {
        String key = sha256("out:" + dir.toRealPath());
        ReentrantLock local = LOCAL.computeIfAbsent(key, k -> new ReentrantLock());
        local.lock();
        FileChannel channel = null;
        try {
            Path locks = Path.of(System.getProperty("java.io.tmpdir"), "veil-locks");
            Files.createDirectories(locks);
            channel = FileChannel.open(locks.resolve(key + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            return new FolderLock(local, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw e;
        }
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
