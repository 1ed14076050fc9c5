package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.DynamoValue;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.policy.ReferenceSanitizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Properties every projection must have for DynamoDB to accept it and the sanitizer to stay exact. */
class ProjectionPlanPropertyTest {

    private static final List<String> OWNERS = List.of("alice", "bob", "42");

    @Property(tries = 300)
    void noProjectedPathLiesInsideAnother(@ForAll long seed) {
        for (Projection view : views(seed)) {
            for (AttributePath a : view.paths()) {
                for (AttributePath b : view.paths()) {
                    assertThat(a != b && a.contains(b)).as("%s contains %s", a, b).isFalse();
                }
            }
        }
    }

    @Property(tries = 300)
    void everyPlaceholderIsUsedAndEveryUsedPlaceholderIsDefined(@ForAll long seed) {
        for (Projection view : views(seed)) {
            List<String> used = new ArrayList<>();
            if (!view.expression().isEmpty()) {
                for (String part : view.expression().split(", ", -1)) {
                    used.addAll(List.of(part.split("\\.", -1)));
                }
            }
            assertThat(view.names().keySet()).containsExactlyInAnyOrderElementsOf(used.stream().distinct().toList());
            // Never a placeholder an SDK's condition builder makes (boto3 #n0, PynamoDB and Go #0, dynamoose #a0).
            assertThat(view.names().keySet()).allMatch(p -> p.matches("#veil[0-9]+"));
        }
    }

    @Property(tries = 300)
    void theExpressionSpellsExactlyThePaths(@ForAll long seed) {
        for (Projection view : views(seed)) {
            List<AttributePath> spelled = new ArrayList<>();
            if (!view.expression().isEmpty()) {
                for (String part : view.expression().split(", ", -1)) {
                    List<String> names = new ArrayList<>();
                    for (String placeholder : part.split("\\.", -1)) {
                        names.add(view.names().get(placeholder));
                    }
                    spelled.add(AttributePath.of(names.get(0), names.subList(1, names.size()).toArray(String[]::new)));
                }
            }
            assertThat(spelled).isEqualTo(view.paths());
        }
    }

    @Property(tries = 300)
    void bothViewsIncludeTheOwnerAttribute(@ForAll long seed) {
        Policy policy = new RandomPolicies(seed).policy("t");
        ProjectionPlan plan = ProjectionPlan.of(policy);
        policy.owner().ifPresent(owner -> {
            assertThat(plan.owner().paths()).contains(AttributePath.of(owner));
            assertThat(plan.publicView().paths()).contains(AttributePath.of(owner));
        });
    }

    @Property(tries = 300)
    void projectedPathsNeverStepIntoListElements(@ForAll long seed) {
        for (Projection view : views(seed)) {
            assertThat(view.paths()).noneMatch(p -> p.segments().stream().anyMatch(s -> s instanceof AttributePath.Elements));
        }
    }

    @Property(tries = 300)
    void sanitizingAProjectedItemGivesWhatSanitizingTheWholeItemGives(@ForAll long seed) {
        RandomPolicies random = new RandomPolicies(seed);
        Policy policy = random.policy("t");
        ProjectionPlan plan = ProjectionPlan.of(policy);
        for (int i = 0; i < 20; i++) {
            Map<String, DynamoValue> item = random.item(policy, OWNERS);
            Optional<String> owner = policy.owner().map(item::get)
                    .flatMap(v -> v instanceof DynamoValue.S s ? Optional.of(s.value())
                            : v instanceof DynamoValue.N n ? Optional.of(n.value()) : Optional.empty());
            if (owner.isPresent()) {
                assertThat(ReferenceSanitizer.sanitize(policy, project(item, plan.owner().paths()), owner))
                        .as("owner view of %s", item)
                        .isEqualTo(ReferenceSanitizer.sanitize(policy, item, owner));
            }
            assertThat(ReferenceSanitizer.sanitize(policy, project(item, plan.publicView().paths()), Optional.of("nobody")))
                    .as("public view of %s", item)
                    .isEqualTo(ReferenceSanitizer.sanitize(policy, item, Optional.of("nobody")));
        }
    }

    @Test
    void aPolicyWhoseOnlyKeptAttributeIsTheOwnerProjectsTheOwner() {
        Map<String, PolicyRule> rules = new TreeMap<>();
        rules.put("user_id", leaf(Classification.SECRET));
        rules.put("password", leaf(Classification.SECRET));
        ProjectionPlan plan = ProjectionPlan.of(Policy.draft("users", 1, Optional.empty(), Optional.of("user_id"), rules));
        assertThat(plan.publicView().paths()).containsExactly(AttributePath.of("user_id"));
        assertThat(plan.publicView().expression()).isEqualTo("#veil0");
        assertThat(plan.publicView().names()).containsExactly(Map.entry("#veil0", "user_id"));
    }

