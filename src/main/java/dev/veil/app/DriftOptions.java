package dev.veil.app;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which tables a drift audit covers and how it samples them.
 *
 * @param tables      the tables to audit; ignored when {@code all}
 * @param all         audit every table of the account
 * @param items       items to sample per table
 * @param maxAge      reuse a sampling run younger than this instead of sampling again
 * @param parallelism tables audited at once
 */
public record DriftOptions(List<String> tables, boolean all, int items, Optional<Duration> maxAge, int parallelism) {

    /** Tables audited at once unless told otherwise. */
    public static final int DEFAULT_PARALLELISM = 4;

    public DriftOptions {
        tables = List.copyOf(tables);
        if (!all && tables.isEmpty()) {
            throw VeilException.badInput(Input.TABLES, "name the tables to audit, or ask for all of them");
        }
        if (items < 1) {
            throw VeilException.badInput(Input.ITEMS, "the number of items to audit must be at least 1, was " + items);
        }
        Objects.requireNonNull(maxAge, "maxAge");
        if (parallelism < 1) {
            throw VeilException.badInput(Input.PARALLELISM, "the number of tables audited at once must be at least 1, was "
                    + parallelism);
        }
    }
}
