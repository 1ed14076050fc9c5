package dev.veil.work;

/** Receives progress from slow work (a use case, the sampler), on whatever thread does the work. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = p -> { };

    void onProgress(Progress progress);
}
