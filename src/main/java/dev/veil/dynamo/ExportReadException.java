package dev.veil.dynamo;

import dev.veil.model.VeilFailure;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An Export-to-S3 export (a folder or an S3 prefix) could not be read. The message names the file and line (when there is
 * one) and what to do; {@link #kind()} tells the CLI whether the input was bad (exit 2) or the
 * files could not be read (exit 3).
 */
public class ExportReadException extends VeilFailure {

    /** Why reading failed. */
    public enum Kind {
        /** No export (manifest or data files) under the folder, or several exports. */
        NOT_AN_EXPORT(true),
        /** A line, a manifest or a gzip stream is broken. */
        MALFORMED(true),
        /** The export is in a format Veil does not read. */
        UNSUPPORTED(true),
        /** A file or folder exists but cannot be read. */
        UNREADABLE(false);

        private final boolean badInput;

        Kind(boolean badInput) {
            this.badInput = badInput;
        }

        public boolean isBadInput() {
            return badInput;
        }
    }

    private final Kind kind;
    private final Path file;
    private final long line;

    public ExportReadException(Kind kind, String message, Optional<Path> file, OptionalLong line, Throwable cause) {
        super(kind.isBadInput() ? VeilFailure.Kind.BAD_INPUT : VeilFailure.Kind.UNAVAILABLE, message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.file = file.orElse(null);
        this.line = line.orElse(0);
    }

    public Kind kind() {
        return kind;
    }

    /** The file concerned, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The 1-based line concerned, if any. */
    public OptionalLong line() {
        return line > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }
}
