package dev.veil.app;

import dev.veil.dynamo.DataFile;
import dev.veil.dynamo.ExportLocation;
import dev.veil.dynamo.ExportLayout;
import dev.veil.dynamo.ExportReader;
import dev.veil.dynamo.ExportResult;
import dev.veil.dynamo.ExportSource;
import dev.veil.inference.ProfileAccumulator;
import dev.veil.inference.StabilityTracker;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.inference.entity.DeclaredKinds;
import dev.veil.inference.entity.EntityAccumulator;
import dev.veil.inference.entity.Markers;
import dev.veil.model.KeySchema;
import dev.veil.model.SampleCoverage;
import dev.veil.model.TableProfile;
import dev.veil.work.Cancellation;
import dev.veil.work.Progress;
import dev.veil.work.ProgressListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Profiles an export on every core: one accumulator per data file, each read by its own thread
 * (or, in the Spark job, its own task), merged into one. Merging is exact and order-free, so
 * the profile is the same however many threads read it. With an item limit the first items in
 * file order are read: in parallel when {@code manifest-files.json} says how many records
 * each file holds (each file then gets its share of the limit), one file after another when it
 * does not, or when the reader should stop as soon as the profile is stable.
 *
 * <p>{@link #profile} keeps one {@link EntityAccumulator} per data file, as a table sample keeps one
 * per segment ({@link SegmentProfiles}): the export's profile is the merge of its kinds of item, and
 * the files' kinds merge in file order, so the entities are the ones one accumulator reading the
 * files one after another would find.
 */
public final class ExportProfiling {

    /** No item limit: read the whole export. */
    public static final long ALL = Long.MAX_VALUE;

    private static final long PROGRESS_EVERY = 5_000;

    private final int threads;

    /** Reads with up to {@code threads} threads. */
    public ExportProfiling(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
    }

    /** Reads with one thread per core. */
    public static ExportProfiling onEveryCore() {
        return new ExportProfiling(Runtime.getRuntime().availableProcessors());
    }

    /** The profile of an export, as {@code sample --from-export} and the Spark job both build it. */
    public static TableProfile tableProfile(String table, ExportLocation location, ProfileAccumulator profile,
                                            boolean stable) {
        SampleCoverage coverage = SampleCoverage.unsegmented(0, profile.pathsSeenOnce(),
                profile.unseenPathEstimate(), stable);
        return profile.toProfile(table, "export:" + location.describe(), Instant.now(), Optional.empty(), coverage);
    }

    /**
     * An empty entity accumulator as every export profile builds one: the shipped detectors, the
     * key names that key-prefix entities need (empty: markers only) and the steward's own markers
     * trusted before the standard ones ({@link Markers#with}).
     */
    public static EntityAccumulator newKinds(Optional<KeySchema> keys, List<String> markers) {
        return newKinds(keys, markers, DeclaredKinds.NONE);
    }

    /** {@link #newKinds(Optional, List)} that classifies by the {@code declared} kinds first. */
    public static EntityAccumulator newKinds(Optional<KeySchema> keys, List<String> markers, DeclaredKinds declared) {
        return new EntityAccumulator(ValueDetectors.standard(), keys, Markers.with(markers), declared);
    }

    /**
     * One data file profiled whole into a fresh accumulator of kinds: what a Spark task does.
     *
     * @param kinds   the file's items, by kind of item
     * @param records the file's records (items plus deletes), for {@link ExportSource#checkTotal}
     */
    public record FileProfile(EntityAccumulator kinds, long records) {
    }

    /**
     * Profiles data file {@code index} whole, checking it against the manifest, into
     * {@link #newKinds newKinds(keys, markers)}.
     */
    public static FileProfile profileFile(ExportSource source, int index, Optional<KeySchema> keys,
                                          List<String> markers) {
        EntityAccumulator kinds = newKinds(keys, markers);
        ExportSource.FileRead read = source.read(index, Long.MAX_VALUE, (segment, item) -> kinds.add(item),
                Cancellation.none());
        return new FileProfile(kinds, read.records());
    }

    /**
     * What {@link #profile} read.
     *
     * @param kinds  every item read, by kind of item
     * @param stable reading stopped because new paths stopped appearing
     */
    public record Result(EntityAccumulator kinds, boolean stable) {
        /** Every item read, whatever its kind. */
        public ProfileAccumulator accumulator() {
            return kinds.table();
        }
    }

    /**
     * Profiles at most {@code maxItems} items ({@link #ALL} for every one), stopping early once
     * new paths stop appearing when {@code untilStable}, telling kinds of item apart with the
     * accumulators {@code kinds} makes (all made alike: same detectors, keys and markers).
     *
     * @throws CancelledException when cancelled
     */
    public Result profile(ExportSource source, long maxItems, boolean untilStable, Supplier<EntityAccumulator> kinds,
                          ProgressListener progress, Cancellation cancel) {
        ExportLayout layout = source.layout();
        if (untilStable || (maxItems != ALL && !(layout.everyFileCounted() && !layout.incremental()))) {
            return sequential(source, maxItems, untilStable, kinds, progress, cancel);
        }
        List<Long> budgets = new ArrayList<>();
        long left = maxItems;
        for (DataFile f : layout.dataFiles()) {
            long share = maxItems == ALL ? ALL : Math.min(left, f.itemCount().orElseThrow());
            budgets.add(share);
            left = maxItems == ALL ? ALL : left - share;
        }
        return new Result(parallel(source, budgets, maxItems == ALL || left > 0, kinds, progress, cancel), false);
    }

    private Result sequential(ExportSource source, long maxItems, boolean untilStable,
                              Supplier<EntityAccumulator> kinds, ProgressListener progress, Cancellation cancel) {
        EntityAccumulator profile = kinds.get();
        StabilityTracker stability = new StabilityTracker();
        long[] seen = {0};
        long[] paths = {0}; // summed over kinds, as SegmentProfiles does: never stable sooner than the table
        Cancellation stop = Cancellation.linkedTo(cancel); // also stopped once the profile is stable
        new ExportReader().read(source, maxItems, (segment, item) -> {
            paths[0] += profile.add(item);
            if (untilStable) {
                stability.observe(seen[0] + 1, paths[0]);
                if (stability.isStable()) {
                    stop.cancel();
                }
            }
            if (++seen[0] % PROGRESS_EVERY == 0) {
                report(progress, seen[0], maxItems, 0, source.layout().dataFiles().size());
            }
        }, stop);
        if (cancel.isRequested()) {
            throw new CancelledException("reading the export was cancelled; nothing was stored");
        }
        return new Result(profile, untilStable && stability.isStable());
    }

    private EntityAccumulator parallel(ExportSource source, List<Long> budgets, boolean wholeExport,
                                       Supplier<EntityAccumulator> kinds, ProgressListener progress,
                                       Cancellation cancel) {
        List<EntityAccumulator> byFile = new ArrayList<>();
        for (int i = 0; i < budgets.size(); i++) {
            byFile.add(null); // filled by each file's task; merged in file order once all are done
        }
        AtomicLong items = new AtomicLong();
        AtomicLong records = new AtomicLong();
        AtomicLong filesDone = new AtomicLong();
        Cancellation stop = Cancellation.linkedTo(cancel); // also stopped once a file fails
        int files = budgets.size();
        long expected = budgets.stream().mapToLong(Long::longValue).reduce(0, (a, b) -> a == ALL || b == ALL ? ALL : a + b);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, files)), r -> {
            Thread t = new Thread(r, "veil-export-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < files; i++) {
                int index = i;
                long budget = budgets.get(i);
                if (budget == 0) {
                    continue;
                }
                tasks.add(pool.submit(() -> {
                    EntityAccumulator own = kinds.get();
                    ExportSource.FileRead read = source.read(index, budget, (segment, item) -> {
                        own.add(item);
                        long n = items.incrementAndGet();
                        if (n % PROGRESS_EVERY == 0) {
                            report(progress, n, expected, filesDone.get(), files);
                        }
                    }, stop);
                    records.addAndGet(read.records());
                    synchronized (byFile) {
                        byFile.set(index, own);
                    }
                    report(progress, items.get(), expected, filesDone.incrementAndGet(), files);
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                await(task, stop);
            }
        } finally {
            pool.shutdownNow();
        }
        if (cancel.isRequested()) {
            throw new CancelledException("reading the export was cancelled; nothing was stored");
        }
        if (wholeExport) {
            source.checkTotal(records.get());
        }
        EntityAccumulator total = kinds.get();
        synchronized (byFile) {
            byFile.stream().filter(Objects::nonNull).forEach(total::merge);
        }
        return total;
    }

    private static void await(Future<?> task, Cancellation stop) {
        try {
            task.get();
        } catch (ExecutionException e) {
            stop.cancel(); // the other files stop at their next record
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("reading an export file failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("reading the export was interrupted; nothing was stored");
        }
    }

    private static void report(ProgressListener progress, long items, long expected, long filesDone, int files) {
        synchronized (progress) {
            progress.onProgress(new Progress(items, expected == ALL ? 0 : expected, String.format(
                    "%,d items read, %d of %d data files done", items, filesDone, files)));
        }
    }
}
