package dev.veil.ui.connect;

import dev.veil.app.VeilSettings;
import dev.veil.ui.state.RecentConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What the steward asked to connect to on the Connect screen. */
public sealed interface ConnectionRequest {

    /**
     * The workspace (a folder or a shared database URL) and the policy store (a folder) the steward
     * chose for a connection; empty where the start-up settings stand.
     */
    record Places(Optional<String> workspace, Optional<String> policies) {
        public Places {
            Objects.requireNonNull(workspace, "workspace");
            Objects.requireNonNull(policies, "policies");
        }

        /** The start-up settings' workspace and policy store. */
        public static Places defaults() {
            return new Places(Optional.empty(), Optional.empty());
        }
    }

    /** AWS itself, through a profile (empty: the SDK's default chain) and a region (empty: the profile's). */
    record Aws(Optional<String> profile, Optional<String> region, Places places) implements ConnectionRequest {
        public Aws {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(places, "places");
        }

        public Aws(Optional<String> profile, Optional<String> region) {
            this(profile, region, Places.defaults());
        }
    }

    /** A DynamoDB-compatible endpoint such as a local dynalite. */
    record Endpoint(URI endpoint, Optional<String> region, Places places) implements ConnectionRequest {
        public Endpoint {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(places, "places");
        }

        public Endpoint(URI endpoint, Optional<String> region) {
            this(endpoint, region, Places.defaults());
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
        return applyTo(base, Map.of());
    }

    /**
     * The settings to use for this request: its workspace and policy store where the steward chose
     * them, else those of {@code base}; {@code env} supplies a shared workspace's password.
     */
    default VeilSettings applyTo(VeilSettings base, Map<String, String> env) {
        if (this instanceof Aws a) {
            VeilSettings s = base.withPlaces(a.places().workspace(), a.places().policies().map(Path::of), env);
            return new VeilSettings(Optional.empty(), a.region(), a.profile(), s.workspace(), s.policies());
        }
        if (this instanceof Endpoint e) {
            VeilSettings s = base.withPlaces(e.places().workspace(), e.places().policies().map(Path::of), env);
            return new VeilSettings(Optional.of(e.endpoint()), e.region(), Optional.empty(), s.workspace(),
                    s.policies());
        }
        return base;
    }

    /** What to remember of this request in the recent list, with its places; nothing for the demo. */
    default Optional<RecentConnection> toRecent() {
        if (this instanceof Aws a) {
            return Optional.of(RecentConnection.aws(a.profile(), a.region())
                    .withPlaces(a.places().workspace(), a.places().policies()));
        }
        if (this instanceof Endpoint e) {
            return Optional.of(RecentConnection.endpoint(e.endpoint(), e.region())
                    .withPlaces(e.places().workspace(), e.places().policies()));
        }
        return Optional.empty();
    }
}
