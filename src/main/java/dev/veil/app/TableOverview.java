package dev.veil.app;

import dev.veil.model.TableInfo;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A table as the console's table list shows it: what DynamoDB says of it, plus Veil's badges.
 *
 * @param info           key schema, item count and indexes
 * @param policyVersion  latest published policy version, if any
 * @param unreviewed     sampled paths with no decision
 * @param lastSampled    when the table was last sampled, if ever
 */
public record TableOverview(TableInfo info, Optional<Integer> policyVersion, int unreviewed,
                            Optional<Instant> lastSampled) {
    public TableOverview {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(lastSampled, "lastSampled");
    }

    public String name() {
        return info.name();
    }
}
