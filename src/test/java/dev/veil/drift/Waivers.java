package dev.veil.drift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes real waivers files for tests and reads them back with their lines. */
final class Waivers {

    private Waivers() {
    }

    static List<WaiverFile.Located> written(Path dir, List<Waiver> waivers) {
        Path file = WaiverFile.in(dir);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, WaiverFile.write(waivers));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return WaiverFile.read(file);
    }
}
