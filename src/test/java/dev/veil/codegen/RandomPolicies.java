package dev.veil.codegen;

import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.DynamoValue;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * Random policies and items for the differential test, with hostile attribute names (quotes,
 * backslashes, newlines, comment and template syntax, reserved words, keywords of the target
 * languages, U+2028, emoji) and nesting several levels deep. Items mostly follow the policy's
 * shape, sometimes drift from it, and carry attributes the policy does not name.
 */
final class RandomPolicies {

    static final List<String> HOSTILE = List.of("name", "status", "data", "user", "class", "def", "function",
            "constructor", "__proto__", "toString", "hasOwnProperty", "import", "return", "None", "null", "self",
            "a.b", "x y", "with-dash", "1leading", "\"", "'", "\\", "\\u0022", "\n", "*/", "/*", "\"\"\"", "${x}",
            "`tick`", "#", ":v", "#n0", "#veil0", "\u2028", "\u2029", "emoji😀", "Straße", "名前", "", "ok",
            "\0", "\r\n", "\t", "\u202e", "\ud800", "\udc00lone", "\\u000a", "'''", "<!--", "</script>", "?>", "%s", "{}",
            "valueOf", "prototype", "__init__", "__class__", "lambda", "async", "await", "yield", "var", "let", "enum");

    private final Random random;

    RandomPolicies(long seed) {
        random = new Random(seed);
    }

    Policy policy(String table) {
        Map<String, PolicyRule> attributes = new TreeMap<>();
        String ownerName = random.nextBoolean() ? "owner_id" : name();
        attributes.put(ownerName, leaf(pick(Classification.values())));
        int n = 1 + random.nextInt(7);
        for (int i = 0; i < n; i++) {
            attributes.put(name(), rule(0));
        }
        Optional<String> owner = random.nextInt(5) == 0 ? Optional.empty() : Optional.of(ownerName);
        return CodegenFixtures.digested(Policy.draft(table, 1 + random.nextInt(9), Optional.empty(), owner, attributes));
    }

    /** A random rule: a leaf, a map with fields or a list with an element rule. */
    PolicyRule rule() {
        return rule(0);
    }

    private PolicyRule rule(int depth) {
        Classification c = pick(Classification.values());
        int shape = depth >= 4 ? 0 : random.nextInt(4);
        if (shape == 1) {
            Map<String, PolicyRule> fields = new TreeMap<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                fields.put(name(), rule(depth + 1));
            }
            return leaf(c).withFields(fields);
        }
        if (shape == 2) {
            PolicyRule items = random.nextBoolean() ? rule(depth + 1)
                    : new PolicyRule(Optional.empty(), List.of(), new TreeMap<>(Map.of(name(), rule(depth + 1))),
                            Optional.empty(), Optional.empty());
            return leaf(c).withItems(Optional.of(items));
        }
        return leaf(c);
    }

    private PolicyRule leaf(Classification c) {
        return PolicyRule.leaf(c, List.of(DynamoType.S), Optional.empty());
    }

    /** An item shaped after the policy, with drift and unnamed attributes. */
    Map<String, DynamoValue> item(Policy policy, List<String> ownerIds) {
        Map<String, DynamoValue> item = new LinkedHashMap<>();
        policy.attributes().forEach((name, rule) -> {
            if (random.nextInt(6) != 0) {
                item.put(name, value(rule, 0));
            }
        });
        if (random.nextInt(8) != 0) {
            String id = ownerIds.get(random.nextInt(ownerIds.size()));
            item.put(policy.owner().orElse("owner_id"), random.nextBoolean() || !id.matches("[1-9][0-9]*") ? new DynamoValue.S(id) : new DynamoValue.N(id));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            item.put(name() + "_extra", scalar());
        }
        return item;
    }

    private DynamoValue value(PolicyRule rule, int depth) {
        if (random.nextInt(10) == 0 || depth > 6) {
            return scalar();
        }
        if (!rule.fields().isEmpty()) {
            Map<String, DynamoValue> m = new LinkedHashMap<>();
            rule.fields().forEach((name, child) -> {
                if (random.nextInt(4) != 0) {
                    m.put(name, value(child, depth + 1));
                }
            });
            m.put(name() + "_unnamed", scalar());
            return new DynamoValue.M(m);
        }
        if (rule.items().isPresent()) {
            List<DynamoValue> l = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                l.add(value(rule.items().get(), depth + 1));
            }
            return new DynamoValue.L(l);
        }
        return random.nextInt(5) == 0 ? container(depth) : scalar();
    }

    private DynamoValue container(int depth) {
        return random.nextBoolean()
                ? new DynamoValue.M(Map.of(name(), scalar(), "k", depth > 3 ? scalar() : container(depth + 1)))
                : new DynamoValue.L(List.of(scalar(), scalar()));
    }

    DynamoValue scalar() {
        return switch (random.nextInt(9)) {
            case 0 -> new DynamoValue.S(name());
            case 1 -> new DynamoValue.N(pick(new String[] {"0", "-1", "3.14", "12345678901234567890123456789012345678",
                "1E+3", "0.000001", "42"}));
            case 2 -> new DynamoValue.B(DynamoValue.Bytes.of(new byte[] {1, 2, (byte) random.nextInt(256)}));
            case 3 -> new DynamoValue.Bool(random.nextBoolean());
            case 4 -> new DynamoValue.Null();
            case 5 -> new DynamoValue.SS(List.of("a", "b" + random.nextInt(9)));
            case 6 -> new DynamoValue.NS(List.of("1", "2.5"));
            case 7 -> new DynamoValue.BS(List.of(DynamoValue.Bytes.of(new byte[] {9}), DynamoValue.Bytes.of(new byte[] {8, 7})));
            default -> new DynamoValue.S("plain " + random.nextInt(1000));
        };
    }

    String name() {
        String base = HOSTILE.get(random.nextInt(HOSTILE.size()));
        return random.nextInt(3) == 0 ? base + random.nextInt(5) : base;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    Random random() {
        return random;
    }
}
