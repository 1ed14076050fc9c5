package dev.veil.app;

/**
 * A use case could not do what it was asked. The message says what happened, where and what
 * to do; the {@link Kind} tells a face (CLI exit code, console dialog) how to present it.
 */
public class VeilException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a use case failed. */
    public enum Kind {
        /** The request itself is wrong: a bad path, an unknown table, a malformed file. */
        BAD_INPUT,
        /** DynamoDB, the workspace or a file could not be reached or read. */
        UNAVAILABLE
    }

    private final Kind kind;

    public VeilException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public VeilException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static VeilException badInput(String message) {
        return new VeilException(Kind.BAD_INPUT, message);
    }

    public static VeilException unavailable(String message, Throwable cause) {
        return new VeilException(Kind.UNAVAILABLE, message, cause);
    }
}
