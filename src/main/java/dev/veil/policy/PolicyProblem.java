package dev.veil.policy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a policy file, where it is (1-based line and column, counted in UTF-16
 * units as editors do) and what to do about it. Prints as {@code file:line:column: message — hint}.
 */
public record PolicyProblem(Path file, int line, int column, String message, String hint) {
    public PolicyProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1, were " + line + ":" + column);
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message + " — " + hint;
    }
}
