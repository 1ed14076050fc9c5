package dev.veil.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    private static final Map<String, String> ENV = Map.of(ConnectionSettings.ENDPOINT_ENV, "http://127.0.0.1:9999");

    @Test
    void explicitEndpointWinsOverTheEnvironment() {
        var settings = ConnectionSettings.resolve(Optional.of("http://localhost:8000"), Optional.empty(),
                Optional.empty(), ENV);

        assertThat(settings.endpoint()).contains(URI.create("http://localhost:8000"));
    }

    @Test
    void environmentEndpointIsUsedWhenNoneIsGiven() {
        var settings = ConnectionSettings.resolve(Optional.empty(), Optional.empty(), Optional.empty(), ENV);

        assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:9999"));
    }

    @Test
    void withoutExplicitOrEnvironmentEndpointAwsIsUsed() {
        var settings = ConnectionSettings.resolve(Optional.empty(), Optional.of("eu-west-1"), Optional.of("dev"),
                Map.of());

        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.region()).contains("eu-west-1");
        assertThat(settings.profile()).contains("dev");
        assertThat(settings.describe()).isEqualTo("AWS DynamoDB (eu-west-1)");
    }

    @Test
    void blankValuesCountAsAbsent() {
        var settings = ConnectionSettings.resolve(Optional.of("  "), Optional.of(""), Optional.of(" "),
                Map.of(ConnectionSettings.ENDPOINT_ENV, ""));

        assertThat(settings).isEqualTo(ConnectionSettings.defaults());
    }

    @Test
    void invalidEndpointMessageNamesWhereItCameFrom() {
        assertThatThrownBy(() -> ConnectionSettings.resolve(Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(ConnectionSettings.ENDPOINT_ENV, "localhost:8000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("localhost:8000")
                .hasMessageContaining(ConnectionSettings.ENDPOINT_ENV)
                .hasMessageContaining("http://");
    }
}
