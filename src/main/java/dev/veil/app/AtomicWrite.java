package dev.veil.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file whole or not at all: a temporary file beside the target, then an atomic rename. */
final class AtomicWrite {

    private AtomicWrite() {
    }

    static void write(Path target, byte[] bytes) {
        Path file = target.toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw VeilException.unavailable("cannot write " + file + ": " + e.getMessage()
                    + " — check that the folder exists and is writable", e);
        }
    }
}
