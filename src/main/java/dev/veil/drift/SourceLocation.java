package dev.veil.drift;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where in a policy file a finding points: the file and the 1-based line and column (in UTF-16
 * code units) of the key of the attribute concerned, or of its nearest ancestor the file names.
 */
public record SourceLocation(Path file, int line, int column) {
    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("lines and columns start at 1, was " + line + ":" + column);
        }
    }
}
