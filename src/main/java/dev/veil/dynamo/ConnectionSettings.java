package dev.veil.dynamo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom Veil talks to DynamoDB. Every part is optional: an absent endpoint means
 * the AWS endpoint of the region, an absent region or profile means the SDK's default lookup.
 * Build it with {@link #resolve} so the documented fallback applies: an explicit value, else
 * {@code AWS_ENDPOINT_URL_DYNAMODB}, else AWS.
 */
public record ConnectionSettings(Optional<URI> endpoint, Optional<String> region, Optional<String> profile) {

    /** Environment variable naming a DynamoDB endpoint when none is given explicitly. */
    public static final String ENDPOINT_ENV = "AWS_ENDPOINT_URL_DYNAMODB";

    public ConnectionSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(profile, "profile");
    }

    /** The AWS defaults: no endpoint override, default region and profile. */
    public static ConnectionSettings defaults() {
        return new ConnectionSettings(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A local or custom endpoint with the default region and profile. */
    public static ConnectionSettings forEndpoint(URI endpoint) {
        return new ConnectionSettings(Optional.of(endpoint), Optional.empty(), Optional.empty());
    }

    /**
     * Applies the fallback with the process environment: the explicit endpoint, else
     * {@code AWS_ENDPOINT_URL_DYNAMODB}, else none (AWS).
     */
    public static ConnectionSettings resolve(Optional<String> endpoint, Optional<String> region,
                                             Optional<String> profile) {
        return resolve(endpoint, region, profile, System.getenv());
    }

    /**
     * Applies the fallback with the given environment. Blank values count as absent.
     *
     * @throws IllegalArgumentException when the endpoint is not an absolute http(s) URL; the
     *                                  message names where the endpoint came from
     */
    public static ConnectionSettings resolve(Optional<String> endpoint, Optional<String> region,
                                             Optional<String> profile, Map<String, String> env) {
        Optional<String> explicit = nonBlank(endpoint);
        Optional<URI> uri = explicit.isPresent()
                ? Optional.of(parseEndpoint(explicit.get(), "the endpoint setting"))
                : nonBlank(Optional.ofNullable(env.get(ENDPOINT_ENV))).map(e -> parseEndpoint(e, ENDPOINT_ENV));
        return new ConnectionSettings(uri, nonBlank(region), nonBlank(profile));
    }

    /** A short description for messages: the endpoint, or "AWS (region)". */
    public String describe() {
        return endpoint.map(URI::toString)
                .orElseGet(() -> "AWS DynamoDB" + region.map(r -> " (" + r + ")").orElse(""));
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::strip).filter(s -> !s.isEmpty());
    }

    private static URI parseEndpoint(String text, String source) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException(badEndpoint(text, source));
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(badEndpoint(text, source), e);
        }
    }

    private static String badEndpoint(String text, String source) {
        return "Invalid DynamoDB endpoint '" + text + "' (from " + source
                + "): give an absolute URL such as http://127.0.0.1:8000";
    }
}
