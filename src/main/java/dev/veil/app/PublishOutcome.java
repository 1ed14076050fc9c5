package dev.veil.app;

import dev.veil.model.Policy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The result of publishing: a new version written to the store, or nothing written because the
 * decisions are those of the latest version. Either way, what was compared and warned about.
 */
public sealed interface PublishOutcome {

    /** What was compared and warned about. */
    PublishPreview preview();

    /** The latest version after publishing. */
    int latestVersion();

    /** The warnings of the preview, each said once. */
    default List<String> warnings() {
        return preview().warnings();
    }

    /** The version written, when one was. */
    default Optional<Published> published() {
        return this instanceof Published p ? Optional.of(p) : Optional.empty();
    }

    /** A version written to the store, and its file. */
    record Published(Policy policy, Path file, PublishPreview preview) implements PublishOutcome {
        @Override
        public int latestVersion() {
            return policy.version();
        }
    }

    /** Nothing written: the latest version already holds these decisions. */
    record Unchanged(int latestVersion, PublishPreview preview) implements PublishOutcome {
    }
}
