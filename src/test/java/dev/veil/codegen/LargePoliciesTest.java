package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.dynamo.ItemConverter;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.DynamoValue;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.policy.ReferenceSanitizer;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Policies at the edges of what DynamoDB allows still give sanitizers that compile and agree with
 * the reference: hundreds of top-level attributes (more than a Java record can hold), thousands
 * of rules (more than one method's code can build), 64 KB attribute names (more than one class-file
 * string constant holds) and 32 levels of nesting (DynamoDB's maximum).
 */
class LargePoliciesTest {

    private static final List<String> OWNERS = List.of("u1", "7");

    @Test
    void policiesAtDynamoDbsSizeLimitsGiveSanitizersThatAgreeWithTheReferenceInEveryLanguage() throws Exception {
        List<Policy> policies = List.of(wide("record_limit", 253), wide("one_over_record_limit", 254), wide("wide", 400),
                manyFields(40, 100), longName("\uD83D\uDE00".repeat(16_000)), longName("x".repeat(65_000)),
                longName("名".repeat(21_000)), deep(31));
        RandomPolicies random = new RandomPolicies(7);
        List<GeneratedCode.Case> cases = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) {
            for (int i = 0; i < 6; i++) {
                Optional<String> requester = i % 3 == 0 ? Optional.empty() : Optional.of(OWNERS.get(i % 2));
                cases.add(new GeneratedCode.Case(p, requester, random.item(policies.get(p), OWNERS)));
            }
        }
        List<Map<String, DynamoValue>> expected = new ArrayList<>();
        for (GeneratedCode.Case c : cases) {
            expected.add(DynamoJsonCodec.normalise(ReferenceSanitizer.sanitize(policies.get(c.policy()), c.item(), c.requester())));
        }
        GeneratedCode code = new GeneratedCode(policies, Files.createTempDirectory("veil-large"));
        compare("Java", code.runJava(cases), expected, policies, cases);
        compare("Python", code.runPython(cases), expected, policies, cases);
        compare("TypeScript", code.runTypeScript(cases), expected, policies, cases);
    }

    @Test
    void aViewWiderThanARecordIsAClassWithTheSameAccessorsAndValueEquality() throws Exception {
        Policy policy = wide("wide", 300);
        GeneratedFile file = GeneratedCode.generate(Language.JAVA, policy, "gen.wide").get(0);
        assertThat(file.content()).contains("public static final class OwnerView").contains("public static record PublicView");
        Path dir = Files.createTempDirectory("veil-wide-view");
        Path source = dir.resolve("src").resolve(file.relativePath());
        Files.createDirectories(source.getParent());
        Files.writeString(source, file.content());
        GeneratedCode.compileJava(List.of(source), Files.createDirectories(dir.resolve("classes")));
        Map<String, AttributeValue> item = ItemConverter.toSdk(Map.of("owner_id", new DynamoValue.S("u1"),
                "attr5", new DynamoValue.S("five"), "not_in_policy", new DynamoValue.S("x")));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> view = loader.loadClass("gen.wide.WideSanitizer$OwnerView");
            Method of = view.getMethod("of", Map.class);
            Object owner = of.invoke(null, item);
            assertThat(view.getMethod("attr5").invoke(owner)).isEqualTo(Optional.of(AttributeValue.fromS("five")));
            assertThat(view.getMethod("attr6").invoke(owner)).isEqualTo(Optional.empty());
            assertThat(owner).isEqualTo(of.invoke(null, Map.of("owner_id", AttributeValue.fromS("u1"),
                    "attr5", AttributeValue.fromS("five"))));
            assertThat(owner).isNotEqualTo(of.invoke(null, Map.of("attr5", AttributeValue.fromS("five"))));
        }
    }

    private static void compare(String language, List<Map<String, DynamoValue>> actual, List<Map<String, DynamoValue>> expected,
                                List<Policy> policies, List<GeneratedCode.Case> cases) {
        for (int i = 0; i < cases.size(); i++) {
            assertThat(DynamoJsonCodec.normalise(actual.get(i)))
                    .as("%s, policy %s, requester %s", language, policies.get(cases.get(i).policy()).table(), cases.get(i).requester())
                    .isEqualTo(expected.get(i));
        }
    }

    private static PolicyRule leaf(Classification c) {
        return PolicyRule.leaf(c, List.of(DynamoType.S), Optional.empty());
    }

    private static Policy policy(String table, Map<String, PolicyRule> attributes) {
        attributes.put("owner_id", leaf(Classification.PUBLIC));
        return CodegenFixtures.digested(Policy.draft(table, 1, Optional.empty(), Optional.of("owner_id"), attributes));
    }

    /** {@code n} attributes besides the owner, every third public, the others owner-only. */
    private static Policy wide(String table, int n) {
        Map<String, PolicyRule> a = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            a.put("attr" + i, leaf(i % 3 == 0 ? Classification.PUBLIC : Classification.OWNER_ONLY));
        }
        return policy(table, a);
    }

    private static Policy manyFields(int maps, int fields) {
        Map<String, PolicyRule> a = new TreeMap<>();
        for (int i = 0; i < maps; i++) {
            Map<String, PolicyRule> f = new TreeMap<>();
            for (int j = 0; j < fields; j++) {
                f.put("field" + j, leaf(j % 2 == 0 ? Classification.PUBLIC : Classification.SECRET));
            }
            a.put("map" + i, leaf(i % 2 == 0 ? Classification.PUBLIC : Classification.OWNER_ONLY).withFields(f));
        }
        return policy("many_rules", a);
    }

    private static Policy longName(String name) {
        Map<String, PolicyRule> a = new TreeMap<>();
        a.put(name, leaf(Classification.PUBLIC));
        a.put(name + "!", leaf(Classification.OWNER_ONLY));
        return policy("long_name_" + name.length(), a);
    }

    /** A map nested {@code depth} levels below its top-level attribute, a secret sibling at each level. */
    private static Policy deep(int depth) {
        PolicyRule r = leaf(Classification.PUBLIC);
        for (int i = 0; i < depth; i++) {
            r = leaf(i % 2 == 0 ? Classification.PUBLIC : Classification.OWNER_ONLY)
                    .withFields(Map.of("d" + i, r, "s", leaf(Classification.SECRET)));
        }
        Map<String, PolicyRule> a = new TreeMap<>();
        a.put("root", r);
        return policy("deep", a);
    }
}
