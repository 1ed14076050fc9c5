package dev.veil.ui.connect;

import dev.veil.app.VeilSettings;
import dev.veil.ui.state.RecentConnection;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** What the steward asked to connect to on the Connect screen. */
public sealed interface ConnectionRequest {

    /** AWS itself, through a profile (empty: the SDK's default chain) and a region (empty: the profile's). */
    record Aws(Optional<String> profile, Optional<String> region) implements ConnectionRequest {
        public Aws {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(region, "region");
        }
    }

    /** A DynamoDB-compatible endpoint such as a local dynalite. */
    record Endpoint(URI endpoint, Optional<String> region) implements ConnectionRequest {
        public Endpoint {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(region, "region");
        }
    }

    /** The bundled demo: a local DynamoDB seeded with demo tables. */
    record Demo() implements ConnectionRequest {
    }

    /**
     * The settings to use for this request, keeping the workspace and policy store of {@code base}.
     * The demo keeps {@code base} as is: starting the local DynamoDB decides its endpoint.
     */
    default VeilSettings applyTo(VeilSettings base) {
        if (this instanceof Aws a) {
            return new VeilSettings(Optional.empty(), a.region(), a.profile(), base.workspace(), base.policies());
        }
        if (this instanceof Endpoint e) {
            return new VeilSettings(Optional.of(e.endpoint()), e.region(), Optional.empty(), base.workspace(),
                    base.policies());
        }
        return base;
    }

    /** What to remember of this request in the recent list; nothing for the demo. */
    default Optional<RecentConnection> toRecent() {
        if (this instanceof Aws a) {
            return Optional.of(RecentConnection.aws(a.profile(), a.region()));
        }
        if (this instanceof Endpoint e) {
            return Optional.of(RecentConnection.endpoint(e.endpoint(), e.region()));
        }
        return Optional.empty();
    }
}
