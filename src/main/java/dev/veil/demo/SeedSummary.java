package dev.veil.demo;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link DemoData#seed} wrote.
 *
 * @param itemsPerTable items written, by table name, in creation order
 * @param elapsed       how long creating and filling the tables took
 */
public record SeedSummary(Map<String, Integer> itemsPerTable, Duration elapsed) {
    public SeedSummary {
        itemsPerTable = Collections.unmodifiableMap(new LinkedHashMap<>(itemsPerTable));
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Items written across all tables. */
    public int totalItems() {
        return itemsPerTable.values().stream().mapToInt(Integer::intValue).sum();
    }
}
