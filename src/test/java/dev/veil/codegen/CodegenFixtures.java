package dev.veil.codegen;

import dev.veil.model.Classification;
import dev.veil.model.DecisionSource;
import dev.veil.model.DynamoType;
import dev.veil.model.EntityMatch;
import dev.veil.model.EntityPolicy;
import dev.veil.model.IndexInfo;
import dev.veil.model.KeySchema;
import dev.veil.model.OwnerRule;
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
     * A single-table design keyed by pk and sk: USER items told apart by a marker, ORDER and INVITE
     * items by the prefix of their sort key, AUDIT items by a marker and owned by nobody. USER and
     * ORDER items belong to the user their partition key names ({@code USER#{id}}), an INVITE to
     * its inviter ({@code inviter_id}, compared as it is).
     */
    static Policy appData() {
        Map<String, EntityPolicy> e = new TreeMap<>();
        Optional<OwnerRule> byPartition = Optional.of(new OwnerRule("pk", "USER#{id}"));
        Map<String, PolicyRule> user = keys();
        user.put("_et", leaf(Classification.PUBLIC, DynamoType.S));
        user.put("username", leaf(Classification.PUBLIC, DynamoType.S));
        user.put("email", leaf(Classification.OWNER_ONLY, DynamoType.S));
        user.put("password_hash", leaf(Classification.SECRET, DynamoType.S));
        user.put("address", leaf(Classification.OWNER_ONLY, DynamoType.M)
                .withFields(Map.of("city", leaf(Classification.PUBLIC, DynamoType.S))));
        e.put("USER", EntityPolicy.of(EntityMatch.equalTo("_et", "USER"), byPartition, user));
        Map<String, PolicyRule> order = keys();
        order.put("status", leaf(Classification.PUBLIC, DynamoType.S));
        order.put("total", leaf(Classification.OWNER_ONLY, DynamoType.N));
        order.put("card_token", leaf(Classification.SECRET, DynamoType.S));
        e.put("ORDER", EntityPolicy.of(EntityMatch.beginningWith("sk", "ORDER#"), byPartition, order));
        Map<String, PolicyRule> invite = keys();
        invite.put("inviter_id", leaf(Classification.PUBLIC, DynamoType.S));
        invite.put("email", leaf(Classification.OWNER_ONLY, DynamoType.S));
        invite.put("token", leaf(Classification.SECRET, DynamoType.S));
        e.put("INVITE", EntityPolicy.of(EntityMatch.beginningWith("sk", "INVITE#"),
                Optional.of(OwnerRule.plain("inviter_id")), invite));
        Map<String, PolicyRule> audit = keys();
        audit.put("action", leaf(Classification.PUBLIC, DynamoType.S));
        audit.put("ip", leaf(Classification.SECRET, DynamoType.S));
        e.put("AUDIT", EntityPolicy.of(EntityMatch.equalTo("_et", "AUDIT"), Optional.empty(), audit));
        return digested(Policy.draftOfEntities("app_data", 2, Optional.of("sha256:" + "1".repeat(64)), e));
    }

    /**
     * Names as long as real tables have and longer: a 120-character table, attribute, nested field,
     * entity, marker value and owner template, in a single-table design and in a table of one kind.
     */
    static List<Policy> longNames() {
        String table = "prod-eu-west-1-" + "customer-accounts-ledger-".repeat(4) + "events";
        String attribute = "customer_" + "preferred_contact_channel_".repeat(4) + "x";
        Map<String, PolicyRule> a = new TreeMap<>();
        a.put("pk", leaf(Classification.PUBLIC, DynamoType.S));
        a.put(attribute, leaf(Classification.PUBLIC, DynamoType.M)
                .withFields(Map.of(attribute + "_nested", leaf(Classification.OWNER_ONLY, DynamoType.S))));
        a.put(attribute + "_secret", leaf(Classification.SECRET, DynamoType.S));
        Map<String, EntityPolicy> e = new TreeMap<>();
        String entity = "CUSTOMER_" + "LEDGER_ENTRY_".repeat(8);
        e.put(entity, EntityPolicy.of(EntityMatch.beginningWith("pk", entity + "#"),
                Optional.of(new OwnerRule("pk", entity + "#{id}")), a));
        return List.of(digested(Policy.draft(table, 1, Optional.empty(), Optional.of("pk"), a)),
                digested(Policy.draftOfEntities(table, 2, Optional.empty(), e)));
    }

    /** The USER and ORDER entities of {@link #appData()} alone: every entity owned through pk = USER#{id}. */
    static Policy appDataOwnedByPartition() {
        Map<String, EntityPolicy> e = new TreeMap<>(appData().entities());
        e.keySet().retainAll(java.util.Set.of("USER", "ORDER"));
        return digested(Policy.draftOfEntities("app_data", 3, Optional.empty(), e));
    }

    private static Map<String, PolicyRule> keys() {
        Map<String, PolicyRule> a = new TreeMap<>();
        a.put("pk", leaf(Classification.PUBLIC, DynamoType.S));
        a.put("sk", leaf(Classification.PUBLIC, DynamoType.S));
        return a;
    }

    /** The pk/sk key of {@link #appData()}'s table. */
    static TableShape appDataShape() {
        return new TableShape(new KeySchema(new KeySchema.KeyAttribute("pk", DynamoType.S),
                Optional.of(new KeySchema.KeyAttribute("sk", DynamoType.S))), List.of());
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
        if (policy.hasEntities()) {
            return appDataShape();
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
