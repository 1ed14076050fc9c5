package dev.veil.workspace;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One stored sampling run: which table, when it was sampled, how many items, from where, and the
 * settings it ran with ({@code items=500}, {@code segments=8}...). Its profile is read with
 * {@link Workspace#profile(long)}.
 *
 * @param id           the run's number in this workspace, increasing in storing order
 * @param table        the table (or, for an export, the profile's name)
 * @param sampledAt    when the run finished, as the profile says
 * @param itemsSampled how many items were read
 * @param source       {@code "table"} or {@code "export:<dir>"}
 * @param settings     the settings the run used, sorted by name
 */
public record SampleRun(long id, String table, Instant sampledAt, long itemsSampled, String source,
                        Map<String, String> settings) {
    public SampleRun {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(sampledAt, "sampledAt");
        Objects.requireNonNull(source, "source");
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    }
}
