package dev.veil.ui.connect;

import java.util.Objects;
import java.util.Optional;

/** A profile named in the user's AWS config or credentials file, with its region if it sets one. */
public record AwsProfile(String name, Optional<String> region) {
    public AwsProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(region, "region");
    }

    @Override
    public String toString() {
        return region.map(r -> name + " (" + r + ")").orElse(name);
    }
}
