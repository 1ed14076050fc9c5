package dev.veil.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.Policy;
import dev.veil.model.Publication;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code published} block of a policy file, and the store's refusal of unapproved widening. */
class PublicationRecordTest {

    private static final Publication ANA = new Publication("ana", Instant.parse("2026-11-02T10:00:00Z"), "REV-7");

    @Test
    void thePublishedBlockRoundTripsThroughTheFile() {
        Policy p = Fixtures.users().withPublication(ANA);
        String text = PolicyJson.write(p);
        assertThat(text).contains("\"published\": {\n    \"at\": \"2026-11-02T10:00:00Z\",\n    \"by\": \"ana\",\n    \"note\": \"REV-7\"\n  },");
        assertThat(PolicyJson.parse(text, "v1.json").published()).contains(ANA);
    }

    @Test
    void theDigestCoversThePublishedBlock() {
        assertThat(PolicyDigest.compute(Fixtures.users().withPublication(ANA)))
                .isNotEqualTo(PolicyDigest.compute(Fixtures.users()))
                .isNotEqualTo(PolicyDigest.compute(Fixtures.users().withPublication(
                        new Publication("ana", ANA.at(), "changed note"))));
    }

    @Test
    void aFileWithoutAPublishedBlockStaysValid() {
        Policy read = PolicyJson.parse(Fixtures.resource("golden/users-v1.json"), "users-v1.json");
        assertThat(read.published()).isEmpty();
    }

    @Test
    void anUnknownKeyInThePublishedBlockIsAProblemAtItsLine() {
        String text = PolicyJson.write(Fixtures.users().withPublication(ANA))
                .replace("\"by\": \"ana\",", "\"by\": \"ana\",\n    \"approver\": \"bob\",");
        PolicyDocument.Checked c = PolicyDocument.check(text, false);
        assertThat(c.ok()).isFalse();
        assertThat(c.issues().get(0).message()).contains("unknown key \"approver\"");
        assertThat(c.issues().get(0).hint()).contains("at, by, note");
    }

    @Test
    void theStoreRefusesAWideningVersionUnlessAllowed(@TempDir Path dir) {
        PolicyStore store = new PolicyStore(dir);
        store.publish(Fixtures.users().withPublication(ANA));
        Policy wider = Fixtures.withRule(Fixtures.users(), "password_hash",
                Fixtures.rule(Classification.PUBLIC, DynamoType.S)).withPublication(ANA);

        PublishResult refused = store.publish(wider, false);

        assertThat(refused).isInstanceOfSatisfying(PublishResult.Refused.class, r -> {
            assertThat(r.latestVersion()).isEqualTo(1);
            assertThat(r.widening()).extracting(ch -> ch.path().toString()).containsExactly("password_hash");
        });
        assertThat(store.versions("users")).containsExactly(1);
        assertThat(store.publish(wider, true)).isInstanceOf(PublishResult.Written.class);
        assertThat(store.latest("users").flatMap(Policy::published)).contains(ANA);
    }

    @Test
    void aPublishedBlockAloneIsNoChange(@TempDir Path dir) {
        PolicyStore store = new PolicyStore(dir);
        store.publish(Fixtures.users().withPublication(ANA));
        Publication later = new Publication("bob", ANA.at().plusSeconds(60), "again");
        assertThat(store.publish(Fixtures.users().withPublication(later), false))
                .isEqualTo(new PublishResult.Unchanged(1));
        assertThat(Optional.of(store.read("users", 1)).flatMap(Policy::published)).contains(ANA);
    }
}
