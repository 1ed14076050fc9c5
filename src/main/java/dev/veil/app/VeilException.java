package dev.veil.app;

import dev.veil.model.VeilFailure;

/**
 * The {@link VeilFailure} a use case throws to its face: its own refusals (an unknown table, a
 * widening publish) and, through {@link Failures}, those of the packages below it, kind and message
 * unchanged. The message says what happened, where and what to do; {@link #kind()} tells a face
 * (CLI exit code, console dialog) how to present it.
 */
public class VeilException extends VeilFailure {
    private static final long serialVersionUID = 1L;

    public VeilException(Kind kind, String message) {
        super(kind, message);
    }

    public VeilException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }

    /** Why the use case failed (the same as {@link #failureKind()}). */
    public Kind kind() {
        return failureKind();
    }

    public static VeilException badInput(String message) {
        return new VeilException(Kind.BAD_INPUT, message);
    }

    public static VeilException unavailable(String message, Throwable cause) {
        return new VeilException(Kind.UNAVAILABLE, message, cause);
    }
}
