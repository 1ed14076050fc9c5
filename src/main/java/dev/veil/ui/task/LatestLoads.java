package dev.veil.ui.task;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Loads keyed by what they read (a page, a table), where the latest load wins: each load takes a
 * generation when it starts, and its result is applied only while no load of the same key has
 * started since. Workers run loads side by side and finish in any order, so without this a load
 * started before a change could overwrite the rows read after it.
 *
 * <p>Use on the UI thread only, like {@link BackgroundTasks}.
 *
 * @param <K> what a load reads
 */
public final class LatestLoads<K> {
    private final BackgroundTasks tasks;
    private final Map<K, Long> newest = new HashMap<>();
    private long clock;

    public LatestLoads(BackgroundTasks tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /**
     * Runs {@code job} in the background as the newest load of {@code key}; {@code apply} gets its
     * value unless another load of {@code key} started meanwhile. Failures go to the default handler.
     */
    public <T> TaskHandle<T> submit(K key, String title, Job<T> job, Consumer<? super T> apply) {
        long generation = begin(key);
        return tasks.submit(title, job, value -> {
            if (isNewest(key, generation)) {
                apply.accept(value);
            }
        });
    }

    /** Like {@link #submit(Object, String, Job, Consumer)}; a failure of the newest load goes to {@code onFailure}. */
    public <T> TaskHandle<T> submit(K key, String title, Job<T> job, Consumer<? super T> apply,
                                    Consumer<? super Throwable> onFailure) {
        long generation = begin(key);
        return tasks.submit(title, job, value -> {
            if (isNewest(key, generation)) {
                apply.accept(value);
            }
        }, e -> {
            if (isNewest(key, generation)) {
                onFailure.accept(e);
            }
        });
    }

    /** Starts a load of {@code key} run by other means (one task reading many keys); returns its generation. */
    public long begin(K key) {
        long generation = ++clock;
        newest.put(key, generation);
        return generation;
    }

    /** True while no load of {@code key} started (or was {@linkplain #claim claimed}) after the one of {@code generation}. */
    public boolean isNewest(K key, long generation) {
        return newest.getOrDefault(key, 0L) <= generation;
    }

    /**
     * For a load of many keys at once: true if its result for {@code key} may be applied, and then
     * every load of {@code key} started before it counts as stale from now on.
     */
    public boolean claim(K key, long generation) {
        if (!isNewest(key, generation)) {
            return false;
        }
        newest.put(key, generation);
        return true;
    }
}
