package dev.veil.dynamo;

import dev.veil.model.Setting;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds SDK v2 DynamoDB clients from {@link ConnectionSettings}: the URL-connection HTTP
 * client, the {@link RetryPolicy} (many attempts, jittered backoff, adaptive rate, bounded
 * timeouts), and defaults that make a local
 * endpoint work out of the box (region {@code us-east-1} and placeholder credentials when
 * none are configured). A loopback endpoint never consults EC2/container metadata, so a
 * laptop without AWS setup neither waits on nor contacts it.
 */
public final class DynamoClients {

    /** Region used with an endpoint override when none is configured. */
    public static final Region LOCAL_DEFAULT_REGION = Region.US_EAST_1;

    private static final AwsBasicCredentials PLACEHOLDER =
            AwsBasicCredentials.create("veil-local", "veil-local-secret");

    private DynamoClients() {
    }

    /**
     * A new client; the caller closes it.
     *
     * @throws DynamoAccessException of kind INVALID when no region is configured for AWS
     */
    public static DynamoDbClient create(ConnectionSettings settings) {
        var builder = DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(RetryPolicy.CONNECT_TIMEOUT)
                        .socketTimeout(RetryPolicy.SOCKET_TIMEOUT))
                .overrideConfiguration(RetryPolicy::configure)
                .credentialsProvider(credentials(settings))
                .region(region(settings));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** How a client's endpoint is named in messages: its override URL, or "AWS DynamoDB (region)". */
    public static String describe(DynamoDbClient client) {
        var config = client.serviceClientConfiguration();
        return config.endpointOverride().map(URI::toString)
                .orElseGet(() -> "AWS DynamoDB (" + config.region() + ")");
    }

    static AwsCredentialsProvider credentials(ConnectionSettings settings) {
        if (settings.endpoint().isEmpty()) {
            return defaultChain(settings.profile());
        }
        List<AwsCredentialsProvider> providers = new ArrayList<>();
        if (isLoopback(settings.endpoint().get())) {
            providers.add(SystemPropertyCredentialsProvider.create());
            providers.add(EnvironmentVariableCredentialsProvider.create());
            providers.add(settings.profile().map(ProfileCredentialsProvider::create)
                    .orElseGet(ProfileCredentialsProvider::create));
        } else {
            providers.add(defaultChain(settings.profile()));
        }
        providers.add(StaticCredentialsProvider.create(PLACEHOLDER));
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(providers)
                .reuseLastProviderEnabled(true)
                .build();
    }

    static Region region(ConnectionSettings settings) {
        if (settings.region().isPresent()) {
            return Region.of(settings.region().get());
        }
        if (settings.endpoint().isPresent()) {
            return configuredRegion(settings.profile()).orElse(LOCAL_DEFAULT_REGION);
        }
        try {
            return DefaultAwsRegionProviderChain.builder()
                    .profileName(settings.profile().orElse(null)).build().getRegion();
        } catch (SdkClientException e) {
            throw new DynamoAccessException(DynamoAccessException.Kind.INVALID,
                    "No AWS region is configured: set the region, or add a region to your AWS profile "
                            + "(~/.aws/config).",
                    settings.describe(), Optional.empty(), e, EnumSet.of(Setting.REGION));
        }
    }

    /** The region from system properties, environment or profile file; never from instance metadata. */
    private static Optional<Region> configuredRegion(Optional<String> profile) {
        AwsRegionProvider chain = new AwsRegionProviderChain(new SystemSettingsRegionProvider(),
                profile.map(p -> new AwsProfileRegionProvider(ProfileFile::defaultProfileFile, p)).orElseGet(AwsProfileRegionProvider::new));
        try {
            return Optional.ofNullable(chain.getRegion());
        } catch (SdkClientException e) {
            return Optional.empty();
        }
    }

    private static AwsCredentialsProvider defaultChain(Optional<String> profile) {
        var builder = DefaultCredentialsProvider.builder();
        profile.ifPresent(builder::profileName);
        return builder.build();
    }

    static boolean isLoopback(URI endpoint) {
        String host = endpoint.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses: resolving a name here could block on DNS.
        if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
