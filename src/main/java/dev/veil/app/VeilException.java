package dev.veil.app;

import dev.veil.model.Setting;
import dev.veil.model.VeilFailure;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link VeilFailure} a use case throws to its face: its own refusals (an unknown table, a
 * widening publish) and, through {@link Failures}, those of the packages below it, kind and message
 * unchanged. The message says what happened, where and what to do; {@link #kind()} tells a face
 * (CLI exit code, console dialog) how to present it.
 */
public class VeilException extends VeilFailure {
    private static final long serialVersionUID = 1L;

    private final Input input;

    public VeilException(Kind kind, String message) {
        this(kind, message, null);
    }

    public VeilException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, Set.of());
    }

    /** A failure whose message asks to change {@code settings}, for the face to say where. */
    public VeilException(Kind kind, String message, Throwable cause, Set<Setting> settings) {
        super(kind, message, cause, settings);
        this.input = null;
    }

    private VeilException(Input input, String message) {
        super(Kind.BAD_INPUT, message);
        this.input = input;
    }

    /** The input the failure is about, for a face to say where to change it; empty when none is. */
    public Optional<Input> input() {
        return Optional.ofNullable(input);
    }

    /** Why the use case failed (the same as {@link #failureKind()}). */
    public Kind kind() {
        return failureKind();
    }

    public static VeilException badInput(String message) {
        return new VeilException(Kind.BAD_INPUT, message);
    }

    /** Bad input in one {@link Input}: the message says what is wrong without naming any face's control. */
    public static VeilException badInput(Input input, String message) {
        return new VeilException(input, message);
    }

    public static VeilException unavailable(String message, Throwable cause) {
        return new VeilException(Kind.UNAVAILABLE, message, cause);
    }
}
