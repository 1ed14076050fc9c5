package dev.veil.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import java.util.function.BooleanSupplier;

import dev.veil.model.DynamoValue;
import dev.veil.model.KeySchema;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * One call of {@link TableSampler#sample}: the rounds, the segment tasks and their shared counters.
 *
 * <p>A page that still fails after the client's own retries does not end the run at once: when
 * the failure is transient (throttling, a 5xx, a reset connection), the segment is set aside and,
 * once the rest of the round is read, retried from where it stopped after a jittered pause, up
 * to {@value #SEGMENT_RETRIES} times per segment and {@value #RUN_RETRIES} times per run. Retrying
 * within the round keeps the sample what it would have been without the failures. When the run
 * does give up, the message says how far it got.
 */
final class SampleRun {

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
        Map<String, AttributeValue> lastKey;
        boolean exhausted;
        boolean read;
        long items;
        /** Items still owed to the current round after a failed page, or 0. */
        int owed;
        int retries;

        Segment(int index) {
            this.index = index;
        }
    }

    private final DynamoDbClient client;
    private final String table;
    private final String partitionKey;
    private final SampleRequest request;
    private final ItemSink sink;
    private final SampleProgressListener progress;
    private final BooleanSupplier stopRequested;
    private final Optional<CapacityLimiter> limiter;
    private final int totalSegments;

    private final AtomicLong items = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicInteger segmentsRead = new AtomicInteger();
    private final AtomicInteger nonEmptySegments = new AtomicInteger();
    private final Set<DynamoValue> collections = ConcurrentHashMap.newKeySet();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final List<Segment> setAside = new ArrayList<>();
    private final AtomicInteger retriesLeft = new AtomicInteger(RUN_RETRIES);
    private final Ticker ticker;
    private final Object progressLock = new Object();
    private double consumed;
    private volatile boolean stopped;
    private volatile boolean cancelled;

    SampleRun(DynamoDbClient client, String table, KeySchema key, SampleRequest request, ItemSink sink,
              SampleProgressListener progress, BooleanSupplier stopRequested, Ticker ticker) {
        this.client = client;
        this.table = table;
        this.partitionKey = key.partitionKey().name();
        this.request = request;
        this.sink = sink;
        this.progress = progress;
        this.stopRequested = stopRequested;
        this.limiter = request.maxRcu().isPresent()
                ? Optional.of(new CapacityLimiter(request.maxRcu().getAsDouble(), ticker)) : Optional.empty();
        this.totalSegments = request.effectiveSegments();
        this.ticker = ticker;
    }

    SampleResult execute() {
        List<Segment> segments = new ArrayList<>(totalSegments);
        for (int i = 0; i < totalSegments; i++) {
            segments.add(new Segment(i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(request.parallelism(), threads());
        try {
            runRounds(segments, pool);
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
        RuntimeException failed = failure.get();
        if (failed != null && !cancelled) {
            throw gaveUp(failed);
        }
        boolean complete = segments.stream().allMatch(s -> s.exhausted);
        synchronized (progressLock) {
            return new SampleResult(table, items.get(), totalSegments, segmentsRead.get(), nonEmptySegments.get(),
                    collections.size(), consumed, requests.get(), complete, stopped, cancelled);
        }
    }

    private void runRounds(List<Segment> segments, ExecutorService pool) {
        while (!halted()) {
            long remaining = request.maxItems() - items.get();
            List<Segment> open = segments.stream().filter(s -> !s.exhausted).toList();
            if (remaining <= 0 || open.isEmpty()) {
                return;
            }
            int[] shares = BudgetPlan.allocate(remaining, open.stream().mapToLong(s -> s.items).toArray());
            List<Future<?>> round = new ArrayList<>();
            for (int i = 0; i < open.size(); i++) {
                if (shares[i] > 0) {
                    Segment segment = open.get(i);
                    int share = shares[i];
                    round.add(pool.submit(() -> readSegment(segment, share)));
                }
            }
            awaitRound(round);
            retrySetAside(pool);
        }
    }

    /** Retries the segments whose page failed this round, after a pause, until each has its share. */
    private void retrySetAside(ExecutorService pool) {
        for (int attempt = 0; !halted(); attempt++) {
            List<Segment> retry;
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
            for (Segment segment : retry) {
                int share = segment.owed;
                segment.owed = 0;
                round.add(pool.submit(() -> readSegment(segment, share)));
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
            cancelled = true;
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Sets a segment aside for a retry when the failure is transient and the budgets allow it. */
    private boolean setAsideForRetry(Segment segment, int owed, DynamoAccessException failed) {
        if (!DynamoErrors.isTransient(failed) || segment.retries >= SEGMENT_RETRIES
                || retriesLeft.getAndDecrement() <= 0) {
            return false;
        }
        segment.retries++;
        segment.owed = owed;
        synchronized (setAside) {
            setAside.add(segment);
        }
        return true;
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
                cancelled = true;
                round.forEach(f -> f.cancel(false));
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                failure.compareAndSet(null, cause instanceof RuntimeException r ? r
                        : new IllegalStateException("Sampling table '" + table + "' failed: " + cause, cause));
            }
        }
    }

    /** Reads up to {@code share} items from one segment, a page at a time. */
    private void readSegment(Segment segment, int share) {
        int got = 0;
        while (got < share && !segment.exhausted && !halted()) {
            ScanResponse page;
            try {
                if (limiter.isPresent() && !limiter.get().acquire(this::halted)) {
                    return;
                }
                page = fetch(segment, Math.min(share - got, request.maxPageSize()));
            } catch (InterruptedException e) {
                cancelled = true;
                Thread.currentThread().interrupt();
                return;
            } catch (SdkException e) {
                DynamoAccessException failed = DynamoErrors.translate(e, client, Optional.of(table));
                if (!cancelled && !setAsideForRetry(segment, share - got, failed)) {
                    failure.compareAndSet(null, failed);
                }
                return;
            }
            for (Map<String, AttributeValue> item : page.items()) {
                AttributeValue key = item.get(partitionKey);
                if (key != null) {
                    collections.add(ItemConverter.toModel(key));
                }
                sink.accept(segment.index, ItemConverter.toModel(item));
            }
            got += page.items().size();
            segment.items += page.items().size();
            segment.lastKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                    ? page.lastEvaluatedKey() : null;
            segment.exhausted = segment.lastKey == null;
            report(segment, page);
        }
    }

    private ScanResponse fetch(Segment segment, int limit) {
        var builder = ScanRequest.builder()
                .tableName(table)
                .limit(limit)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        if (totalSegments > 1) {
            builder.segment(segment.index).totalSegments(totalSegments);
        }
        if (segment.lastKey != null) {
            builder.exclusiveStartKey(segment.lastKey);
        }
        ScanResponse page = client.scan(builder.build());
        requests.incrementAndGet();
        limiter.ifPresent(l -> l.record(units(page)));
        return page;
    }

    private void report(Segment segment, ScanResponse page) {
        synchronized (progressLock) {
            consumed += units(page);
            if (!segment.read) {
                segment.read = true;
                segmentsRead.incrementAndGet();
            }
            if (!page.items().isEmpty() && segment.items == page.items().size()) {
                nonEmptySegments.incrementAndGet();
            }
            long total = items.addAndGet(page.items().size());
            progress.onProgress(new SampleProgress(total, request.maxItems(), segmentsRead.get(),
                    nonEmptySegments.get(), totalSegments, consumed));
        }
    }

    private boolean halted() {
        if (cancelled || failure.get() != null) {
            return true;
        }
        if (Thread.currentThread().isInterrupted()) {
            cancelled = true;
            return true;
        }
        if (!stopped && stopRequested.getAsBoolean()) {
            stopped = true;
        }
        return stopped;
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
