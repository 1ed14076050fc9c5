package dev.veil.codegen;

import static dev.veil.codegen.IamSimulator.Decision.ALLOWED;
import static dev.veil.codegen.IamSimulator.Decision.DENIED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * IAM policies of single-table designs decided by the real IAM evaluator: the public role reads
 * the union of the entities' public views, the owner role exists only where every entity is owned
 * through the partition key with one template, and then reads the owner views of the requester's
 * own partition only.
 */
class IamEntityDecisionsTest {

    private static final IamScenario OWNED_BY_PARTITION = IamScenario.of(CodegenFixtures.appDataOwnedByPartition(),
            CodegenFixtures.appDataShape(), Optional.empty());
    private static final IamScenario MIXED_OWNERS = IamScenario.of(CodegenFixtures.appData(),
            CodegenFixtures.appDataShape(), Optional.empty());
    private static final Optional<String> NOBODY = Optional.empty();
    private static final Optional<String> ALICE = Optional.of("alice");
    private static final List<String> PUBLIC = List.of("_et", "pk", "sk", "status", "username");
    private static final List<String> OWNER = List.of("_et", "address", "email", "pk", "sk", "status", "total", "username");

    private static List<String> plus(List<String> names, String name) {
        List<String> out = new ArrayList<>(names);
        out.add(name);
        return out;
    }

    @Test
    void theOwnerRoleComparesTheLeadingKeyWithTheEntitiesOwnerTemplate() {
        assertThat(OWNED_BY_PARTITION.file().at("/owner/Statement/0/Condition").toString())
                .contains("USER#${aws:PrincipalTag/veil_user_id}");
    }

    @Test
    void theOwnerViewIsAllowedOnTheRequestersOwnPartitionOnly() {
        assertThat(OWNED_BY_PARTITION.decide(WireReads.get("USER#alice", Optional.of(OWNER)), ALICE)).isEqualTo(ALLOWED);
        assertThat(OWNED_BY_PARTITION.decide(WireReads.query(Optional.empty(), "USER#alice", Optional.of(OWNER)), ALICE))
                .isEqualTo(ALLOWED);
        assertThat(OWNED_BY_PARTITION.decide(WireReads.get("USER#bob", Optional.of(OWNER)), ALICE)).isEqualTo(DENIED);
        assertThat(OWNED_BY_PARTITION.decide(WireReads.get("alice", Optional.of(OWNER)), ALICE)).isEqualTo(DENIED);
        assertThat(OWNED_BY_PARTITION.decide(WireReads.get("USER#alice", Optional.of(OWNER)), NOBODY)).isEqualTo(DENIED);
    }

    @Test
    void thePublicViewOfEveryEntityIsAllowedToAnyone() {
        assertThat(OWNED_BY_PARTITION.decide(WireReads.get("USER#bob", Optional.of(PUBLIC)), NOBODY)).isEqualTo(ALLOWED);
        assertThat(OWNED_BY_PARTITION.decide(WireReads.scan(Optional.empty(), Optional.of(PUBLIC)), ALICE)).isEqualTo(ALLOWED);
        assertThat(OWNED_BY_PARTITION.decide(WireReads.scan(Optional.empty(), Optional.of(OWNER)), ALICE)).isEqualTo(DENIED);
    }

    @Test
    void aSecretAttributeOfAnyEntityIsDeniedEvenOnTheOwnPartition() {
        for (String secret : List.of("password_hash", "card_token")) {
            assertThat(OWNED_BY_PARTITION.decide(WireReads.get("USER#alice", Optional.of(plus(OWNER, secret))), ALICE))
                    .as(secret).isEqualTo(DENIED);
            assertThat(OWNED_BY_PARTITION.decide(WireReads.get("USER#bob", Optional.of(plus(PUBLIC, secret))), NOBODY))
                    .as(secret).isEqualTo(DENIED);
        }
    }

    @Test
    void entitiesOwnedInDifferentWaysGetNoOwnerRoleAndOwnerOnlyAttributesAreDenied() {
        assertThat(MIXED_OWNERS.hasOwnerRole()).isFalse();
        assertThat(MIXED_OWNERS.file().get("ownerReason").asText()).contains("IAM cannot tell entities apart");
        assertThat(MIXED_OWNERS.decide(WireReads.get("USER#alice", Optional.of(List.of("pk", "sk", "email"))), ALICE))
                .isEqualTo(DENIED);
        assertThat(MIXED_OWNERS.decide(WireReads.get("USER#alice", Optional.of(List.of("pk", "sk", "username", "inviter_id"))),
                ALICE)).isEqualTo(ALLOWED);
    }

    @Test
    void eachEntityRuleIamCannotTellApartIsListedWithTheEntity() {
        assertThat(OWNED_BY_PARTITION.file().get("sanitizerOnly").toString())
                .contains("entity 'ORDER'").contains("entity 'USER'").contains("IAM cannot tell entities apart");
        assertThat(OWNED_BY_PARTITION.file().get("enforcedByIam").toString()).contains("password_hash").contains("card_token");
    }
}
