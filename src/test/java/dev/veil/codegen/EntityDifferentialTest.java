package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.DynamoValue;
import dev.veil.model.Policy;
import dev.veil.policy.ReferenceSanitizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Every generated sanitizer of a {@code veil-policy/2} policy returns exactly what the reference
 * evaluator returns: the same entity found, the same items dropped whole (none or several
 * matches), the same owner decided by the template, the same attributes kept, on random entity
 * policies with hostile entity names, attribute names, marker values and owner templates.
 */
class EntityDifferentialTest {

    private static final int POLICIES = 10;
    private static final int ITEMS_PER_POLICY = 60;

    @Property(tries = 3)
    void everyLanguageAgreesWithTheReferenceSanitizerOnEntityPolicies(@ForAll long seed) throws Exception {
        RandomEntityPolicies random = new RandomEntityPolicies(seed);
        List<Policy> policies = new ArrayList<>();
        for (int i = 0; i < POLICIES; i++) {
            policies.add(random.policy(random.names().name() + "-entities-" + i));
        }
        List<GeneratedCode.Case> cases = Differential.cases(random.names().random(), policies, ITEMS_PER_POLICY,
                List.of("u1", "42", "user\"quote", "名前", "7", "${id}", "a#b"), random::item);
        List<Optional<Map<String, DynamoValue>>> expected = new ArrayList<>();
        for (GeneratedCode.Case c : cases) {
            Policy policy = policies.get(c.policy());
            Optional<Map<String, DynamoValue>> ref = ReferenceSanitizer.sanitizeItem(policy, c.item(), c.requester());
            ref.ifPresent(r -> Differential.assertNothingSecretOrUnknown(
                    ReferenceSanitizer.entityOf(policy, c.item()).orElseThrow().attributes(), r));
            expected.add(ref.map(DynamoJsonCodec::normalise));
        }
        assertThat(expected).as("some items are dropped whole, most are not").contains(Optional.empty())
                .anyMatch(Optional::isPresent);
        Path dir = Files.createTempDirectory("veil-entity-differential");
        GeneratedCode code = new GeneratedCode(policies, dir);
        Differential.compare("Python", code.sanitizeWithPython(cases), expected, cases, EntityDifferentialTest::normalise);
        Differential.compare("Java", code.sanitizeWithJava(cases), expected, cases, EntityDifferentialTest::normalise);
        Differential.compare("TypeScript", code.sanitizeWithTypeScript(cases), expected, cases, EntityDifferentialTest::normalise);
    }

    private static Optional<Map<String, DynamoValue>> normalise(Optional<Map<String, DynamoValue>> sanitized) {
        return sanitized.map(DynamoJsonCodec::normalise);
    }
}
