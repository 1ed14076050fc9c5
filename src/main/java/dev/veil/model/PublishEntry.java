package dev.veil.model;

import java.util.Objects;

/**
 * One publishing in the audit log: a policy version written to a store, by whom, when and why,
 * and how many of its changes widened exposure.
 *
 * @param sequence        position in the workspace's log of publishings
 * @param table           the table
 * @param version         the version written
 * @param digest          its digest
 * @param publication     who published it, when and why (as the file records)
 * @param wideningChanges how many changes against the version before widened exposure
 * @param store           the policy store it was written to, as the publisher named it
 */
public record PublishEntry(long sequence, String table, int version, String digest, Publication publication,
                           int wideningChanges, String store) {
    public PublishEntry {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(publication, "publication");
        Objects.requireNonNull(store, "store");
    }
}
