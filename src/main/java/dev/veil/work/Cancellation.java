package dev.veil.work;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A flag a caller sets to ask running work to stop at its next safe point. The one way to stop
 * work in Veil: a face cancels a use case with it, and a use case stops the sampler with it.
 * A token {@link #linkedTo linked} to another is requested when either is, so work can be
 * stopped for its own reasons (a stable profile) without cancelling what the caller holds.
 */
public final class Cancellation {
    private final AtomicBoolean requested = new AtomicBoolean();
    private final Optional<Cancellation> parent;

    public Cancellation() {
        this(Optional.empty());
    }

    private Cancellation(Optional<Cancellation> parent) {
        this.parent = parent;
    }

    /** A token that is never cancelled. */
    public static Cancellation none() {
        return new Cancellation();
    }

    /** A token that is requested once {@code parent} is, or once it is cancelled itself. */
    public static Cancellation linkedTo(Cancellation parent) {
        return new Cancellation(Optional.of(Objects.requireNonNull(parent, "parent")));
    }

    /** Asks the work to stop; the parent of a linked token is left alone. */
    public void cancel() {
        requested.set(true);
    }

    public boolean isRequested() {
        return requested.get() || parent.map(Cancellation::isRequested).orElse(false);
    }
}
