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

/** One call of {@link TableSampler#sample}: the rounds, the segment tasks and their shared counters. */
final class SampleRun {

    private static final AtomicInteger POOLS = new AtomicInteger();

    /** Where one segment's scan stands. Touched by one task at a time; rounds publish it. */
    private static final class Segment {
        final int index;
        Map<String, AttributeValue> lastKey;
        boolean exhausted;
        boolean read;
        long items;

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
            throw failed;
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
        }
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
                if (!cancelled) {
                    failure.compareAndSet(null, DynamoErrors.translate(e, client, Optional.of(table)));
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
