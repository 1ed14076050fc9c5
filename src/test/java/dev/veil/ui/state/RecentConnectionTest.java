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

    @Test
    void aSharedWorkspaceIsRememberedWithoutItsPassword() {
        RecentConnection c = RecentConnection.aws(Optional.empty(), Optional.of("eu-west-1"))
                .withPlaces(Optional.of("jdbc:postgresql://db:5432/veil?user=ana&password=hunter2&ssl=true"),
                        Optional.empty());
        assertThat(c.workspace()).contains("jdbc:postgresql://db:5432/veil?user=ana&ssl=true");
        assertThat(c.toString()).doesNotContain("hunter2");
    }

    @Test
    void theLabelNamesAChosenWorkspaceAndPolicyStore() {
        RecentConnection c = RecentConnection.endpoint(URI.create("http://localhost:8000"), Optional.of("us-east-1"))
                .withPlaces(Optional.of("/srv/ws"), Optional.of("/srv/policies"));
        assertThat(c.label()).isEqualTo("http://localhost:8000 · us-east-1 · workspace /srv/ws · policies /srv/policies");
    }
}
