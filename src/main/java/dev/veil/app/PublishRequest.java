package dev.veil.app;

import java.util.Objects;
import java.util.Optional;

/**
 * What a steward asks of publishing.
 *
 * @param owner         the owner attribute in path syntax; empty to carry over the previous version's
 * @param allowWidening write the version even when it widens exposure against the latest one
 *                      (a reviewer has approved it); otherwise such a version is refused
 * @param by            who publishes, recorded in the version's {@code published} block
 * @param note          why, recorded there too; empty when none was given
 */
public record PublishRequest(Optional<String> owner, boolean allowWidening, String by, String note) {
    public PublishRequest {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(note, "note");
        if (by.isBlank()) {
            throw VeilException.badInput("the publisher's name is empty; name who publishes the version");
        }
    }

    /** Publishing by the operating-system user, without a note, refusing a widening version. */
    public static PublishRequest of(Optional<String> owner) {
        return new PublishRequest(owner, false, Reviewing.defaultReviewer(), "");
    }
}
