package dev.veil.app;

import dev.veil.model.Policy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The result of publishing: the new version and its file, or the unchanged latest version.
 *
 * @param published the version written, with its file; empty when nothing changed
 * @param latestVersion the latest version after publishing
 * @param preview   what was compared and warned about
 */
public record PublishOutcome(Optional<Published> published, int latestVersion, PublishPreview preview) {

    /** A version written to the store. */
    public record Published(Policy policy, Path file) {
    }

    public List<String> warnings() {
        return preview.warnings();
    }
}
