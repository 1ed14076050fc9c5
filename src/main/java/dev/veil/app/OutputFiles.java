package dev.veil.app;

import dev.veil.policy.AtomicFiles;
import dev.veil.policy.StoreLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the files the use cases produce (drift reports, waiver files) whole or not at all,
 * through the one atomic writer, under the folder's {@link StoreLock#OUTPUT} lock so the
 * temporary files killed writers left can be removed first.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /** Writes {@code bytes} to {@code target}, removing what killed writers of it left behind. */
    static void write(Path target, byte[] bytes) {
        Path file = target.toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            try (StoreLock lock = StoreLock.acquire(StoreLock.OUTPUT, file.getParent())) {
                AtomicFiles.removeLeftoversOf(file);
                AtomicFiles.write(file, bytes);
            }
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    static VeilException cannotWrite(Path file, IOException e) {
        return VeilException.unavailable("cannot write " + file + ": " + e.getMessage()
                + " — check that the folder exists and is writable", e);
    }
}
