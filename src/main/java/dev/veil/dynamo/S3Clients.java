package dev.veil.dynamo;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the S3 client that reads exports in place: the SDK's default credential and region
 * chains (as for DynamoDB, with the same profile and region options), or the location's own
 * endpoint (an S3-compatible server), addressed path-style since such servers rarely resolve
 * bucket subdomains.
 */
public final class S3Clients {

    private S3Clients() {
    }

    /**
     * A new client; the caller closes it.
     *
     * @param connection the DynamoDB connection settings, whose region and profile S3 shares
     *                   (its endpoint does not apply to S3)
     */
    public static S3Client create(ConnectionSettings connection, ExportLocation.S3 location) {
        Optional<URI> endpoint = location.endpoint();
        ConnectionSettings s3 = new ConnectionSettings(endpoint, connection.region(), connection.profile());
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(120)))
                .credentialsProvider(DynamoClients.credentials(s3))
                .region(DynamoClients.region(s3));
        endpoint.ifPresent(e -> builder.endpointOverride(e).forcePathStyle(true));
        return builder.build();
    }
}
