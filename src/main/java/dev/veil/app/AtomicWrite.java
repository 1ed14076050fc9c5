package dev.veil.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a file whole or not at all: a temporary {@code .NAME.HEX.tmp} beside the target,
 * flushed to disk, then an atomic rename. A writer killed in between leaves only that temporary
 * file, which the next writer of the same target removes before it starts ({@link #write} under
 * the folder's {@link FolderLock}, so a live writer's file is never touched).
 */
final class AtomicWrite {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicWrite() {
    }

    /** Writes {@code bytes} to {@code target}, removing what killed writers of it left behind. */
    static void write(Path target, byte[] bytes) {
        Path file = target.toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            try (FolderLock lock = FolderLock.acquire(file.getParent())) {
                removeLeftovers(file);
                commit(prepare(file, bytes), file);
            }
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    /** Writes a flushed temporary file beside {@code target} and returns it; the caller commits it. */
    static Path prepare(Path target, byte[] bytes) throws IOException {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + HexFormat.of().formatHex(id) + ".tmp");
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

    /** Renames a prepared file over its target in one step. */
    static void commit(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Deletes the temporary files of {@code target} that killed writers left: its own naming
     * patterns only ({@code .NAME.HEX.tmp}, and {@code .NAMEDIGITS.tmp} of earlier versions), never
     * anything else. Call only while holding the folder's lock.
     */
    static List<Path> removeLeftovers(Path target) throws IOException {
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

    static VeilException cannotWrite(Path file, IOException e) {
        return VeilException.unavailable("cannot write " + file + ": " + e.getMessage()
                + " — check that the folder exists and is writable", e);
    }
}
