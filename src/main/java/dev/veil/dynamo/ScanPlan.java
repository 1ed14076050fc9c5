package dev.veil.dynamo;

import dev.veil.model.TableInfo;

/**
 * How one sample reads its table, decided from the request and the table's description.
 *
 * <p>When DescribeTable says the whole table fits the budget, the sample is the table: it is
 * read through, in as few segments (and so requests) as its pages need. Otherwise the sampler
 * walks the key space, taking {@link SampleRequest#ITEMS_PER_COLLECTION} items from each item
 * collection and skipping the rest of it. Scan order within a segment is the order of the
 * partition key's hash, unrelated to the keys' values, so the first collections of a walk are
 * as good a random pick of collections as any; segments are there for parallelism, not for
 * spread, and cost at least one request each, so there are only as many as threads.
 *
 * <p>DynamoDB updates ItemCount about every six hours (dynalite never does), so the count is
 * trusted only while the pages agree with it: 0 is read as "unknown", and a table that turns
 * out far larger than it claimed is walked from then on.
 *
 * @param totalSegments the parallel-scan segments
 * @param perCollection items accepted from one collection before the walk skips it, or
 *                      {@link SampleRequest#UNLIMITED}
 * @param firstLimit    the Limit of each segment's first page
 * @param walkAfter     items read after which a read-through plan starts walking, because the
 *                      table is larger than its description said
 */
record ScanPlan(int totalSegments, int perCollection, int firstLimit, long walkAfter) {

    /** Pages a walk asks for at first, in collection shares: small enough to waste little on a big collection. */
    static final int FIRST_PAGE_COLLECTIONS = 4;

    static ScanPlan of(SampleRequest request, TableInfo table) {
        long count = table.itemCount();
        boolean fits = count > 0 && count <= request.maxItems();
        int segments = request.totalSegments().orElseGet(() -> fits
                ? (int) Math.max(1, Math.min(request.parallelism(),
                        (count + request.maxPageSize() - 1) / request.maxPageSize()))
                : request.parallelism());
        int perCollection = request.itemsPerCollection()
                .orElse(fits ? SampleRequest.UNLIMITED : SampleRequest.ITEMS_PER_COLLECTION);
        long walkAfter = fits && request.itemsPerCollection().isEmpty() ? 2 * count : Long.MAX_VALUE;
        long firstLimit;
        if (perCollection != SampleRequest.UNLIMITED) {
            firstLimit = (long) FIRST_PAGE_COLLECTIONS * perCollection;
        } else if (walkAfter != Long.MAX_VALUE) {
            // Just over what the table claims: all of it in one page if the claim holds, little if not.
            firstLimit = walkAfter + (long) FIRST_PAGE_COLLECTIONS * SampleRequest.ITEMS_PER_COLLECTION;
        } else {
            firstLimit = request.maxPageSize();
        }
        return new ScanPlan(segments, perCollection, (int) Math.min(request.maxPageSize(), firstLimit), walkAfter);
    }
}
