package dev.veil.app;

import dev.veil.model.TableInfo;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A table as the console's table list shows it: what DynamoDB says of it, plus Veil's badges.
 *
 * @param info           key schema, item count and indexes
 * @param policyVersion  latest published policy version, if any
 * @param unreviewed     sampled paths with no decision
 * @param lastSampled    when the table was last sampled, if ever
 * @param itemsSampled   items the latest sample read (0 when never sampled)
 */
public record TableOverview(TableInfo info, Optional<Integer> policyVersion, int unreviewed,
                            Optional<Instant> lastSampled, long itemsSampled) {
    /** Why an item count of 0 may not be true, for a tooltip or a footnote. */
    public static final String ITEM_COUNT_NOTE = "DynamoDB refreshes a table's item count about every six hours, "
            + "so a new or newly filled table may show 0; a sampled table shows at least the items its sample read.";

    public TableOverview {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(lastSampled, "lastSampled");
    }

    /** An overview whose sample size is unknown. */
    public TableOverview(TableInfo info, Optional<Integer> policyVersion, int unreviewed, Optional<Instant> lastSampled) {
        this(info, policyVersion, unreviewed, lastSampled, 0);
    }

    /** Sampled paths with no decision; empty for a table never sampled, where nobody could tell. */
    public OptionalInt unreviewedIfSampled() {
        return lastSampled.isPresent() ? OptionalInt.of(unreviewed) : OptionalInt.empty();
    }

    /**
     * The item count as far as it is true: DynamoDB's (refreshed about every six hours) when it
     * is above 0, else at least what the latest sample read, else "not counted yet".
     */
    public String itemsEstimate() {
        if (info.itemCount() > 0) {
            return String.format("%,d", info.itemCount());
        }
        if (itemsSampled > 0) {
            return String.format("≥ %,d (sampled)", itemsSampled);
        }
        return "not counted yet";
    }

    public String name() {
        return info.name();
    }
}
