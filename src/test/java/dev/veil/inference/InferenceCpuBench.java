package dev.veil.inference;

import dev.veil.inference.detect.ValueDetector;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.model.DynamoValue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Inference throughput in attribute values per CPU second of the measuring thread, for a machine
 * too busy for {@link DetectorCostBenchmark}'s wall-clock rates: the users-like items of
 * {@link InferenceBenchmark} (fresh ones, {@code ITEMS} of them, so that no value repeats more
 * than real data would) through a fresh {@link ProfileAccumulator}, best (and median) of {@code ROUNDS}, with
 * no detector, every shipped detector, and each shipped detector alone. Prints one line per
 * run. Run: {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * dev.veil.inference.InferenceCpuBench [ITEMS [ROUNDS [RUNS]]]}, where RUNS is a comma-separated
 * choice among {@code none}, {@code all} and detector ids (for a profiler).
 *
 * <p>Each run is measured twice. "pool" adds the same pre-built items every round: about 140 MB
 * of values, so every value is a cache miss, as no real caller has it. "pages" builds the items
 * again {@value #PAGE} at a time (about a DynamoDB page) and times only adding each page, as the
 * sampler hands over a page it has just parsed. "items" builds and adds one item at a time, as an
 * export reader does. A read of the thread's CPU clock is a system call costing about 1 µs on a
 * virtual machine, 3% of an item: each timed interval's share of it (the mean of back-to-back
 * reads, measured before each run) is subtracted.
 */
public final class InferenceCpuBench {

    private static final int PAGE = 500;

    private InferenceCpuBench() {
    }

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        // An optional third argument keeps only these runs (comma-separated: none, all or detector
        // ids), so that a profiler sees one of them.
        Set<String> only = args.length > 2 ? Set.of(args[2].split(",")) : null;
        int forks = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        if (forks > 1) {
            Forks.run(InferenceCpuBench.class, new String[] {args[0], args[1], args[2]}, forks);
            return;
        }
        Random random = new Random(42);
        List<Map<String, DynamoValue>> pool = new ArrayList<>(items);
        long values = 0;
        for (int i = 0; i < items; i++) {
            pool.add(InferenceBenchmark.UserItems.user(random, i));
            values += InferenceBenchmark.UserItems.countValues(pool.get(i));
        }
        Map<String, List<ValueDetector>> runs = new LinkedHashMap<>();
        runs.put("none", List.of());
        runs.put("all", ValueDetectors.standard());
        for (ValueDetector d : ValueDetectors.standard()) {
            runs.put(d.id(), List.of(d));
        }
        if (only != null) {
            runs.keySet().retainAll(only);
        }
        System.out.printf("%d items, %d attribute values; values per CPU second of one thread, best of %d rounds%n",
                items, values, rounds);
        // Warm-up: every run once, so that the JIT has seen every detector before anything is measured.
        for (List<ValueDetector> detectors : runs.values()) {
            rate(pool, values, detectors, 1);
            pagedRate(items, values, detectors, 1, PAGE);
            pagedRate(items, values, detectors, 1, 1);
        }
        Rate none = rate(pool, values, List.of(), rounds);
        Rate nonePaged = pagedRate(items, values, List.of(), rounds, PAGE);
        Rate noneItems = pagedRate(items, values, List.of(), rounds, 1);
        for (Map.Entry<String, List<ValueDetector>> run : runs.entrySet()) {
            boolean isNone = run.getKey().equals("none");
            print(run.getKey(), "pool ", isNone ? none : rate(pool, values, run.getValue(), rounds), none);
            print(run.getKey(), "pages", isNone ? nonePaged : pagedRate(items, values, run.getValue(), rounds, PAGE),
                    nonePaged);
            print(run.getKey(), "items", isNone ? noneItems : pagedRate(items, values, run.getValue(), rounds, 1),
                    noneItems);
        }
    }

    /**
     * A run's values per CPU second: its best round (the one the machine disturbed least: on a
     * shared virtual machine other tenants only ever slow a round down) and its median round.
     */
    private record Rate(double best, double median) {
        static Rate of(long values, long[] spentPerRound) {
            long[] sorted = spentPerRound.clone();
            java.util.Arrays.sort(sorted);
            return new Rate(values * 1e9 / sorted[0], values * 1e9 / sorted[sorted.length / 2]);
        }
    }

    private static void print(String run, String mode, Rate rate, Rate none) {
        System.out.printf("%-22s %s %6.2f M values/s (median round %5.2f)  %5.2fx of none  %7.1f ns per value over none%n",
                run, mode, rate.best() / 1e6, rate.median() / 1e6, rate.best() / none.best(),
                1e9 / rate.best() - 1e9 / none.best());
    }

    // The same items as the pool (same seed), built again pageSize at a time; only adding them is timed.
    private static Rate pagedRate(int items, long values, List<ValueDetector> detectors, int rounds, int pageSize) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] spent = new long[rounds];
        double clockRead = clockReadCost(threads);
        for (int r = 0; r < rounds; r++) {
            Random random = new Random(42);
            ProfileAccumulator accumulator = new ProfileAccumulator(detectors);
            long roundSpent = 0;
            long intervals = 0;
            for (int start = 0; start < items; start += pageSize) {
                List<Map<String, DynamoValue>> page = new ArrayList<>(pageSize);
                for (int i = start; i < Math.min(items, start + pageSize); i++) {
                    page.add(InferenceBenchmark.UserItems.user(random, i));
                }
                long begin = threads.getCurrentThreadCpuTime();
                for (Map<String, DynamoValue> item : page) {
                    accumulator.add(item);
                }
                roundSpent += threads.getCurrentThreadCpuTime() - begin;
                intervals++;
            }
            spent[r] = roundSpent - Math.round(intervals * clockRead);
        }
        return Rate.of(values, spent);
    }

    // What an empty interval between two reads of the thread's CPU clock measures, in ns.
    private static double clockReadCost(ThreadMXBean threads) {
        int reads = 20_000;
        long sum = 0;
        for (int i = 0; i < reads; i++) {
            long a = threads.getCurrentThreadCpuTime();
            sum += threads.getCurrentThreadCpuTime() - a;
        }
        return (double) sum / reads;
    }

    private static Rate rate(List<Map<String, DynamoValue>> pool, long values, List<ValueDetector> detectors,
                             int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] spent = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            ProfileAccumulator accumulator = new ProfileAccumulator(detectors);
            long start = threads.getCurrentThreadCpuTime();
            for (Map<String, DynamoValue> item : pool) {
                accumulator.add(item);
            }
            spent[r] = threads.getCurrentThreadCpuTime() - start;
        }
        return Rate.of(values, spent);
    }
}
