package dev.veil.app;

/** Receives progress from a slow use case, on whatever thread does the work. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = p -> { };

    void onProgress(Progress progress);
}
