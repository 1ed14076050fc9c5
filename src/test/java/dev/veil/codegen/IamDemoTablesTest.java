package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.dynamo.TableCatalog;
import dev.veil.model.IndexInfo;
import dev.veil.model.Policy;
import dev.veil.model.TableInfo;
import dev.veil.policy.PolicyStore;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The demo tables' published policies (the repository's {@code policies/}) on the tables as the
 * local DynamoDB describes them: for every attribute, every shape of read — a get, a batch get, a
 * query of the table and of each index, a scan, with and without a projection, of the
 * requester's partition and another's, and PartiQL — that could leak is denied by the real IAM
 * evaluator, and the reads the generated helpers make are allowed.
 */
@ExtendWith(LocalDynamoExtension.class)
class IamDemoTablesTest {

    private static final String ME = "me";
    private static final String SOMEONE = "someone";
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void seed(DynamoDbClient client) {
        dynamo = client;
        DemoTables.seeded(client);
    }

    private static IamScenario scenario(String table) {
        Policy policy = new PolicyStore(Toolchains.projectDir().resolve("policies")).latest(table).orElseThrow();
        TableInfo info = new TableCatalog(dynamo).describe(table);
        return IamScenario.of(policy, new TableShape(info.keySchema(), info.indexes()), Optional.empty());
    }

    @ParameterizedTest
    // app_data is governed per entity (veil-policy/2), which IAM export does not speak yet.
    @ValueSource(strings = {"users", "orders"})
    void everyReadOfADemoTableThatCouldLeakIsDenied(String table) {
        IamScenario scenario = scenario(table);
        List<WireReads> reads = reads(scenario);
        int leaks = 0;
        for (Optional<String> requester : List.of(Optional.<String>empty(), Optional.of(ME))) {
            List<IamSimulator.Decision> decisions = scenario.decide(reads, requester);
            for (int i = 0; i < reads.size(); i++) {
                if (IamLeaks.couldLeak(reads.get(i), scenario.policy(), scenario.shape(), requester)) {
                    leaks++;
                    assertThat(decisions.get(i)).as("%s by %s", reads.get(i), requester).isEqualTo(IamSimulator.Decision.DENIED);
                }
            }
        }
        assertThat(leaks).as("reads that could leak").isGreaterThan(reads.size() / 2);
    }

    @ParameterizedTest
    // app_data is governed per entity (veil-policy/2), which IAM export does not speak yet.
    @ValueSource(strings = {"users", "orders"})
    void theReadsTheGeneratedHelpersMakeOnADemoTableAreAllowed(String table) {
        IamScenario scenario = scenario(table);
        ProjectionPlan plan = ProjectionPlan.of(scenario.policy());
        Optional<List<String>> publicView = Optional.of(plan.publicView().paths().stream().map(p -> p.topLevelName()).distinct().toList());
        Optional<List<String>> ownerView = Optional.of(plan.owner().paths().stream().map(p -> p.topLevelName()).distinct().toList());
        assertThat(scenario.decide(List.of(WireReads.get(SOMEONE, publicView), WireReads.scan(Optional.empty(), publicView)),
                Optional.empty())).containsOnly(IamSimulator.Decision.ALLOWED);
        if (scenario.hasOwnerRole()) {
            assertThat(scenario.decide(List.of(WireReads.get(ME, ownerView), WireReads.get(SOMEONE, publicView),
                    WireReads.scan(Optional.empty(), publicView)), Optional.of(ME))).containsOnly(IamSimulator.Decision.ALLOWED);
        }
    }

    private static List<WireReads> reads(IamScenario scenario) {
        List<String> keys = scenario.shape().keySchema().names();
        List<String> names = new ArrayList<>(scenario.policy().attributes().keySet());
        names.add("not_in_the_policy");
        List<Optional<String>> indexes = new ArrayList<>(List.of(Optional.empty()));
        scenario.shape().indexes().stream().map(IndexInfo::name).map(Optional::of).forEach(indexes::add);
        List<WireReads> reads = new ArrayList<>(List.of(WireReads.partiql(), WireReads.get(ME, Optional.empty()),
                WireReads.batchGet(List.of(ME), Optional.empty()), WireReads.scan(Optional.empty(), Optional.empty())));
        for (String name : names) {
            List<String> withName = new ArrayList<>(keys);
            if (!withName.contains(name)) {
                withName.add(name);
            }
            Optional<List<String>> projection = Optional.of(withName);
            for (String partition : List.of(ME, SOMEONE)) {
                reads.add(WireReads.get(partition, projection));
                for (Optional<String> index : indexes) {
                    reads.add(WireReads.query(index, partition, projection));
                }
            }
            reads.add(WireReads.batchGet(List.of(ME, SOMEONE), projection));
            reads.add(WireReads.batchGet(List.of(ME), projection));
            for (Optional<String> index : indexes) {
                reads.add(WireReads.scan(index, projection));
            }
        }
        return reads;
    }
}
