package dev.veil.app;

import dev.veil.drift.Waiver;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A waiver written to the policy store.
 *
 * @param waiver   the waiver as stored
 * @param replaced the earlier waiver of the same finding it renews, if there was one
 * @param file     the {@code waivers.json} written
 */
public record WaiveOutcome(Waiver waiver, Optional<Waiver> replaced, Path file) {
}