    @Test
    void aViewThatKeepsNothingProjectsTheKeysSoIamsSpecificAttributesHolds() {
        Map<String, PolicyRule> rules = new TreeMap<>();
        rules.put("token", leaf(Classification.SECRET));
        rules.put("email", leaf(Classification.OWNER_ONLY));
        ProjectionPlan plan = ProjectionPlan.of(Policy.draft("sessions", 1, Optional.empty(), Optional.empty(), rules),
                List.of("pk", "sk"));
        assertThat(plan.publicView().paths()).containsExactly(AttributePath.of("pk"), AttributePath.of("sk"));
        assertThat(plan.publicView().expression()).isEqualTo("#veil0, #veil1");
        assertThat(plan.publicView().names()).containsExactly(Map.entry("#veil0", "pk"), Map.entry("#veil1", "sk"));
        assertThat(plan.owner().paths()).as("a view that keeps something projects what it keeps")
                .containsExactly(AttributePath.of("email"));
    }

    @Test
    void aViewThatKeepsNothingOverUnknownKeysNeedsThem() {
        Map<String, PolicyRule> rules = new TreeMap<>();
        rules.put("token", leaf(Classification.SECRET));
        ProjectionPlan plan = ProjectionPlan.of(Policy.draft("sessions", 1, Optional.empty(), Optional.empty(), rules));
        assertThat(plan.needsKeys()).isTrue();
        assertThat(plan.publicView().expression()).isEmpty();
        assertThat(ProjectionPlan.of(Policy.draft("sessions", 1, Optional.empty(), Optional.empty(), rules), List.of("pk"))
                .needsKeys()).isFalse();
    }

    @Test
    void aKeptMapWithFieldsIsProjectedWholeBecauseDynamoDbOmitsAMapWithNoneOfItsProjectedFields() {
        Map<String, PolicyRule> rules = new TreeMap<>();
        rules.put("address", leaf(Classification.PUBLIC).withFields(Map.of("city", leaf(Classification.PUBLIC),
                "street", leaf(Classification.SECRET))));
        Projection view = ProjectionPlan.of(Policy.draft("t", 1, Optional.empty(), Optional.empty(), rules)).publicView();
        assertThat(view.paths()).containsExactly(AttributePath.of("address"));
    }

    @Test
    void aProjectionOverDynamoDbsExpressionLimitFallsBackToFetchingWholeItemsForTheSanitizerToFilter() {
        Map<String, PolicyRule> rules = new TreeMap<>();
        for (int i = 0; i < 1000; i++) {
            rules.put("attribute" + i, leaf(Classification.PUBLIC));
        }
        Policy policy = Policy.draft("wide_table", 1, Optional.empty(), Optional.empty(), rules);
        Projection view = ProjectionPlan.of(policy).publicView();
        assertThat(view.expression()).isEmpty();
        assertThat(view.names()).isEmpty();
        assertThat(view.paths()).hasSize(1000);
    }

    @Test
    void attributeNamesOverDynamoDbsSubstitutionLimitFallBackToNoProjectionThoughTheExpressionIsShort() {
        Map<String, PolicyRule> rules = new TreeMap<>();
        for (int i = 0; i < 40; i++) {
            rules.put(i + "x".repeat(60_000), leaf(Classification.PUBLIC));
        }
        Policy policy = Policy.draft("long_names", 2, Optional.empty(), Optional.empty(), rules);
        Projection view = ProjectionPlan.of(policy).publicView();
        assertThat(view.expression()).isEmpty();
        assertThat(view.names()).isEmpty();
    }

    @Test
    void thirtyNamesOfDynamoDbsMaximumLengthStillFit() {
        Map<String, PolicyRule> rules = new TreeMap<>();
        for (int i = 0; i < 30; i++) {
            rules.put(i + "x".repeat(65_536 - 2), leaf(Classification.PUBLIC));
        }
        Projection view = ProjectionPlan.of(Policy.draft("long_names", 1, Optional.empty(), Optional.empty(), rules)).publicView();
        assertThat(view.names()).hasSize(30);
    }

    private static PolicyRule leaf(Classification c) {
        return PolicyRule.leaf(c, List.of(DynamoType.S), Optional.empty());
    }

    private static List<Projection> views(long seed) {
        ProjectionPlan plan = ProjectionPlan.of(new RandomPolicies(seed).policy("t"));
        return List.of(plan.owner(), plan.publicView());
    }

    /** What DynamoDB returns for a projection: each path that exists, merged into its maps. */
    static Map<String, DynamoValue> project(Map<String, DynamoValue> item, List<AttributePath> paths) {
        Map<String, DynamoValue> out = new LinkedHashMap<>();
        for (AttributePath path : paths) {
            List<String> names = path.names();
            Optional<DynamoValue> found = find(item, names);
            found.ifPresent(v -> put(out, names, v));
        }
        return out;
    }

    private static Optional<DynamoValue> find(Map<String, DynamoValue> item, List<String> names) {
        DynamoValue current = item.get(names.get(0));
        for (String name : names.subList(1, names.size())) {
            if (!(current instanceof DynamoValue.M m)) {
                return Optional.empty();
            }
            current = m.value().get(name);
        }
        return Optional.ofNullable(current);
    }

    private static void put(Map<String, DynamoValue> out, List<String> names, DynamoValue value) {
        if (names.size() == 1) {
            out.put(names.get(0), value);
            return;
        }
        Map<String, DynamoValue> inner = out.get(names.get(0)) instanceof DynamoValue.M m
                ? new LinkedHashMap<>(m.value()) : new LinkedHashMap<>();
        put(inner, names.subList(1, names.size()), value);
        out.put(names.get(0), new DynamoValue.M(inner));
    }
}
