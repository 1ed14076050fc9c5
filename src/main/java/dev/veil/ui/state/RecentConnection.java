package dev.veil.ui.state;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection the steward used before: an endpoint or an AWS profile, and a region. Never
 * credentials: an endpoint is remembered without user info, query or fragment.
 */
public record RecentConnection(Optional<String> endpoint, Optional<String> profile, Optional<String> region) {

    public RecentConnection {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(region, "region");
        endpoint = endpoint.map(RecentConnection::withoutSecrets);
    }

    /** A connection to AWS through a named profile (empty for the default chain). */
    public static RecentConnection aws(Optional<String> profile, Optional<String> region) {
        return new RecentConnection(Optional.empty(), profile, region);
    }

    /** A connection to a custom endpoint. */
    public static RecentConnection endpoint(URI endpoint, Optional<String> region) {
        return new RecentConnection(Optional.of(endpoint.toString()), Optional.empty(), region);
    }

    /** One line for a list: "profile prod · eu-west-1" or "http://localhost:8000 · us-east-1". */
    public String label() {
        String where = endpoint.orElseGet(() -> "profile " + profile.orElse("default"));
        return region.map(r -> where + " · " + r).orElse(where);
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
