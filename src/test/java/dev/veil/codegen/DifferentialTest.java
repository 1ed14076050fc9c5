package dev.veil.codegen;

import dev.veil.model.DynamoValue;
import dev.veil.model.Policy;
import dev.veil.policy.ReferenceSanitizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Every generated sanitizer returns exactly what the reference evaluator returns, on random
 * policies with hostile names and random items, and never an attribute the policy calls secret
 * or does not name. Each try generates 12 policies and 600 items and runs them through Java,
 * Python and TypeScript in one process per language.
 */
class DifferentialTest {

    private static final int POLICIES = 12;
    private static final int ITEMS_PER_POLICY = 50;

    @Property(tries = 3)
    void everyLanguageAgreesWithTheReferenceSanitizer(@ForAll long seed) throws Exception {
        RandomPolicies random = new RandomPolicies(seed);
        List<Policy> policies = new ArrayList<>();
        for (int i = 0; i < POLICIES; i++) {
            policies.add(random.policy(random.name() + "-table-" + i));
        }
        List<GeneratedCode.Case> cases = Differential.cases(random.random(), policies, ITEMS_PER_POLICY,
                List.of("u1", "42", "user\"quote", "名前", "7"), random::item);
        List<Map<String, DynamoValue>> expected = new ArrayList<>();
        for (GeneratedCode.Case c : cases) {
            Map<String, DynamoValue> ref = ReferenceSanitizer.sanitize(policies.get(c.policy()), c.item(), c.requester());
            Differential.assertNothingSecretOrUnknown(policies.get(c.policy()).attributes(), ref);
            expected.add(DynamoJsonCodec.normalise(ref));
        }
        Path dir = Files.createTempDirectory("veil-differential");
        GeneratedCode code = new GeneratedCode(policies, dir);
        Differential.compare("Java", code.runJava(cases), expected, cases, DynamoJsonCodec::normalise);
        Differential.compare("Python", code.runPython(cases), expected, cases, DynamoJsonCodec::normalise);
        Differential.compare("TypeScript", code.runTypeScript(cases), expected, cases, DynamoJsonCodec::normalise);
    }
}
