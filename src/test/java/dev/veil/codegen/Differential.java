package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.DynamoValue;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The steps the differential tests of table and entity policies share: drawing the cases,
 * checking the reference evaluator's own answers, and comparing each language's answers with
 * them, the first difference reported with the policy, requester and item it came from.
 */
final class Differential {

    private Differential() {
    }

    /**
     * {@code itemsPerPolicy} items of each policy, drawn by {@code item} with owner attributes from
     * {@code ownerIds}; each asked for by one of {@code ownerIds}, or (one case in four) by nobody.
     */
    static List<GeneratedCode.Case> cases(Random random, List<Policy> policies, int itemsPerPolicy,
                                          List<String> ownerIds,
                                          BiFunction<Policy, List<String>, Map<String, DynamoValue>> item) {
        List<GeneratedCode.Case> cases = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) {
            for (int i = 0; i < itemsPerPolicy; i++) {
                Optional<String> requester = random.nextInt(4) == 0 ? Optional.empty()
                        : Optional.of(ownerIds.get(random.nextInt(ownerIds.size())));
                cases.add(new GeneratedCode.Case(p, requester, item.apply(policies.get(p), ownerIds)));
            }
        }
        return cases;
    }

    /** Fails at the first case where {@code language}'s answer, normalised, is not the expected one. */
    static <T> void compare(String language, List<T> actual, List<T> expected, List<GeneratedCode.Case> cases,
                            UnaryOperator<T> normalise) {
        for (int i = 0; i < cases.size(); i++) {
            T got = normalise.apply(actual.get(i));
            if (!got.equals(expected.get(i))) {
                // Reports cut text at a NUL, and names hold every control character: print them escaped.
                throw new AssertionError(printable(String.format("%s, policy %d, requester %s, item %s%nexpected: %s%nbut was:  %s",
                        language, cases.get(i).policy(), cases.get(i).requester(), cases.get(i).item(), expected.get(i), got)));
            }
        }
    }

    /** The reference itself never keeps a secret top-level attribute, or one {@code attributes} does not name. */
    static void assertNothingSecretOrUnknown(Map<String, PolicyRule> attributes, Map<String, DynamoValue> sanitized) {
        for (String name : sanitized.keySet()) {
            PolicyRule rule = attributes.get(name);
            assertThat(rule).as("unknown attribute %s kept", AttributePath.formatName(name)).isNotNull();
            assertThat(rule.classification()).as("secret attribute %s kept", name)
                    .isNotEqualTo(Optional.of(Classification.SECRET));
        }
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(c < 0x20 && c != '\n' || c >= 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return sb.toString();
    }
}
