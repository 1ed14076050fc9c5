package dev.veil.drift;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One table a report covers, with what the audit compared.
 *
 * @param table         the table
 * @param policyVersion the published policy version audited against; empty when none exists
 * @param policyFile    the file of that version, when known; empty without a published policy
 * @param itemsSampled  items in the audited sample; empty when the table was never sampled
 * @param sampledAt     when that sample was taken
 */
public record AuditedTable(String table, Optional<Integer> policyVersion, Optional<Path> policyFile,
                           Optional<Long> itemsSampled, Optional<Instant> sampledAt) {
    public AuditedTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(policyVersion, "policyVersion");
        Objects.requireNonNull(policyFile, "policyFile");
        Objects.requireNonNull(itemsSampled, "itemsSampled");
        Objects.requireNonNull(sampledAt, "sampledAt");
    }

    static AuditedTable of(TableAuditInput in) {
        return new AuditedTable(in.table(), in.policy().map(p -> p.version()), in.policy().flatMap(p -> in.policyFile()),
                in.latestProfile().map(p -> p.itemsSampled()), in.latestProfile().map(p -> p.sampledAt()));
    }
}
