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
 * Veil's one atomic writer, for policies, exports and reports: write a temporary file beside the
 * target, flush it to disk, rename it over the target in one atomic step, then flush the
 * directory. A crash at any moment leaves the old file or the new one, never a mix; it may leave a
 * hidden {@code .NAME.HEX.tmp} file behind, which the next writer removes while it holds the
 * folder's {@link StoreLock} (so a live writer's file is never touched).
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern LEFTOVER = Pattern.compile("\\..+\\.[0-9a-f]{16}\\.tmp");

    private AtomicFiles() {
    }

    static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code target} with {@code bytes} whole, or leaves it as it was. */
    public static void write(Path target, byte[] bytes) throws IOException {
        commit(prepare(target, bytes), target);
    }

    /** Writes a flushed temporary file beside {@code target} and returns it; {@link #commit} renames it in. */
    public static Path prepare(Path target, byte[] bytes) throws IOException {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        Path tmp = target.toAbsolutePath().resolveSibling("." + target.getFileName() + "." + HexFormat.of().formatHex(id) + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    /** Renames a prepared file over its target in one step and makes the rename durable. */
    public static void commit(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /**
     * Deletes the temporary files of {@code target} that killed writers left: its own naming
     * patterns only ({@code .NAME.HEX.tmp}, and {@code .NAMEDIGITS.tmp} of earlier versions), never
     * anything else. Call only while holding the folder's lock.
     */
    public static List<Path> removeLeftoversOf(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Pattern own = Pattern.compile("\\." + Pattern.quote(target.getFileName().toString())
                + "(\\.[0-9a-f]{16}|[0-9]+)\\.tmp");
        List<Path> stale;
        try (Stream<Path> s = Files.list(dir)) {
            stale = s.filter(f -> own.matcher(f.getFileName().toString()).matches()).toList();
        }
        for (Path p : stale) {
            Files.deleteIfExists(p);
        }
        return stale;
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
