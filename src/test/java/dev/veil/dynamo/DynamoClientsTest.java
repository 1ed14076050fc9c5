package dev.veil.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.util.Optional;

import dev.veil.demo.LocalDynamo;
import dev.veil.testing.LocalDynamoExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(LocalDynamoExtension.class)
class DynamoClientsTest {

    @Test
    void clientForALocalEndpointWorksWithoutAnyAwsSetup(LocalDynamo local) {
        try (DynamoDbClient client = DynamoClients.create(ConnectionSettings.forEndpoint(local.endpoint()))) {
            assertThat(client.listTables().sdkHttpResponse().isSuccessful()).isTrue();
            assertThat(DynamoClients.describe(client)).isEqualTo(local.endpoint().toString());
        }
    }

    @Test
    void regionDefaultsToUsEast1WithAnEndpointAndNothingConfigured(LocalDynamo local) {
        assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null
                && System.getProperty("aws.region") == null, "a region is configured in this environment");

        assertThat(DynamoClients.region(ConnectionSettings.forEndpoint(local.endpoint())))
                .isEqualTo(Region.US_EAST_1);
    }

    @Test
    void explicitRegionIsKept() {
        var settings = new ConnectionSettings(Optional.of(URI.create("http://127.0.0.1:1")), Optional.of("eu-west-3"),
                Optional.empty());

        assertThat(DynamoClients.region(settings)).isEqualTo(Region.EU_WEST_3);
    }

    @Test
    void onlyLiteralLoopbackHostsCountAsLocal() {
        assertThat(DynamoClients.isLoopback(URI.create("http://127.0.0.1:8000"))).isTrue();
        assertThat(DynamoClients.isLoopback(URI.create("http://localhost:8000"))).isTrue();
        assertThat(DynamoClients.isLoopback(URI.create("http://[::1]:8000"))).isTrue();
        assertThat(DynamoClients.isLoopback(URI.create("https://dynamodb.eu-west-1.amazonaws.com"))).isFalse();
        assertThat(DynamoClients.isLoopback(URI.create("http://192.0.2.10:8000"))).isFalse();
    }
}
