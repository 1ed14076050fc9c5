package dev.veil.workspace;

import java.time.Duration;

/** Told once when opening a workspace has waited long for another process; faces say so. */
@FunctionalInterface
public interface WaitListener {
    /** Says nothing. */
    WaitListener SILENT = (location, waited, patience) -> { };

    /** Opening {@code location} has waited {@code waited} so far and will wait up to {@code patience}. */
    void waiting(WorkspaceLocation location, Duration waited, Duration patience);
}
