package dev.veil.app;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where Veil reads and writes: the DynamoDB connection, the workspace directory and the policy
 * store. {@link #resolve} applies the fallbacks of DESIGN.md: an explicit option, else the
 * environment ({@code AWS_ENDPOINT_URL_DYNAMODB}, {@code VEIL_WORKSPACE}, {@code VEIL_POLICIES}),
 * else the defaults (AWS itself, {@code ~/.veil}, {@code ./policies}).
 */
public record VeilSettings(Optional<URI> endpoint, Optional<String> region, Optional<String> profile,
                           Path workspace, Path policies) {

    public VeilSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(policies, "policies");
    }

    /** Options as the user gave them; empty where not given. */
    public record Options(Optional<String> endpoint, Optional<String> region, Optional<String> profile,
                          Optional<Path> workspace, Optional<Path> policies) {
        public static Options none() {
            return new Options(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** Applies explicit options, then the environment, then the defaults. */
    public static VeilSettings resolve(Options options, Map<String, String> env) {
        Optional<URI> endpoint = options.endpoint().or(() -> nonBlank(env.get("AWS_ENDPOINT_URL_DYNAMODB")))
                .map(VeilSettings::parseEndpoint);
        Path workspace = options.workspace().or(() -> nonBlank(env.get("VEIL_WORKSPACE")).map(Path::of))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".veil"));
        Path policies = options.policies().or(() -> nonBlank(env.get("VEIL_POLICIES")).map(Path::of))
                .orElseGet(() -> Path.of("policies"));
        return new VeilSettings(endpoint, options.region().or(() -> nonBlank(env.get("AWS_REGION"))),
                options.profile(), workspace.toAbsolutePath().normalize(), policies.toAbsolutePath().normalize());
    }

    /** A copy using another workspace directory. */
    public VeilSettings withWorkspace(Path newWorkspace) {
        return new VeilSettings(endpoint, region, profile, newWorkspace.toAbsolutePath().normalize(), policies);
    }

    /** A copy pointing at another endpoint (the demo's local DynamoDB). */
    public VeilSettings withEndpoint(URI newEndpoint) {
        return new VeilSettings(Optional.of(newEndpoint), region, profile, workspace, policies);
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }

    private static URI parseEndpoint(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw VeilException.badInput("endpoint '" + text + "' is not an http(s) URL; "
                        + "write it like http://localhost:8000 or https://dynamodb.eu-west-1.amazonaws.com");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw VeilException.badInput("endpoint '" + text + "' is not a URL (" + e.getReason()
                    + "); write it like http://localhost:8000");
        }
    }
}
