package dev.veil.app;

import dev.veil.model.VeilFailure;
import dev.veil.work.Cancellation;

/** A use case stopped because its {@link Cancellation} was requested; nothing was half-written. */
public final class CancelledException extends VeilFailure {
    private static final long serialVersionUID = 1L;

    public CancelledException(String message) {
        super(Kind.CANCELLED, message);
    }
}
