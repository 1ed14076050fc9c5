package dev.veil.codegen;

import static dev.veil.codegen.IamSimulator.Decision.ALLOWED;
import static dev.veil.codegen.IamSimulator.Decision.DENIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The users table's IAM policies (keyed by the owner attribute user_id, with four indexes)
 * decided by the real IAM evaluator on real DynamoDB request shapes.
 */
class IamPolicyDecisionsTest {

    private static final IamScenario USERS = IamScenario.of(CodegenFixtures.users(), CodegenFixtures.usersShape(),
            Optional.empty());
    private static final Optional<String> NOBODY = Optional.empty();
    private static final Optional<String> ALICE = Optional.of("alice");
    private static final List<String> PUBLIC = List.of("user_id", "username", "tags");
    private static final List<String> OWNER = List.of("user_id", "username", "tags", "email", "address", "orders",
            "lifetime_points");

    private static Optional<List<String>> projecting(List<String> names) {
        return Optional.of(names);
    }

    private static List<String> plus(List<String> names, String name) {
        List<String> out = new java.util.ArrayList<>(names);
        out.add(name);
        return out;
    }

    @Test
    void aGetItemWithoutAProjectionIsDenied() {
        assertThat(USERS.decide(WireReads.get("bob", Optional.empty()), NOBODY)).isEqualTo(DENIED);
        assertThat(USERS.decide(WireReads.get("alice", Optional.empty()), ALICE)).isEqualTo(DENIED);
    }

    @Test
    void aGetItemWithThePublicProjectionIsAllowedToBothServices() {
        assertThat(USERS.decide(WireReads.get("bob", projecting(PUBLIC)), NOBODY)).isEqualTo(ALLOWED);
        assertThat(USERS.decide(WireReads.get("bob", projecting(PUBLIC)), ALICE)).isEqualTo(ALLOWED);
    }

    @Test
    void aProjectionNamingASecretAttributeIsDeniedEvenForTheOwnItem() {
        assertThat(USERS.decide(WireReads.get("bob", projecting(plus(PUBLIC, "password_hash"))), NOBODY)).isEqualTo(DENIED);
        assertThat(USERS.decide(WireReads.get("alice", projecting(plus(OWNER, "password_hash"))), ALICE)).isEqualTo(DENIED);
    }

    @Test
    void aProjectionNamingAnAttributeThePolicyDoesNotNameIsDenied() {
        assertThat(USERS.decide(WireReads.get("alice", projecting(plus(PUBLIC, "api_key"))), ALICE)).isEqualTo(DENIED);
    }

    @Test
    void ownerOnlyAttributesAreAllowedOnlyOnTheRequestersOwnItem() {
        assertThat(USERS.decide(WireReads.get("alice", projecting(OWNER)), ALICE)).isEqualTo(ALLOWED);
        assertThat(USERS.decide(WireReads.get("bob", projecting(OWNER)), ALICE)).isEqualTo(DENIED);
        assertThat(USERS.decide(WireReads.get("bob", projecting(OWNER)), NOBODY)).isEqualTo(DENIED);
        assertThat(USERS.decide(WireReads.get("alice", projecting(List.of("user_id", "email"))), NOBODY)).isEqualTo(DENIED);
    }

    @Test
    void aScanIsAllowedWithThePublicProjectionOnlyEvenForAnOwnerSession() {
        assertThat(USERS.decide(WireReads.scan(Optional.empty(), projecting(PUBLIC)), NOBODY)).isEqualTo(ALLOWED);
        assertThat(USERS.decide(WireReads.scan(Optional.empty(), projecting(PUBLIC)), ALICE)).isEqualTo(ALLOWED);
        assertThat(USERS.decide(WireReads.scan(Optional.empty(), projecting(OWNER)), ALICE)).isEqualTo(DENIED);
        assertThat(USERS.decide(WireReads.scan(Optional.empty(), Optional.empty()), NOBODY)).isEqualTo(DENIED);
    }

    @Test
    void aQueryOfTheOwnPartitionMayReadTheOwnerView() {
        assertThat(USERS.decide(WireReads.query(Optional.empty(), "alice", projecting(OWNER)), ALICE)).isEqualTo(ALLOWED);
        assertThat(USERS.decide(WireReads.query(Optional.empty(), "bob", projecting(OWNER)), ALICE)).isEqualTo(DENIED);
        assertThat(USERS.decide(WireReads.query(Optional.empty(), "bob", projecting(PUBLIC)), ALICE)).isEqualTo(ALLOWED);
    }

