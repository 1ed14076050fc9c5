package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.DynamoValue;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
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
        List<String> ownerIds = List.of("u1", "42", "user\"quote", "名前", "7");
        List<GeneratedCode.Case> cases = new ArrayList<>();
        for (int p = 0; p < POLICIES; p++) {
            for (int i = 0; i < ITEMS_PER_POLICY; i++) {
                Optional<String> requester = random.random().nextInt(4) == 0 ? Optional.empty()
                        : Optional.of(ownerIds.get(random.random().nextInt(ownerIds.size())));
                cases.add(new GeneratedCode.Case(p, requester, random.item(policies.get(p), ownerIds)));
            }
        }
        List<Map<String, DynamoValue>> expected = new ArrayList<>();
        for (GeneratedCode.Case c : cases) {
            Map<String, DynamoValue> ref = ReferenceSanitizer.sanitize(policies.get(c.policy()), c.item(), c.requester());
            assertNothingSecretOrUnknown(policies.get(c.policy()), ref);
            expected.add(DynamoJsonCodec.normalise(ref));
        }
        Path dir = Files.createTempDirectory("veil-differential");
        GeneratedCode code = new GeneratedCode(policies, dir);
        compare("Java", code.runJava(cases), expected, cases);
        compare("Python", code.runPython(cases), expected, cases);
        compare("TypeScript", code.runTypeScript(cases), expected, cases);
    }

    private static void compare(String language, List<Map<String, DynamoValue>> actual,
                                List<Map<String, DynamoValue>> expected, List<GeneratedCode.Case> cases) {
        for (int i = 0; i < cases.size(); i++) {
            Map<String, DynamoValue> got = DynamoJsonCodec.normalise(actual.get(i));
            if (!got.equals(expected.get(i))) {
                // Reports cut text at a NUL, and names hold every control character: print them escaped.
                throw new AssertionError(printable(String.format("%s, policy %d, requester %s, item %s%nexpected: %s%nbut was:  %s",
                        language, cases.get(i).policy(), cases.get(i).requester(), cases.get(i).item(), expected.get(i), got)));
            }
        }
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(c < 0x20 && c != '\n' || c >= 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return sb.toString();
    }

    /** The reference itself never keeps a secret or unnamed top-level attribute. */
    private static void assertNothingSecretOrUnknown(Policy policy, Map<String, DynamoValue> sanitized) {
        for (String name : sanitized.keySet()) {
            PolicyRule rule = policy.attributes().get(name);
            assertThat(rule).as("unknown attribute %s kept", AttributePath.formatName(name)).isNotNull();
            assertThat(rule.classification()).as("secret attribute %s kept", name)
                    .isNotEqualTo(Optional.of(Classification.SECRET));
        }
    }
}
