package dev.veil.workspace;

import dev.veil.model.Setting;
import dev.veil.model.VeilFailure;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * The workspace cannot be opened, read or written. The message says what happened, where (the
 * workspace directory or shared database) and what to do; {@link #problem()} says which kind of trouble it is. The
 * command line maps every workspace exception to exit code 3.
 */
public final class WorkspaceException extends VeilFailure {
    private static final long serialVersionUID = 1L;

    /** The kinds of trouble a workspace can be in. */
    public enum Problem {
        /** The directory or database cannot be created or read, or is damaged or not a workspace. */
        UNREADABLE,
        /** Another program holds the database and does not share it. */
        IN_USE,
        /** Another Veil process kept the workspace locked for longer than Veil waits. */
        BUSY,
        /** The shared database cannot be reached, or refuses the credentials. */
        UNREACHABLE,
        /** The workspace was written by a newer Veil with a schema this one does not know. */
        NEWER_VERSION,
        /** Reading or writing failed while the workspace was open (disk full, I/O error...). */
        FAILED
    }

    private final transient WorkspaceLocation location;
    private final Problem problem;

    public WorkspaceException(Problem problem, WorkspaceLocation location, String message, Throwable cause) {
        this(problem, location, message, cause, Set.of());
    }

    /** A failure whose message asks the user to change {@code settings} (the face says where). */
    public WorkspaceException(Problem problem, WorkspaceLocation location, String message, Throwable cause,
                              Set<Setting> settings) {
        super(Kind.UNAVAILABLE, message, cause, settings);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.location = Objects.requireNonNull(location, "location");
    }

    public WorkspaceException(Problem problem, WorkspaceLocation location, String message) {
        this(problem, location, message, null);
    }

    public WorkspaceException(Problem problem, Path directory, String message, Throwable cause) {
        this(problem, WorkspaceLocation.directory(directory), message, cause);
    }

    /** A failure in {@code directory} whose message asks to choose another workspace. */
    static WorkspaceException elsewhere(Problem problem, Path directory, String message, Throwable cause) {
        return new WorkspaceException(problem, WorkspaceLocation.directory(directory), message, cause,
                Set.of(Setting.WORKSPACE));
    }

    public WorkspaceException(Problem problem, Path directory, String message) {
        this(problem, directory, message, null);
    }

    public Problem problem() {
        return problem;
    }

    /** The workspace concerned. */
    public WorkspaceLocation location() {
        return location;
    }
}
