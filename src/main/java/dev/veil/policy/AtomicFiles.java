package dev.veil.policy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Crash-safe file replacement: write a temporary file beside the target, flush it to disk,
 * rename it over the target in one atomic step, then flush the directory. A crash at any
 * moment leaves the old file or the new one, never a mix; it may leave a hidden
 * {@code .NAME.HEX.tmp} file behind, which {@link #removeLeftovers} clears.
 */
final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern LEFTOVER = Pattern.compile("\\..+\\.[0-9a-f]{16}\\.tmp");

    private AtomicFiles() {
    }

    static void write(Path target, String text) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        Path tmp = dir.resolve("." + target.getFileName() + "." + HexFormat.of().formatHex(id) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(dir);
    }

    /** Makes the rename itself durable; some systems (Windows) cannot open a directory, and need not. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Best effort: the rename is still atomic, only its durability across power loss is weaker.
        }
    }

    /** Deletes temporary files a crashed writer left in {@code dir}. Call only while holding the store lock. */
    static void removeLeftovers(Path dir) throws IOException {
        for (Path p : temporaryFiles(dir)) {
            Files.deleteIfExists(p);
        }
    }

    /**
     * The temporary files in {@code dir} that no writer is using: none while another publisher of
     * the folder holds its lock, all of them otherwise.
     */
    static List<Path> leftovers(Path dir) {
        try {
            List<Path> found = temporaryFiles(dir);
            if (found.isEmpty()) {
                return found;
            }
            Optional<StoreLock> lock = StoreLock.tryAcquire(dir);
            if (lock.isEmpty()) {
                return List.of();
            }
            try (StoreLock held = lock.get()) {
                return temporaryFiles(dir);
            }
        } catch (IOException e) {
            throw PolicyStoreException.reading(dir, e);
        }
    }

    private static List<Path> temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> LEFTOVER.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
    }
}
