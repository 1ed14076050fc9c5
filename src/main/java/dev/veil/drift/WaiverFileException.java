package dev.veil.drift;

import dev.veil.model.VeilFailure;
import java.nio.file.Path;

/**
 * A {@code waivers.json} that is not acceptable: not JSON, an unknown kind, a date that is not
 * {@code YYYY-MM-DD}. The message names the file, line and column and says what to do; faces
 * treat it as bad input (exit 2).
 */
public final class WaiverFileException extends VeilFailure {
    private static final long serialVersionUID = 1L;

    private final transient SourceLocation location;
    private final String problem;

    WaiverFileException(SourceLocation location, String problem) {
        super(Kind.BAD_INPUT, location.file() + ":" + location.line() + ":" + location.column() + ": " + problem);
        this.location = location;
        this.problem = problem;
    }

    /** Where in the file the problem is. */
    public SourceLocation location() {
        return location;
    }

    /** What is wrong and what to do, without the location. */
    public String problem() {
        return problem;
    }

    static WaiverFileException at(Path file, int line, int column, String problem) {
        return new WaiverFileException(new SourceLocation(file, Math.max(1, line), Math.max(1, column)), problem);
    }
}
