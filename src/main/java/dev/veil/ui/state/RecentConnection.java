package dev.veil.ui.state;

import dev.veil.app.VeilSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection the steward used before: an endpoint or an AWS profile, a region, and the workspace
 * and policy store chosen for it (empty: the defaults), so reconnecting reopens the same ones.
 * Never credentials: an endpoint is remembered without user info, query or fragment, a shared
 * workspace's URL without its password.
 */
public record RecentConnection(Optional<String> endpoint, Optional<String> profile, Optional<String> region,
                               Optional<String> workspace, Optional<String> policies) {

    public RecentConnection {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(region, "region");
        endpoint = endpoint.map(RecentConnection::withoutSecrets);
        // console.json written before workspaces were remembered has neither field.
        workspace = Objects.requireNonNullElse(workspace, Optional.<String>empty())
                .map(VeilSettings::rememberableWorkspace);
        policies = Objects.requireNonNullElse(policies, Optional.empty());
    }

    /** A connection remembered with the default workspace and policy store. */
    public RecentConnection(Optional<String> endpoint, Optional<String> profile, Optional<String> region) {
        this(endpoint, profile, region, Optional.empty(), Optional.empty());
    }

    /** This connection remembered with the workspace and policy store chosen for it. */
    public RecentConnection withPlaces(Optional<String> chosenWorkspace, Optional<String> chosenPolicies) {
        return new RecentConnection(endpoint, profile, region, chosenWorkspace, chosenPolicies);
    }

    /** True when both name the same DynamoDB: endpoint or profile, and region. */
    public boolean sameTarget(RecentConnection other) {
        return endpoint.equals(other.endpoint) && profile.equals(other.profile) && region.equals(other.region);
    }

    /** A connection to AWS through a named profile (empty for the default chain). */
    public static RecentConnection aws(Optional<String> profile, Optional<String> region) {
        return new RecentConnection(Optional.empty(), profile, region);
    }

    /** A connection to a custom endpoint. */
    public static RecentConnection endpoint(URI endpoint, Optional<String> region) {
        return new RecentConnection(Optional.of(endpoint.toString()), Optional.empty(), region);
    }

    /**
     * One line for a list: "profile prod · eu-west-1" or "http://localhost:8000 · us-east-1",
     * then the workspace and policy store where they are not the defaults.
     */
    public String label() {
        String where = endpoint.orElseGet(() -> "profile " + profile.orElse("default"));
        String line = region.map(r -> where + " · " + r).orElse(where);
        line += workspace.map(w -> " · workspace " + w).orElse("");
        return line + policies.map(p -> " · policies " + p).orElse("");
    }

    private static String withoutSecrets(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return text;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return text;
        }
    }
}
