package dev.veil.drift;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** How reports show file paths: relative to a base directory with {@code /} separators when beneath it. */
final class ReportPaths {

    private final Path base;

    ReportPaths(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    /** The path as people read it: {@code policies/users/v3.json}. */
    String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        return shown.toString().replace(File.separatorChar, '/');
    }

    /** The path as a URI reference: relative and percent-encoded beneath the base, a file URI otherwise. */
    String uri(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(base)) {
            return abs.toUri().toASCIIString();
        }
        String relative = display(file);
        // A colon in the first segment would read as a URI scheme.
        String safe = relative.contains(":") ? "./" + relative : relative;
        try {
            return new URI(null, null, safe, null).toASCIIString();
        } catch (URISyntaxException e) {
            return abs.toUri().toASCIIString();
        }
    }
}
