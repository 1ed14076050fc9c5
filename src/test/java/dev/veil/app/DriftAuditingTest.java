package dev.veil.app;

import static dev.veil.app.LocalVeil.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.drift.DriftReport;
import dev.veil.drift.UnauditedTable;
import dev.veil.model.Classification;
import dev.veil.model.Finding;
import dev.veil.model.FindingKind;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.work.Cancellation;
import dev.veil.work.ProgressListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One drift audit of a small account in the local DynamoDB, with a real workspace and policy
 * store: a people table published whole and then changed by its writers (a nickname gone, a phone
 * number new, the score stored as text), a decision not yet published, a second table that calls
 * the e-mail public, and a third table nobody published. Each test checks the finding the use
 * case must assemble from the workspace, the store and a fresh sample.
 */
@ExtendWith({LocalDynamoExtension.class, LocalVeil.Resolver.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriftAuditingTest {
    private LocalVeil local;
    private String people;
    private String contacts;
    private String unpublished;
    private DriftReport report;

    @BeforeAll
    void audited(LocalVeil fixture, DynamoDbClient dynamo) {
        local = fixture;
        people = local.people();
        local.sample(people);
        local.decidePeople(people);
        local.veil().publishing().publish(people, PublishRequest.of(Optional.of("owner_id")));
        for (int i = 0; i < LocalVeil.ITEMS; i++) {
            Map<String, AttributeValue> values = Map.of(":phone", s("+44 7700 900" + (100 + i)), ":score", s("high"));
            String id = "p-" + i;
            dynamo.updateItem(r -> r.tableName(people).key(Map.of("id", s(id)))
                    .updateExpression("REMOVE nickname SET phone = :phone, score = :score")
                    .expressionAttributeValues(values));
        }
        local.tag(people, Classification.SECRET, "owner_id");

        contacts = local.people();
        local.sample(contacts);
        local.decidePeople(contacts);
        local.tag(contacts, Classification.PUBLIC, "email");
        local.veil().publishing().publish(contacts, PublishRequest.of(Optional.of("owner_id")));

        unpublished = local.people();
        local.sample(unpublished);

        report = audit(List.of(people, contacts, unpublished));
    }

    private DriftReport audit(List<String> tables) {
        return local.veil().drift().audit(new DriftOptions(tables, false, LocalVeil.ITEMS * 10, Optional.empty(), 2),
                ProgressListener.NONE, Cancellation.none());
    }

    private List<String> found(FindingKind kind, String table) {
        return report.findings().stream().filter(f -> f.kind() == kind && f.table().equals(table))
                .map(f -> f.path().map(Object::toString).orElse("")).toList();
    }

    @Test
    void everyTableAskedForIsAudited() {
        assertThat(report.tables()).extracting(t -> t.table()).containsExactlyInAnyOrder(people, contacts, unpublished);
        assertThat(report.unaudited()).isEmpty();
        assertThat(local.veil().drift().failure(report)).isEmpty();
    }

    @Test
    void aTableWithoutAPolicyIsReportedOnce() {
        assertThat(found(FindingKind.NO_POLICY, unpublished)).containsExactly("");
        assertThat(found(FindingKind.NO_POLICY, people)).isEmpty();
    }

    @Test
    void anAttributeTheWritersStartedStoringIsNew() {
        assertThat(found(FindingKind.NEW_ATTRIBUTE, people)).containsExactly("phone");
    }

    @Test
    void anAttributeTheWritersStoppedStoringIsMissing() {
        assertThat(found(FindingKind.MISSING_ATTRIBUTE, people)).containsExactly("nickname");
    }

    @Test
    void aNumberNowStoredAsTextIsATypeChange() {
        assertThat(found(FindingKind.TYPE_CHANGE, people)).containsExactly("score");
    }

    @Test
    void theChangeBetweenTheTwoSamplesIsHistory() {
        assertThat(found(FindingKind.HISTORY, people)).containsExactlyInAnyOrder("nickname", "phone");
    }

    @Test
    void aDecisionNotYetPublishedIsUnreviewed() {
        assertThat(found(FindingKind.UNREVIEWED, people)).containsExactly("owner_id");
    }

    @Test
    void theSameAttributeClassifiedWiderInAnotherTableIsInconsistent() {
        assertThat(found(FindingKind.INCONSISTENT_CLASS, contacts)).containsExactly("email");
        assertThat(found(FindingKind.INCONSISTENT_CLASS, unpublished)).isEmpty();
    }

    @Test
    void aTableThatDoesNotExistIsListedUnauditedWhileTheOthersComplete() {
        DriftReport partial = audit(List.of(contacts, "no-such-table"));

        assertThat(partial.tables()).extracting(t -> t.table()).containsExactly(contacts);
        assertThat(partial.unaudited()).singleElement().satisfies(u -> {
            assertThat(u.table()).isEqualTo("no-such-table");
            assertThat(u.cause()).isEqualTo(UnauditedTable.Cause.BAD_INPUT);
        });
        assertThat(local.veil().drift().failure(partial)).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(VeilException.Kind.BAD_INPUT);
            assertThat(e.getMessage()).startsWith("1 of 2 tables could not be audited (the report covers the others): "
                    + "no-such-table: ");
        });
    }

    @Test
    void whenNoTableCanBeAuditedTheFailureIsThrownInsteadOfAReport() {
        assertThatThrownBy(() -> audit(List.of("no-such-table")))
                .isInstanceOfSatisfying(VeilException.class, e ->
                        assertThat(e.kind()).isEqualTo(VeilException.Kind.BAD_INPUT));
    }

    @Test
    void findingsNameTheirTableAndSayWhatToDo() {
        assertThat(report.findings()).isNotEmpty().allSatisfy((Finding f) -> {
            assertThat(List.of(people, contacts, unpublished)).contains(f.table());
            assertThat(f.message()).isNotBlank();
            assertThat(f.action()).isNotBlank();
        });
    }
}