    @Test
    void indexesAreQueryableOnlyWhereTheirProjectionHoldsNothingTheRoleMayNotRead() {
        Optional<String> keysOnly = Optional.of("by_username");
        Optional<String> withEmail = Optional.of("by_username_with_email");
        Optional<String> everything = Optional.of("everything");
        Optional<String> local = Optional.of("mine_by_name");
        assertThat(USERS.decide(WireReads.query(keysOnly, "ann", projecting(List.of("user_id", "username"))), NOBODY))
                .isEqualTo(ALLOWED);
        assertThat(USERS.decide(WireReads.query(withEmail, "ann", projecting(List.of("user_id", "username"))), NOBODY))
                .isEqualTo(DENIED);
        assertThat(USERS.decide(WireReads.query(everything, "ann", projecting(List.of("user_id", "username"))), NOBODY))
                .isEqualTo(DENIED);
        assertThat(USERS.decide(WireReads.query(local, "alice", projecting(List.of("user_id", "username", "email"))), ALICE))
                .isEqualTo(ALLOWED);
        assertThat(USERS.decide(WireReads.query(local, "bob", projecting(List.of("user_id", "username", "email"))), ALICE))
                .isEqualTo(DENIED);
    }

    @Test
    void aBatchGetIsAllowedOnlyWhenEveryKeyMayBeReadWithItsProjection() {
        assertThat(USERS.decide(WireReads.batchGet(List.of("alice", "bob"), projecting(PUBLIC)), NOBODY)).isEqualTo(ALLOWED);
        assertThat(USERS.decide(WireReads.batchGet(List.of("alice"), projecting(OWNER)), ALICE)).isEqualTo(ALLOWED);
        assertThat(USERS.decide(WireReads.batchGet(List.of("alice", "bob"), projecting(OWNER)), ALICE)).isEqualTo(DENIED);
        assertThat(USERS.decide(WireReads.batchGet(List.of("alice"), Optional.empty()), ALICE)).isEqualTo(DENIED);
    }

    @Test
    void partiqlIsDeniedToEveryRole() {
        assertThat(USERS.decide(WireReads.partiql(), NOBODY)).isEqualTo(DENIED);
        assertThat(USERS.decide(WireReads.partiql(), ALICE)).isEqualTo(DENIED);
    }

    @Test
    void anAttributeNameThatIamWouldReadAsAPolicyVariableIsRefused() {
        Map<String, PolicyRule> a = new TreeMap<>();
        a.put("id", CodegenFixtures.leaf(Classification.PUBLIC, DynamoType.S));
        a.put("${aws:username}", CodegenFixtures.leaf(Classification.PUBLIC, DynamoType.S));
        Policy policy = CodegenFixtures.digested(Policy.draft("things", 1, Optional.empty(), Optional.of("id"), a));
        assertThatThrownBy(() -> IamScenario.of(policy, CodegenFixtures.shapeOf(policy), Optional.empty()))
                .isInstanceOf(dev.veil.model.VeilFailure.class).hasMessageContaining("policy variable");
    }

    @Test
    void wildcardCharactersInAnAttributeNameMatchOnlyThemselves() {
        Map<String, PolicyRule> a = new TreeMap<>();
        a.put("id", CodegenFixtures.leaf(Classification.PUBLIC, DynamoType.S));
        a.put("*", CodegenFixtures.leaf(Classification.PUBLIC, DynamoType.S));
        a.put("service", CodegenFixtures.leaf(Classification.SECRET, DynamoType.S));
        Policy policy = CodegenFixtures.digested(Policy.draft("things", 1, Optional.empty(), Optional.of("id"), a));
        IamScenario things = IamScenario.of(policy, CodegenFixtures.shapeOf(policy), Optional.empty());
        assertThat(things.decide(WireReads.get("x", projecting(List.of("id", "*"))), NOBODY)).isEqualTo(ALLOWED);
        assertThat(things.decide(WireReads.get("x", projecting(List.of("id", "service"))), NOBODY)).isEqualTo(DENIED);
    }

    @Test
    void aGivenTableArnNamesTheResource() {
        IamScenario elsewhere = IamScenario.of(CodegenFixtures.users(), CodegenFixtures.usersShape(),
                Optional.of("arn:aws:dynamodb:us-east-1:210987654321:table/users"));
        assertThat(elsewhere.decide(WireReads.get("bob", projecting(PUBLIC)), NOBODY))
                .as("the simulated request is in another account and region").isEqualTo(DENIED);
        assertThat(USERS.decide(WireReads.get("bob", projecting(PUBLIC)), NOBODY)).isEqualTo(ALLOWED);
    }
}
