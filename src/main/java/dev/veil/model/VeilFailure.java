package dev.veil.model;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Veil's one failure type: whatever could not be done as asked. The {@link Kind} is set where the
 * failure happens (the sampler knows a bad option, the workspace knows it cannot be read), so no
 * later layer guesses it from an exception's class; each face maps the kind once (CLI exit code,
 * console dialog). Anything that is not a {@code VeilFailure} is a bug in Veil. The message says
 * what happened, where and what to do, in words that name no control of any face.
 */
public class VeilFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why something failed; each kind is one exit code of DESIGN.md. */
    public enum Kind {
        /** The request itself is wrong: a bad option, path or file, an unknown table (exit 2). */
        BAD_INPUT,
        /** DynamoDB, S3, the workspace or a file could not be reached, read or written (exit 3). */
        UNAVAILABLE,
        /** The user cancelled the work before it finished; nothing was half-written (exit 3). */
        CANCELLED
    }

    private final Kind failureKind;
    private final EnumSet<Setting> settings;

    public VeilFailure(Kind kind, String message) {
        this(kind, message, null);
    }

    public VeilFailure(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, Set.of());
    }

    /** A failure whose message asks the user to change {@code settings}, for each face to say where. */
    public VeilFailure(Kind kind, String message, Throwable cause, Set<Setting> settings) {
        super(message, cause);
        this.failureKind = Objects.requireNonNull(kind, "kind");
        this.settings = EnumSet.noneOf(Setting.class);
        this.settings.addAll(settings);
    }

    /**
     * The settings the message asks to change, in the order of {@link Setting}; empty when it asks
     * for none of them.
     */
    public final Set<Setting> settings() {
        return EnumSet.copyOf(settings);
    }

    /**
     * Why it failed. Named apart from {@code kind()}, which some failures keep for their own finer
     * reason (DynamoDB's "not found" or "throttled").
     */
    public final Kind failureKind() {
        return failureKind;
    }

    /** A bad-input failure: the message says what is wrong, where, and what to write instead. */
    public static VeilFailure badInput(String message) {
        return new VeilFailure(Kind.BAD_INPUT, message);
    }
}
