package dev.veil.cli;

import dev.veil.app.VeilException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes report files whole or not at all: a temporary file beside the target, then a rename. */
final class AtomicFiles {

    private AtomicFiles() {
    }

    static void write(Path file, String text) {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw VeilException.unavailable("cannot write " + target + ": " + e.getMessage()
                    + " — check that the folder exists and is writable", e);
        }
    }
}
