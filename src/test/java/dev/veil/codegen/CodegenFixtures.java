package dev.veil.codegen;

import dev.veil.model.Classification;
import dev.veil.model.DecisionSource;
import dev.veil.model.DynamoType;
import dev.veil.model.IndexInfo;
import dev.veil.model.KeySchema;
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

    /**
     * The users table of {@link #users()} keyed by user_id, with an index of each kind IAM treats
     * differently: keys only, one that includes an owner-only attribute, one of everything, and a
     * local one sharing the partition key.
     */
    static TableShape usersShape() {
        KeySchema.KeyAttribute userId = new KeySchema.KeyAttribute("user_id", DynamoType.S);
        KeySchema.KeyAttribute username = new KeySchema.KeyAttribute("username", DynamoType.S);
        return new TableShape(new KeySchema(userId, Optional.empty()), List.of(
                new IndexInfo("by_username", IndexInfo.Kind.GLOBAL, new KeySchema(username, Optional.empty()),
                        IndexInfo.Projection.KEYS_ONLY, List.of()),
                new IndexInfo("by_username_with_email", IndexInfo.Kind.GLOBAL, new KeySchema(username, Optional.empty()),
                        IndexInfo.Projection.INCLUDE, List.of("email")),
                new IndexInfo("everything", IndexInfo.Kind.GLOBAL, new KeySchema(username, Optional.empty()),
                        IndexInfo.Projection.ALL, List.of()),
                new IndexInfo("mine_by_name", IndexInfo.Kind.LOCAL, new KeySchema(userId, Optional.of(username)),
                        IndexInfo.Projection.INCLUDE, List.of("email", "tags"))));
    }

    /** The users shape for the users policy; otherwise a table keyed by the owner attribute (or id). */
    static TableShape shapeOf(Policy policy) {
        if (policy.table().equals("users")) {
            return usersShape();
        }
        return new TableShape(new KeySchema(new KeySchema.KeyAttribute(policy.owner().orElse("id"), DynamoType.S),
                Optional.empty()), List.of());
    }

    static PolicyRule leaf(Classification c, DynamoType... types) {
        return PolicyRule.leaf(c, List.of(types), Optional.of(REVIEW));
    }

    static Policy digested(Policy draft) {
        return draft.withDigest(PolicyDigest.compute(draft));
    }
}
