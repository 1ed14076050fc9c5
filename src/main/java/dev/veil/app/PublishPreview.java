package dev.veil.app;

import dev.veil.model.Policy;
import dev.veil.policy.PolicyBuilder;
import dev.veil.policy.PolicyChange;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What publishing would do now: the draft of the next version, its changes against the latest
 * published one (each marked widening or not), and what the steward should know.
 *
 * @param draft    the next version, not yet digested
 * @param latest   the latest published version, if any
 * @param changes  differences from {@code latest} (every rule counts as added for version 1)
 * @param warnings decisions left out and owner doubts
 */
public record PublishPreview(Policy draft, Optional<Policy> latest, List<PolicyChange> changes, List<String> warnings) {
    public PublishPreview {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(latest, "latest");
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
    }

    /** True when publishing would write a new version. */
    public boolean changesAnything() {
        return latest.isEmpty() || !changes.isEmpty();
    }

    /** True when owner-only attributes are hidden from everyone for want of an owner attribute. */
    public boolean ownerMissing() {
        return warnings.contains(PolicyBuilder.OWNER_MISSING);
    }

    /** True when some change lets more requesters see something. */
    public boolean widens() {
        return changes.stream().anyMatch(PolicyChange::widening);
    }
}
