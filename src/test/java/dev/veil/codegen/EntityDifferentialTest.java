package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.DynamoValue;
import dev.veil.model.EntityPolicy;
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
        List<String> ownerIds = List.of("u1", "42", "user\"quote", "名前", "7", "${id}", "a#b");
        List<GeneratedCode.Case> cases = new ArrayList<>();
        for (int p = 0; p < POLICIES; p++) {
            for (int i = 0; i < ITEMS_PER_POLICY; i++) {
                Optional<String> requester = random.names().random().nextInt(4) == 0 ? Optional.empty()
                        : Optional.of(ownerIds.get(random.names().random().nextInt(ownerIds.size())));
                cases.add(new GeneratedCode.Case(p, requester, random.item(policies.get(p), ownerIds)));
            }
        }
        List<Optional<Map<String, DynamoValue>>> expected = new ArrayList<>();
        for (GeneratedCode.Case c : cases) {
            Policy policy = policies.get(c.policy());
            Optional<Map<String, DynamoValue>> ref = ReferenceSanitizer.sanitizeItem(policy, c.item(), c.requester());
            ref.ifPresent(r -> assertNothingSecretOrUnknown(ReferenceSanitizer.entityOf(policy, c.item()).orElseThrow(), r));
            expected.add(ref.map(DynamoJsonCodec::normalise));
        }
        assertThat(expected).as("some items are dropped whole, most are not").contains(Optional.empty())
                .anyMatch(Optional::isPresent);
        Path dir = Files.createTempDirectory("veil-entity-differential");
        GeneratedCode code = new GeneratedCode(policies, dir);
        compare("Python", code.sanitizeWithPython(cases), expected, cases);
        compare("Java", code.sanitizeWithJava(cases), expected, cases);
        compare("TypeScript", code.sanitizeWithTypeScript(cases), expected, cases);
    }

    private static void compare(String language, List<Optional<Map<String, DynamoValue>>> actual,
                                List<Optional<Map<String, DynamoValue>>> expected, List<GeneratedCode.Case> cases) {
        for (int i = 0; i < cases.size(); i++) {
            Optional<Map<String, DynamoValue>> got = actual.get(i).map(DynamoJsonCodec::normalise);
            if (!got.equals(expected.get(i))) {
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

    /** The reference never keeps a secret attribute, or one the item's entity does not name. */
    private static void assertNothingSecretOrUnknown(EntityPolicy entity, Map<String, DynamoValue> sanitized) {
        for (String name : sanitized.keySet()) {
            PolicyRule rule = entity.attributes().get(name);
            assertThat(rule).as("unknown attribute %s kept", AttributePath.formatName(name)).isNotNull();
            assertThat(rule.classification()).as("secret attribute %s kept", name)
                    .isNotEqualTo(Optional.of(Classification.SECRET));
        }
    }
}
