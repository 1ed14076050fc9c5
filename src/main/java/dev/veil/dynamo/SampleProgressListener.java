package dev.veil.dynamo;

/**
 * Told after every page the sampler reads. Calls come from sampler threads, one at a time
 * (never concurrently), with counts that never decrease; a UI hops to its own thread.
 */
@FunctionalInterface
public interface SampleProgressListener {

    /** A listener that ignores progress. */
    SampleProgressListener NONE = progress -> { };

    void onProgress(SampleProgress progress);
}
