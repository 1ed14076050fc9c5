package dev.veil.dynamo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.veil.model.DynamoValue;
import dev.veil.model.KeySchema;
import dev.veil.model.TableInfo;
import dev.veil.work.Cancellation;
import dev.veil.work.Progress;
import dev.veil.work.ProgressListener;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * One call of {@link TableSampler#sample}: the rounds, the segment tasks and their shared counters.
 *
 * <p>Two phases. The <em>walk</em> reads every segment, accepting at most
 * {@link ScanPlan#perCollection()} items of each item collection: once a collection has given its
 * share, the next page starts after the end of the collection ({@link CollectionEnd}) instead of
 * reading through it. Walk rounds share what is left of the budget among the segments not yet
 * read to their end ({@link BudgetPlan}). A segment's first page is taken whole, so that a small
 * segment ends in one request. When every segment is walked and budget is left, the
 * <em>deepening</em> rounds share it among the collections the walk skipped, the shallowest first
 * ({@link BudgetPlan#levelUp}), each read on from its last accepted item until its share is read
 * or the collection ends. Page Limits adapt: they
 * double while pages bring only small collections and fall back to one collection's share when a
 * page reached into a big one, so small collections cost few requests and big ones little waste.
 *
 * <p>A page that still fails after the client's own retries does not end the run at once: when
 * the failure is transient (throttling, a 5xx, a reset connection), the segment's work is set
 * aside and, once the rest of the round is read, retried from where it stopped after a jittered
 * pause, up to {@value #SEGMENT_RETRIES} times per segment and {@value #RUN_RETRIES} times per
 * run. Retrying within the round keeps the sample what it would have been without the failures.
 * When the run does give up, the message says how far it got.
 */
final class SamplingJob {

    private static final AtomicInteger POOLS = new AtomicInteger();
    /** How often one segment may be set aside and retried. */
    static final int SEGMENT_RETRIES = 4;
    /** How many set-aside retries one run may make in all: the sampler's retry budget. */
    static final int RUN_RETRIES = 24;
    /** The pause before the first retry of set-aside segments; doubled for each further one. */
    static final long RETRY_PAUSE_NANOS = 500_000_000L;

    /** Where one segment's scan stands. Touched by one task at a time; rounds publish it. */
    private static final class Segment {
        final int index;
        /** The next page's ExclusiveStartKey, or null for the segment's start. */
        Map<String, AttributeValue> next;
        boolean exhausted;
        boolean read;
        long items;
        int limit;
        /** The partition key of the collection the walk is in, its accepted items and last accepted key. */
        AttributeValue current;
        int currentItems;
        Map<String, AttributeValue> currentLast;
        boolean currentSkipped;
        /** Collections the walk left after their share, in scan order. */
        final List<Skipped> skipped = new ArrayList<>();
        int retries;

        Segment(int index, int limit) {
            this.index = index;
            this.limit = limit;
        }
    }

    /** An item collection the walk left after its share, and where to read it on. */
    private static final class Skipped {
        final Segment segment;
        final AttributeValue partition;
        Map<String, AttributeValue> last;
        long items;
        boolean done;

        Skipped(Segment segment, AttributeValue partition, Map<String, AttributeValue> last, long items) {
            this.segment = segment;
            this.partition = partition;
            this.last = last;
            this.items = items;
        }
    }

    /** What one task reads from one segment; a failed task is set aside as what it still owes. */
    private sealed interface Work permits Walk, Deepen {
        Segment segment();
    }

    private record Walk(Segment segment, int share) implements Work {
    }

    private record Deepen(Segment segment, List<Share> shares) implements Work {
    }

    private record Share(Skipped collection, int items) {
    }

    private final DynamoDbClient client;
    private final String table;
    private final String partitionKey;
    private final Optional<KeySchema.KeyAttribute> sortKey;
    private final SampleRequest request;
    private final ItemSink sink;
    private final ProgressListener progress;
    private final Cancellation stop;
    /** Requested when the run must end: stopped, cancelled or failed. */
    private final Cancellation halt;
    private final Optional<CapacityLimiter> limiter;
    private final ScanPlan plan;
    private final int totalSegments;
    private volatile int perCollection;

    private final AtomicLong items = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger segmentsRead = new AtomicInteger();
    private final AtomicInteger nonEmptySegments = new AtomicInteger();
    private final Set<DynamoValue> collections = ConcurrentHashMap.newKeySet();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final List<Work> setAside = new ArrayList<>();
    private final AtomicInteger retriesLeft = new AtomicInteger(RUN_RETRIES);
    private final Ticker ticker;
    private final Object progressLock = new Object();
    private double consumed;
    private volatile boolean stopped;
    private volatile boolean cancelled;

    SamplingJob(DynamoDbClient client, TableInfo info, SampleRequest request, ItemSink sink, ProgressListener progress,
              Cancellation stop, Ticker ticker) {
        this.client = client;
        this.table = info.name();
        this.partitionKey = info.keySchema().partitionKey().name();
        this.sortKey = info.keySchema().sortKey();
        this.request = request;
        this.sink = sink;
        this.progress = progress;
        this.stop = stop;
        this.halt = Cancellation.linkedTo(stop);
        this.limiter = request.maxRcu().isPresent()
                ? Optional.of(new CapacityLimiter(request.maxRcu().getAsDouble(), ticker)) : Optional.empty();
        this.plan = ScanPlan.of(request, info);
        this.totalSegments = plan.totalSegments();
        this.perCollection = plan.perCollection();
        this.ticker = ticker;
    }

    SampleResult execute() {
        List<Segment> segments = new ArrayList<>(totalSegments);
        for (int i = 0; i < totalSegments; i++) {
            segments.add(new Segment(i, plan.firstLimit()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(request.parallelism(), threads());
        try {
            walk(segments, pool);
            deepen(segments, pool);
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
        RuntimeException failed = failure.get();
        if (failed != null && !cancelled) {
            throw gaveUp(failed);
        }
        boolean complete = segments.stream().allMatch(s -> s.exhausted
                && s.skipped.stream().allMatch(c -> c.done));
        synchronized (progressLock) {
            return new SampleResult(table, items.get(), totalSegments, segmentsRead.get(), nonEmptySegments.get(),
                    collections.size(), consumed, requests.get(), complete, stopped, cancelled);
        }
    }

    /** Walk rounds until the budget is read or every segment is walked to its end. */
    private void walk(List<Segment> segments, ExecutorService pool) {
        while (!halted()) {
            long remaining = request.maxItems() - items.get();
            List<Segment> open = segments.stream().filter(s -> !s.exhausted).toList();
            if (remaining <= 0 || open.isEmpty()) {
                return;
            }
            int[] shares = BudgetPlan.allocate(remaining, open.stream().mapToLong(s -> s.items).toArray());
            List<Work> round = new ArrayList<>();
            for (int i = 0; i < open.size(); i++) {
                if (shares[i] > 0) {
                    round.add(new Walk(open.get(i), shares[i]));
                }
            }
            runRound(round, pool);
        }
    }

    /** Deepening rounds: what is left of the budget, shared among the skipped collections. */
    private void deepen(List<Segment> segments, ExecutorService pool) {
        while (!halted()) {
            long remaining = request.maxItems() - items.get();
            List<Skipped> open = segments.stream().flatMap(s -> s.skipped.stream()).filter(c -> !c.done).toList();
            if (remaining <= 0 || open.isEmpty()) {
                return;
            }
            int[] shares = BudgetPlan.levelUp(remaining, open.stream().mapToLong(c -> c.items).toArray());
            // One task per segment, so that the sink never sees one segment from two threads.
            Map<Segment, List<Share>> bySegment = new LinkedHashMap<>();
            for (int i = 0; i < open.size(); i++) {
                if (shares[i] > 0) {
                    bySegment.computeIfAbsent(open.get(i).segment, s -> new ArrayList<>())
                            .add(new Share(open.get(i), shares[i]));
                }
            }
            List<Work> round = new ArrayList<>();
            bySegment.forEach((segment, list) -> round.add(new Deepen(segment, list)));
            runRound(round, pool);
        }
    }

    private void runRound(List<Work> round, ExecutorService pool) {
        List<Future<?>> tasks = new ArrayList<>();
        for (Work work : round) {
            tasks.add(pool.submit(() -> run(work)));
        }
        awaitRound(tasks);
        retrySetAside(pool);
    }

    private void run(Work work) {
        if (work instanceof Walk w) {
            walkSegment(w.segment(), w.share());
        } else if (work instanceof Deepen d) {
            deepenSegment(d.segment(), d.shares());
        }
    }

    /** Retries the work whose page failed this round, after a pause, until each is done. */
    private void retrySetAside(ExecutorService pool) {
        for (int attempt = 0; !halted(); attempt++) {
            List<Work> retry;
            synchronized (setAside) {
                retry = List.copyOf(setAside);
                setAside.clear();
            }
            if (retry.isEmpty()) {
                return;
            }
            if (!pause(attempt)) {
                return;
            }
            List<Future<?>> round = new ArrayList<>();
            for (Work work : retry) {
                round.add(pool.submit(() -> run(work)));
            }
            awaitRound(round);
        }
    }

    /** Sleeps the jittered backoff for the given retry, in naps that notice a stop or cancel. */
    private boolean pause(int attempt) {
        long cap = RETRY_PAUSE_NANOS << Math.min(attempt, 4);
        long until = ticker.nanoTime() + cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
        try {
            for (long left = until - ticker.nanoTime(); left > 0; left = until - ticker.nanoTime()) {
                if (halted()) {
                    return false;
                }
                ticker.sleepNanos(Math.min(left, 100_000_000L));
            }
            return true;
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sets work aside for a retry when the failure is transient and the budgets allow it, else fails the run. */
    private void failed(Work owed, SdkException e) {
        DynamoAccessException failed = DynamoErrors.translate(e, client, Optional.of(table));
        if (cancelled) {
            return;
        }
        Segment segment = owed.segment();
        if (!DynamoErrors.isTransient(failed) || segment.retries >= SEGMENT_RETRIES
                || retriesLeft.getAndDecrement() <= 0) {
            fail(failed);
            return;
        }
        segment.retries++;
        synchronized (setAside) {
            setAside.add(owed);
        }
    }

    private void fail(RuntimeException e) {
        failure.compareAndSet(null, e);
        halt.cancel();
    }

    private void cancel() {
        cancelled = true;
        halt.cancel();
    }

    /** The failure, told with how far the run got before it. */
    private RuntimeException gaveUp(RuntimeException failed) {
        if (!(failed instanceof DynamoAccessException access)) {
            return failed;
        }
        String read;
        synchronized (progressLock) {
            read = String.format("Sampling '%s' gave up after reading %,d of %,d items from %d of %d segments "
                            + "in %,d requests. ", table, items.get(), request.maxItems(), segmentsRead.get(),
                    totalSegments, requests.get());
        }
        return new DynamoAccessException(access.kind(), read + access.getMessage(), access.endpoint(),
                access.table(), access);
    }

    private void awaitRound(List<Future<?>> round) {
        for (Future<?> task : round) {
            try {
                task.get();
            } catch (InterruptedException e) {
                // Workers see the flag before their next page; in-flight requests are left to finish,
                // since aborting a socket mid-request is rude to servers (and crashes dynalite).
                cancel();
                round.forEach(f -> f.cancel(false));
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                fail(cause instanceof RuntimeException r ? r
                        : new IllegalStateException("Sampling table '" + table + "' failed: " + cause, cause));
            }
        }
    }

    /** Walks one segment until {@code share} items are accepted or the segment ends, a page at a time. */
    private void walkSegment(Segment segment, int share) {
        int got = 0;
        while (got < share && !segment.exhausted && !halted()) {
            int limit = Math.min(share - got, Math.min(segment.limit, request.maxPageSize()));
            Optional<ScanResponse> page = fetch(segment, limit, segment.next, new Walk(segment, share - got));
            if (page.isEmpty()) {
                return;
            }
            int accepted = acceptWalked(segment, page.get());
            got += accepted;
            report(segment, page.get(), accepted);
        }
    }

    /**
     * Hands the page's items to the sink, at most the collection share of each collection, and
     * decides where the segment goes on.
     *
     * @return the items accepted
     */
    private int acceptWalked(Segment segment, ScanResponse page) {
        // A segment's first page is taken whole: a small segment (a small table) ends within it.
        int share = segment.read ? perCollection : SampleRequest.UNLIMITED;
        int accepted = 0;
        boolean reachedIntoBig = false;
        for (Map<String, AttributeValue> item : page.items()) {
            AttributeValue partition = item.get(partitionKey);
            if (!Objects.equals(partition, segment.current)) {
                segment.current = partition;
                segment.currentItems = 0;
                segment.currentSkipped = false;
            }
            if (segment.currentItems >= share) {
                // Read past the collection's share within this page: left for the deepening rounds.
                skipCurrent(segment);
                reachedIntoBig = true;
                continue;
            }
            deliver(segment, item);
            segment.currentItems++;
            segment.currentLast = keyOf(item);
            accepted++;
        }
        Map<String, AttributeValue> lastKey = lastKey(page);
        if (lastKey == null) {
            segment.exhausted = true;
        } else if (sortKey.isPresent() && segment.currentItems >= perCollection
                && Objects.equals(lastKey.get(partitionKey), segment.current)) {
            // The collection has given its share: go on after its end instead of reading through it.
            skipCurrent(segment);
            segment.next = Map.of(partitionKey, segment.current,
                    sortKey.get().name(), CollectionEnd.greatest(sortKey.get().type()));
            reachedIntoBig = true;
        } else {
            segment.next = lastKey;
        }
        segment.limit = reachedIntoBig ? Math.min(perCollection, request.maxPageSize())
                : (int) Math.min(request.maxPageSize(), 2L * segment.limit);
        if (items.get() + accepted > plan.walkAfter()) {
            // The description said the table fits the budget; it does not: walk from here on.
            perCollection = SampleRequest.ITEMS_PER_COLLECTION;
        }
        return accepted;
    }

    private void skipCurrent(Segment segment) {
        if (!segment.currentSkipped) {
            segment.currentSkipped = true;
            segment.skipped.add(new Skipped(segment, segment.current, segment.currentLast, segment.currentItems));
        }
    }

    /** Reads on into the collections the walk skipped in one segment, each up to its share. */
    private void deepenSegment(Segment segment, List<Share> shares) {
        for (int i = 0; i < shares.size(); i++) {
            Skipped collection = shares.get(i).collection();
            int share = shares.get(i).items();
            int got = 0;
            while (got < share && !collection.done && !halted()) {
                List<Share> owed = new ArrayList<>(shares.subList(i, shares.size()));
                owed.set(0, new Share(collection, share - got));
                Optional<ScanResponse> page = fetch(segment, Math.min(share - got, request.maxPageSize()),
                        collection.last, new Deepen(segment, owed));
                if (page.isEmpty()) {
                    return;
                }
                int accepted = 0;
                for (Map<String, AttributeValue> item : page.get().items()) {
                    if (!Objects.equals(item.get(partitionKey), collection.partition)) {
                        collection.done = true;
                        break;
                    }
                    deliver(segment, item);
                    collection.last = keyOf(item);
                    collection.items++;
                    accepted++;
                }
                if (lastKey(page.get()) == null) {
                    collection.done = true;
                }
                got += accepted;
                report(segment, page.get(), accepted);
            }
        }
    }

    private void deliver(Segment segment, Map<String, AttributeValue> item) {
        AttributeValue key = item.get(partitionKey);
        if (key != null) {
            collections.add(ItemConverter.toModel(key));
        }
        sink.accept(segment.index, ItemConverter.toModel(item));
        segment.items++;
    }

    private Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(partitionKey, item.get(partitionKey));
        sortKey.ifPresent(s -> key.put(s.name(), item.get(s.name())));
        return key;
    }

    private static Map<String, AttributeValue> lastKey(ScanResponse page) {
        return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    }

    /**
     * One page of one segment, after the rate limiter lets it go.
     *
     * @param owed what the task still owes, set aside when the page fails transiently
     * @return empty when the run is halted or the page failed
     */
    private Optional<ScanResponse> fetch(Segment segment, int limit, Map<String, AttributeValue> startKey, Work owed) {
        try {
            if (limiter.isPresent() && !limiter.get().acquire(halt)) {
                return Optional.empty();
            }
            var builder = ScanRequest.builder()
                    .tableName(table)
                    .limit(limit)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
            if (totalSegments > 1) {
                builder.segment(segment.index).totalSegments(totalSegments);
            }
            if (startKey != null) {
                builder.exclusiveStartKey(startKey);
            }
            ScanResponse page = client.scan(builder.build());
            requests.incrementAndGet();
            limiter.ifPresent(l -> l.record(units(page)));
            return Optional.of(page);
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (SdkException e) {
            failed(owed, e);
            return Optional.empty();
        }
    }

    private void report(Segment segment, ScanResponse page, int accepted) {
        synchronized (progressLock) {
            consumed += units(page);
            if (!segment.read) {
                segment.read = true;
                segmentsRead.incrementAndGet();
            }
            if (accepted > 0 && segment.items == accepted) {
                nonEmptySegments.incrementAndGet();
            }
            long total = items.addAndGet(accepted);
            long sent = requests.get();
            progress.onProgress(new Progress(total, request.maxItems(), String.format(
                    "%,d of %,d items from %,d item collections in %,d %s", total, request.maxItems(),
                    collections.size(), sent, sent == 1 ? "request" : "requests")));
        }
    }

    private boolean halted() {
        if (Thread.currentThread().isInterrupted()) {
            cancel();
        }
        if (!halt.isRequested()) {
            return false;
        }
        if (!cancelled && failure.get() == null && stop.isRequested()) {
            stopped = true;
        }
        return true;
    }

    static double units(ScanResponse page) {
        return page.consumedCapacity() == null || page.consumedCapacity().capacityUnits() == null
                ? 0.0 : page.consumedCapacity().capacityUnits();
    }

    private ThreadFactory threads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "veil-sampler-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Waits for the workers to finish even when interrupted, so that no sink call happens after
     * {@code sample} returns; in-flight requests end within the HTTP timeouts.
     */
    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!pool.isTerminated() && System.nanoTime() < deadline) {
            try {
                pool.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
