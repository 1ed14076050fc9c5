package dev.veil.ui.connect;

import dev.veil.work.Cancellation;
import dev.veil.work.ProgressListener;
import dev.veil.app.VeilSettings;

/** Turns a {@link ConnectionRequest} into an open {@link Connection}; runs on a worker thread. */
@FunctionalInterface
public interface ConnectionOpener {

    Connection open(ConnectionRequest request, VeilSettings base, ProgressListener progress,
                    Cancellation cancellation) throws Exception;
}
