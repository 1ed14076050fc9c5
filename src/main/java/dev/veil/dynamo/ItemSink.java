package dev.veil.dynamo;

import java.util.Map;

import dev.veil.model.DynamoValue;

/**
 * Receives sampled or exported items. The sampler may call it from several threads, but never
 * concurrently for the same segment, and every call for a segment happens-before the sampler
 * returns: a caller can keep one (non-thread-safe) accumulator per segment and merge them at
 * the end.
 */
@FunctionalInterface
public interface ItemSink {

    /**
     * One item.
     *
     * @param segment the parallel-scan segment it came from (for exports: the data file's index)
     * @param item    the item's attributes, unmodifiable
     */
    void accept(int segment, Map<String, DynamoValue> item);
}
