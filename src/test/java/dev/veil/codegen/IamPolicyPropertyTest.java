package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.DynamoType;
import dev.veil.model.IndexInfo;
import dev.veil.model.KeySchema;
import dev.veil.model.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Assumptions;

/**
 * Over random policies (hostile names, nesting, owner or not) on random tables (owner as partition
 * key or not, sort keys, indexes of every projection kind), decided by the real IAM evaluator:
 * every read that could return or probe a secret attribute, or an owner-only attribute of an item
 * that is not the requester's, is denied; every read the generated helpers make (get, query and
 * scan, with the projection each chooses) is allowed.
 */
class IamPolicyPropertyTest {

    private static final Optional<String> NOBODY = Optional.empty();
    private static final String ME = "me";
    private static final String SOMEONE = "someone";

    @Property(tries = 60)
    void everyReadThatCouldLeakIsDenied(@ForAll long seed) {
        Random random = new Random(seed);
        IamScenario scenario = scenario(seed, random);
        for (Optional<String> requester : List.of(NOBODY, Optional.of(ME))) {
            List<WireReads> reads = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                reads.add(randomRead(scenario, random));
            }
            List<IamSimulator.Decision> decisions = scenario.decide(reads, requester);
            for (int i = 0; i < reads.size(); i++) {
                if (IamLeaks.couldLeak(reads.get(i), scenario.policy(), scenario.shape(), requester)) {
                    assertThat(decisions.get(i)).as("%s by %s under %s", reads.get(i), requester,
                            scenario.file().toPrettyString()).isEqualTo(IamSimulator.Decision.DENIED);
                }
            }
        }
    }

    @Property(tries = 60)
    void everyReadTheGeneratedHelpersMakeIsAllowed(@ForAll long seed) {
        Random random = new Random(seed);
        IamScenario scenario = scenario(seed, random);
        // As an export generates the helpers: a view that keeps nothing projects the table's keys.
        ProjectionPlan plan = ProjectionPlan.of(scenario.policy(), scenario.shape().keySchema().names());
        Optional<List<String>> publicView = Optional.of(topLevel(plan.publicView()));
        Optional<List<String>> ownerView = Optional.of(topLevel(plan.owner()));
        assertThat(publicView.get()).as("the public projection").isNotEmpty();
        Optional<String> table = Optional.empty();
        List<WireReads> publicService = List.of(WireReads.get(SOMEONE, publicView), WireReads.get(ME, publicView),
                WireReads.query(table, SOMEONE, publicView), WireReads.query(table, ME, publicView),
                WireReads.scan(table, publicView));
        assertThat(scenario.decide(publicService, NOBODY)).as(scenario.file().toPrettyString())
                .containsOnly(IamSimulator.Decision.ALLOWED);
        if (scenario.hasOwnerRole()) {
            // As the helpers choose: the owner view for the requester's own partition, else public.
            List<WireReads> ownerService = List.of(WireReads.get(ME, ownerView), WireReads.get(SOMEONE, publicView),
                    WireReads.query(table, ME, ownerView), WireReads.query(table, SOMEONE, publicView),
                    WireReads.scan(table, publicView));
            assertThat(scenario.decide(ownerService, Optional.of(ME))).as(scenario.file().toPrettyString())
                    .containsOnly(IamSimulator.Decision.ALLOWED);
        }
    }

    private static IamScenario scenario(long seed, Random random) {
        RandomPolicies policies = new RandomPolicies(seed);
        Policy policy = policies.policy("things");
        Assumptions.assumeFalse(policy.attributes().keySet().stream().anyMatch(n -> n.contains("${")),
                "names IAM would read as policy variables are refused (IamPolicyDecisionsTest)");
        List<String> names = new ArrayList<>(policy.attributes().keySet());
        String partitionKey = policy.owner().filter(o -> random.nextInt(4) != 0).orElse("pk");
        Optional<KeySchema.KeyAttribute> sortKey = random.nextBoolean() ? Optional.empty()
                : Optional.of(new KeySchema.KeyAttribute(random.nextBoolean() ? "sk" : pick(names, random), DynamoType.S));
        if (sortKey.isPresent() && sortKey.get().name().equals(partitionKey)) {
            sortKey = Optional.empty();
        }
        KeySchema key = new KeySchema(new KeySchema.KeyAttribute(partitionKey, DynamoType.S), sortKey);
        List<IndexInfo> indexes = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            boolean local = random.nextBoolean();
            String indexPartition = local ? partitionKey : pick(names, random);
            String indexSort = pick(names, random);
            KeySchema indexKey = new KeySchema(new KeySchema.KeyAttribute(indexPartition, DynamoType.S),
                    indexSort.equals(indexPartition) ? Optional.empty() : Optional.of(new KeySchema.KeyAttribute(indexSort, DynamoType.S)));
            IndexInfo.Projection projection = IndexInfo.Projection.values()[random.nextInt(3)];
            List<String> nonKey = projection == IndexInfo.Projection.INCLUDE ? List.of(pick(names, random)) : List.of();
            indexes.add(new IndexInfo("index" + indexes.size(), local ? IndexInfo.Kind.LOCAL : IndexInfo.Kind.GLOBAL,
                    indexKey, projection, nonKey));
        }
        return IamScenario.of(policy, new TableShape(key, indexes), Optional.empty());
    }

    /** Any shape of read: attributes named by the policy, keys, unknown ones; any partition. */
    private static WireReads randomRead(IamScenario scenario, Random random) {
        List<String> candidates = new ArrayList<>(scenario.policy().attributes().keySet());
        candidates.addAll(scenario.shape().keySchema().names());
        candidates.add("not_in_the_policy");
        Optional<List<String>> projection = Optional.empty();
        if (random.nextInt(6) != 0) {
            List<String> names = new ArrayList<>(scenario.shape().keySchema().names());
            for (int i = random.nextInt(4); i >= 0; i--) {
                String n = pick(candidates, random);
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
            projection = Optional.of(names);
        }
        String partition = random.nextBoolean() ? ME : SOMEONE;
        Optional<String> index = scenario.shape().indexes().isEmpty() || random.nextBoolean() ? Optional.empty()
                : Optional.of(pick(scenario.shape().indexes(), random).name());
        return switch (random.nextInt(6)) {
            case 0 -> WireReads.get(partition, projection);
            case 1 -> WireReads.batchGet(random.nextBoolean() ? List.of(ME) : List.of(ME, SOMEONE), projection);
            case 2 -> WireReads.query(index, partition, projection);
            case 3 -> WireReads.scan(index, projection);
            case 4 -> WireReads.partiql();
            default -> WireReads.query(Optional.empty(), partition, projection);
        };
    }

    private static List<String> topLevel(Projection projection) {
        return projection.paths().stream().map(p -> p.topLevelName()).distinct().toList();
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
