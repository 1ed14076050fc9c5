package dev.veil.ui.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecentConnectionTest {

    @Test
    void anEndpointIsRememberedWithoutUserInfoOrQuery() {
        RecentConnection c = RecentConnection.endpoint(URI.create("https://key:secret@db.example.com:8443/x?token=abc"),
                Optional.of("eu-west-1"));
        assertThat(c.endpoint()).contains("https://db.example.com:8443/x");
        assertThat(c.toString()).doesNotContain("secret", "abc");
    }

    @Test
    void theLabelNamesTheProfileOrEndpointAndTheRegion() {
        assertThat(RecentConnection.aws(Optional.of("prod"), Optional.of("eu-west-1")).label())
                .isEqualTo("profile prod · eu-west-1");
        assertThat(RecentConnection.aws(Optional.empty(), Optional.empty()).label()).isEqualTo("profile default");
        assertThat(RecentConnection.endpoint(URI.create("http://localhost:8000"), Optional.of("us-east-1")).label())
                .isEqualTo("http://localhost:8000 · us-east-1");
    }
}
