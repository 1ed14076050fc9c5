package dev.veil.ui.task;

import dev.veil.work.Cancellation;
import dev.veil.work.ProgressListener;

/**
 * A piece of slow work for {@link BackgroundTasks}: it reports progress to the listener and
 * stops at its next safe point once the cancellation is requested. It runs on a worker thread
 * and must not touch the scene graph.
 *
 * @param <T> what the work produces
 */
@FunctionalInterface
public interface Job<T> {

    T run(ProgressListener progress, Cancellation cancellation) throws Exception;
}
