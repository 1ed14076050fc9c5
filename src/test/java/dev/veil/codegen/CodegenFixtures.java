package dev.veil.codegen;

import dev.veil.model.Classification;
import dev.veil.model.DecisionSource;
import dev.veil.model.DynamoType;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.Review;
import dev.veil.policy.PolicyDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Policies the codegen tests share, built in code. */
final class CodegenFixtures {

    private CodegenFixtures() {
    }

    static final Review REVIEW = new Review("alice", Instant.parse("2026-11-01T09:00:00Z"), "", DecisionSource.MANUAL);

    /** The users policy of DESIGN.md: owner user_id, nested address and orders. */
    static Policy users() {
        Map<String, PolicyRule> a = new TreeMap<>();
        a.put("user_id", leaf(Classification.PUBLIC, DynamoType.S));
        a.put("username", leaf(Classification.PUBLIC, DynamoType.S));
        a.put("email", leaf(Classification.OWNER_ONLY, DynamoType.S));
        a.put("password_hash", leaf(Classification.SECRET, DynamoType.S));
        a.put("lifetime_points", leaf(Classification.OWNER_ONLY, DynamoType.N));
        a.put("address", leaf(Classification.OWNER_ONLY, DynamoType.M)
                .withFields(Map.of("city", leaf(Classification.PUBLIC, DynamoType.S))));
        PolicyRule orderItem = new PolicyRule(Optional.empty(), List.of(DynamoType.M),
                new TreeMap<>(Map.of("total", leaf(Classification.OWNER_ONLY, DynamoType.N),
                        "order_id", leaf(Classification.PUBLIC, DynamoType.S))), Optional.empty(), Optional.empty());
        a.put("orders", leaf(Classification.OWNER_ONLY, DynamoType.L).withItems(Optional.of(orderItem)));
        a.put("tags", leaf(Classification.PUBLIC, DynamoType.SS));
        return digested(Policy.draft("users", 3, Optional.of("sha256:" + "0".repeat(64)), Optional.of("user_id"), a));
    }

    static PolicyRule leaf(Classification c, DynamoType... types) {
        return PolicyRule.leaf(c, List.of(types), Optional.of(REVIEW));
    }

    static Policy digested(Policy draft) {
        return draft.withDigest(PolicyDigest.compute(draft));
    }
}
