package dev.veil.policy;

import dev.veil.model.DecisionSource;
import dev.veil.model.DynamoType;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.Review;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.veil.model.Classification.OWNER_ONLY;
import static dev.veil.model.Classification.PUBLIC;
import static dev.veil.model.Classification.SECRET;
import static dev.veil.policy.Fixtures.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyStoreTest {
    @TempDir
    Path root;

    private PolicyStore store() {
        return new PolicyStore(root);
    }

    private Policy publish(Policy draft) {
        PublishResult r = store().publish(draft);
        assertThat(r).isInstanceOf(PublishResult.Written.class);
        return ((PublishResult.Written) r).policy();
    }

    @Test
    void theFirstPublishWritesVersionOneWithoutPrevious() {
        PublishResult r = store().publish(Fixtures.users());
        assertThat(r).isInstanceOfSatisfying(PublishResult.Written.class, p -> {
            assertThat(p.file()).isEqualTo(root.resolve("users").resolve("v1.json"));
            assertThat(p.policy().version()).isEqualTo(1);
            assertThat(p.policy().previous()).isEmpty();
            assertThat(p.policy().digest()).contains(PolicyDigest.compute(p.policy()));
        });
        assertThat(store().versions("users")).containsExactly(1);
    }

    @Test
    void thePublishedFileIsTheCanonicalText() throws IOException {
        publish(Fixtures.users());
        assertThat(Files.readString(store().file("users", 1))).isEqualTo(Fixtures.resource("golden/users-v1.json"));
    }

    @Test
    void eachChangeGetsTheNextVersionChainedToTheOneBefore() {
        Policy v1 = publish(Fixtures.users());
        Policy v2 = publish(Fixtures.withRule(Fixtures.users(), "email", rule(PUBLIC, DynamoType.S)));
        Policy v3 = publish(Fixtures.withoutRule(Fixtures.users(), "orders"));
        assertThat(List.of(v1.version(), v2.version(), v3.version())).containsExactly(1, 2, 3);
        assertThat(v2.previous()).isEqualTo(v1.digest());
        assertThat(v3.previous()).isEqualTo(v2.digest());
        assertThat(store().versions("users")).containsExactly(1, 2, 3);
        assertThat(store().history("users")).containsExactly(v1, v2, v3);
    }

    @Test
    void theDraftsOwnVersionPreviousAndDigestAreIgnored() {
        Policy v1 = publish(Fixtures.users());
        Policy odd = new Policy("users", 7, Optional.of("sha256:" + "1".repeat(64)), Optional.of("email"),
                Fixtures.users().attributes(), Optional.of("sha256:" + "2".repeat(64)));
        Policy v2 = publish(odd);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.previous()).isEqualTo(v1.digest());
        assertThat(v2.digest()).contains(PolicyDigest.compute(v2));
    }

    @Test
    void nothingChangedMeansNoNewVersion() {
        publish(Fixtures.users());
        assertThat(store().publish(Fixtures.users())).isEqualTo(new PublishResult.Unchanged(1));
        assertThat(store().versions("users")).containsExactly(1);
    }

    @Test
    void theSameDecisionsTakenAgainLaterAreNoChange() {
        publish(Fixtures.users());
        PolicyRule email = Fixtures.users().attributes().get("email");
        PolicyRule retagged = PolicyRule.leaf(OWNER_ONLY, email.types(),
                Optional.of(new Review("alice", Fixtures.T0.plusSeconds(86_400), "personal data", DecisionSource.MANUAL)));
        assertThat(store().publish(Fixtures.withRule(Fixtures.users(), "email", retagged)))
                .isEqualTo(new PublishResult.Unchanged(1));
    }

    @Test
    void theSameClassWithANewNoteIsAChange() {
        publish(Fixtures.users());
        Policy v2 = publish(Fixtures.withRule(Fixtures.users(), "email", rule(OWNER_ONLY, "alice", "GDPR", DynamoType.S)));
        assertThat(v2.version()).isEqualTo(2);
    }

    @Test
    void theSameClassFromAnotherReviewerOrSourceIsAChange() {
        publish(Fixtures.users());
        publish(Fixtures.withRule(Fixtures.users(), "email", rule(OWNER_ONLY, "carol", "personal data", DynamoType.S)));
        Policy v3 = publish(Fixtures.withRule(Fixtures.users(), "email", PolicyRule.leaf(OWNER_ONLY, List.of(DynamoType.S),
                Optional.of(new Review("carol", Fixtures.T0, "personal data", DecisionSource.ACCEPTED_SUGGESTION)))));
        assertThat(v3.version()).isEqualTo(3);
    }

    @Test
    void newlyObservedTypesAreAChange() {
        publish(Fixtures.users());
        assertThat(publish(Fixtures.withRule(Fixtures.users(), "email",
                rule(OWNER_ONLY, "alice", "personal data", DynamoType.NULL, DynamoType.S))).version()).isEqualTo(2);
    }

    @Test
    void anOwnerChangeIsAChange() {
        publish(Fixtures.users());
        assertThat(publish(Fixtures.withOwner(Fixtures.users(), Optional.of("email"))).version()).isEqualTo(2);
    }

    @Test
    void anEmptyFirstPolicyIsPublishedSinceItStatesThatEverythingIsSecret() {
        Policy v1 = publish(Policy.draft("users", 1, Optional.empty(), Optional.empty(), java.util.Map.of()));
        assertThat(v1.attributes()).isEmpty();
    }

    @Test
    void readingAVersionGivesWhatWasPublished() {
        Policy v1 = publish(Fixtures.users());
        publish(Fixtures.withRule(Fixtures.users(), "x", rule(SECRET)));
        assertThat(store().read("users", 1)).isEqualTo(v1);
        assertThat(store().latest("users")).map(Policy::version).contains(2);
    }

    @Test
    void aTableWithoutVersionsHasNoLatestAndNoVersions() {
        assertThat(store().latest("users")).isEmpty();
        assertThat(store().versions("users")).isEmpty();
        assertThat(store().tables()).isEmpty();
    }

    @Test
    void readingAMissingVersionSaysWhichVersionsExist() {
        publish(Fixtures.users());
        assertThatThrownBy(() -> store().read("users", 4)).isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("no policy version 4").hasMessageContaining("1 to 1");
    }

    @Test
    void tablesListsFoldersHoldingVersions() throws IOException {
        publish(Fixtures.users());
        publish(new Policy("orders", 1, Optional.empty(), Optional.empty(), new java.util.TreeMap<>(), Optional.empty()));
        Files.createDirectories(root.resolve("empty"));
        assertThat(store().tables()).containsExactly("orders", "users");
    }

    @Test
    void everyReadValidatesSoATamperedFileIsRefused() throws IOException {
        publish(Fixtures.users());
        Path f = store().file("users", 1);
        Files.writeString(f, Files.readString(f).replace("\"class\": \"secret\"", "\"class\": \"public\""));
        assertThatThrownBy(() -> store().latest("users")).isInstanceOfSatisfying(PolicyValidationException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(f);
                    assertThat(p.message()).contains("digest does not match");
                }));
    }

    @Test
    void aBrokenStoreIsNotExtended() throws IOException {
        publish(Fixtures.users());
        publish(Fixtures.withRule(Fixtures.users(), "x", rule(SECRET)));
        Files.delete(store().file("users", 1));
        assertThatThrownBy(() -> store().publish(Fixtures.withRule(Fixtures.users(), "y", rule(SECRET))))
                .isInstanceOf(PolicyValidationException.class).hasMessageContaining("version 1 is missing");
        assertThat(store().file("users", 3)).doesNotExist();
    }

    @Test
    void aDraftThatWouldBeAnInvalidFileIsRefusedBeforeWriting() {
        Policy bad = Fixtures.withRule(Fixtures.users(), "bad\uD800name", rule(PUBLIC));
        assertThatThrownBy(() -> store().publish(bad)).isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("lone surrogate");
        assertThat(store().versions("users")).isEmpty();
    }

    @Test
    void aTableNameThatCouldEscapeTheStoreIsRejected() {
        assertThatThrownBy(() -> store().versions("../etc")).isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("not a DynamoDB table name");
    }

    @Test
    void leftoverTemporaryFilesFromACrashAreRemovedOnTheNextPublish() throws IOException {
        publish(Fixtures.users());
        Path leftover = root.resolve("users").resolve(".v2.json.0123456789abcdef.tmp");
        Files.writeString(leftover, "{\"half");
        publish(Fixtures.withRule(Fixtures.users(), "x", rule(SECRET)));
        assertThat(leftover).doesNotExist();
        assertThat(PolicyValidator.validate(root)).isEmpty();
    }

    @Test
    void theStoreValidatesAfterManyPublishes() {
        for (int i = 0; i < 5; i++) {
            publish(Fixtures.withRule(Fixtures.users(), "n", rule(SECRET, "alice", "round " + i)));
        }
        assertThat(PolicyValidator.validate(root)).isEmpty();
        assertThat(store().versions("users")).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void theChangelogListsVersionsNewestFirstWithWideningChangesApart() throws IOException {
        publish(Fixtures.users());
        publish(Fixtures.withRule(Fixtures.withRule(Fixtures.users(), "email", rule(PUBLIC, "alice", "personal data", DynamoType.S)),
                "ssn", rule(SECRET, "bob", "")));
        String log = Files.readString(store().changelog("users"));
        assertThat(log).startsWith("# Policy changelog: `users`\n");
        assertThat(log.indexOf("## v2")).isLessThan(log.indexOf("## v1 (first version)"));
        assertThat(log).contains("""
                **Widens exposure**

                - `email`: owner-only → public, by alice: 'personal data'

                **Other changes**

                - `ssn`: added as secret, by bob
                """);
        assertThat(log).contains("- `password_hash`: added as secret, by bob (accepted suggestion): 'bcrypt hashes'");
        assertThat(log).contains("- owner: none → `user_id`");
    }

    @Test
    void aStaleChangelogIsRewrittenEvenWhenNothingIsPublished() throws IOException {
        publish(Fixtures.users());
        Path log = store().changelog("users");
        String fresh = Files.readString(log);
        Files.writeString(log, "stale");
        store().publish(Fixtures.users());
        assertThat(Files.readString(log)).isEqualTo(fresh);
    }

    @Test
    void theChangelogKeepsHostileTextInert() {
        Policy p = Fixtures.withRule(Fixtures.users(), "a`b", rule(PUBLIC, "<img src=x>", "*bold* [link](http://x)\nsecond line"));
        publish(p);
        String log = Changelog.render("users", store().history("users"));
        assertThat(log).contains("- ``\"a`b\"``: added as public, by &lt;img src=x&gt;: '\\*bold\\* \\[link\\](http://x) second line'");
    }

    @Test
    void diffingTwoStoredVersionsComparesThem() {
        publish(Fixtures.users());
        publish(Fixtures.withRule(Fixtures.users(), "email", rule(PUBLIC, DynamoType.S)));
        publish(Fixtures.withRule(Fixtures.users(), "email", rule(SECRET, DynamoType.S)));
        assertThat(store().diff("users", 1, 3)).singleElement().satisfies(c -> {
            assertThat(c.to()).contains("secret");
            assertThat(c.widening()).isFalse();
        });
    }

    @Test
    void concurrentPublishersTakeTurnsSoNoVersionIsLostOrOverwritten() throws Exception {
        int threads = 3;
        int each = 4;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        new PolicyStore(root).publish(Fixtures.withRule(Fixtures.users(), "n", rule(SECRET, "t" + id, "round " + i)));
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store().versions("users")).hasSize(threads * each)
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, threads * each).boxed().toList());
        assertThat(PolicyValidator.validate(root)).isEmpty();
    }
}
