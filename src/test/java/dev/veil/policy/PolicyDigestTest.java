package dev.veil.policy;

import dev.veil.model.Classification;
import dev.veil.model.DecisionSource;
import dev.veil.model.DynamoType;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.Review;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDigestTest {
    private static final String GOLDEN = "sha256:a356683e3e0c12f09b36d6a587c72cda05f29d675c2ab71daa6891fe81ffab6c";

    @Test
    void theDigestOfTheGoldenPolicyIsStable() {
        // Computed once, and independently by Python (PolicyJsonTest); changing it breaks every published chain.
        assertThat(PolicyDigest.compute(Fixtures.users())).isEqualTo(GOLDEN);
    }

    @Test
    void theDigestIsSha256InLowercaseHex() {
        assertThat(PolicyDigest.compute(Fixtures.users())).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void aStoredDigestDoesNotAffectTheComputedOne() {
        assertThat(PolicyDigest.compute(Fixtures.users().withDigest("sha256:" + "0".repeat(64)))).isEqualTo(GOLDEN);
    }

    @Test
    void theOrderRulesWereAddedInDoesNotMatter() {
        Policy p = Fixtures.users();
        Map<String, PolicyRule> reversed = new TreeMap<>(java.util.Comparator.reverseOrder());
        reversed.putAll(p.attributes());
        Policy q = Policy.draft("users", 1, Optional.empty(), Optional.of("user_id"), reversed);
        assertThat(PolicyDigest.compute(q)).isEqualTo(GOLDEN);
    }

    @Test
    void everyPartOfThePolicyIsCovered() {
        Policy p = Fixtures.users();
        PolicyRule email = p.attributes().get("email");
        List<Policy> variants = List.of(
                Fixtures.withRule(p, "email", Fixtures.rule(Classification.PUBLIC, "alice", "personal data", DynamoType.S)),
                Fixtures.withRule(p, "email", Fixtures.rule(Classification.OWNER_ONLY, "alice", "personal data.", DynamoType.S)),
                Fixtures.withRule(p, "email", Fixtures.rule(Classification.OWNER_ONLY, "alicia", "personal data", DynamoType.S)),
                Fixtures.withRule(p, "email", Fixtures.rule(Classification.OWNER_ONLY, "alice", "personal data", DynamoType.S, DynamoType.NULL)),
                Fixtures.withRule(p, "email", PolicyRule.leaf(Classification.OWNER_ONLY, email.types(), Optional.of(
                        new Review("alice", Instant.parse("2024-05-01T09:30:01Z"), "personal data", DecisionSource.MANUAL)))),
                Fixtures.withRule(p, "email", PolicyRule.leaf(Classification.OWNER_ONLY, email.types(), Optional.of(
                        new Review("alice", Fixtures.T0, "personal data", DecisionSource.ACCEPTED_SUGGESTION)))),
                Fixtures.withOwner(p, Optional.empty()),
                new Policy("users", 2, Optional.of(GOLDEN), p.owner(), p.attributes(), Optional.empty()),
                new Policy("users2", 1, Optional.empty(), p.owner(), p.attributes(), Optional.empty()));
        assertThat(variants).extracting(PolicyDigest::compute).doesNotHaveDuplicates().doesNotContain(GOLDEN);
    }
}
