package dev.veil.policy;

import dev.veil.model.Policy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** What {@link PolicyStore#publish} did: wrote a new version, found nothing to publish, or refused a widening one. */
public sealed interface PublishResult {

    /** A new version was written to {@code file}. */
    record Written(Policy policy, Path file) implements PublishResult {
        public Written {
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(file, "file");
        }
    }

    /** The draft equals the latest version (review times aside): no version was written. */
    record Unchanged(int latestVersion) implements PublishResult {
    }

    /** The draft widens exposure against the latest version and widening was not allowed: nothing was written. */
    record Refused(int latestVersion, List<PolicyChange> widening) implements PublishResult {
        public Refused {
            widening = List.copyOf(widening);
        }
    }
}
