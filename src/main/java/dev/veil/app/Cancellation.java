package dev.veil.app;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag a face sets to ask a running use case to stop at its next safe point. */
public final class Cancellation {
    private final AtomicBoolean requested = new AtomicBoolean();

    /** A token that is never cancelled. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        requested.set(true);
    }

    public boolean isRequested() {
        return requested.get();
    }
}
