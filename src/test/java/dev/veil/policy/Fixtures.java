package dev.veil.policy;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.DecisionSource;
import dev.veil.model.DynamoType;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.Review;
import dev.veil.model.SampleCoverage;
import dev.veil.model.TableProfile;

import dev.veil.testing.ProfileBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Policies, decisions and profiles shared by the policy tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2024-05-01T09:30:00Z");

    private Fixtures() {
    }

    static Review review(String by, String note) {
        return new Review(by, T0, note, DecisionSource.MANUAL);
    }

    static PolicyRule rule(Classification c, DynamoType... types) {
        return PolicyRule.leaf(c, List.of(types), Optional.of(review("alice", "")));
    }

    static PolicyRule rule(Classification c, String by, String note, DynamoType... types) {
        return PolicyRule.leaf(c, List.of(types), Optional.of(review(by, note)));
    }

    static PolicyRule items(PolicyRule itemRule) {
        return new PolicyRule(Optional.empty(), List.of(), new TreeMap<>(), Optional.of(itemRule), Optional.empty());
    }

    static PolicyRule classless(Map<String, PolicyRule> fields) {
        return new PolicyRule(Optional.empty(), List.of(), new TreeMap<>(fields), Optional.empty(), Optional.empty());
    }

    /** The DESIGN.md example, with reviews: user_id, email, password_hash, address{city}, orders[]{total}. */
    static Policy users() {
        Map<String, PolicyRule> a = new TreeMap<>();
        a.put("user_id", rule(Classification.PUBLIC, DynamoType.S));
        a.put("email", rule(Classification.OWNER_ONLY, "alice", "personal data", DynamoType.S));
        a.put("password_hash", PolicyRule.leaf(Classification.SECRET, List.of(DynamoType.S),
                Optional.of(new Review("bob", Instant.parse("2024-05-02T10:00:00.123Z"), "bcrypt hashes",
                        DecisionSource.ACCEPTED_SUGGESTION))));
        a.put("address", rule(Classification.OWNER_ONLY, DynamoType.M)
                .withFields(Map.of("city", rule(Classification.PUBLIC, DynamoType.S))));
        a.put("orders", rule(Classification.OWNER_ONLY, DynamoType.L)
                .withItems(Optional.of(new PolicyRule(Optional.empty(), List.of(DynamoType.M),
                        new TreeMap<>(Map.of("total", rule(Classification.OWNER_ONLY, DynamoType.N))),
                        Optional.empty(), Optional.empty()))));
        return Policy.draft("users", 1, Optional.empty(), Optional.of("user_id"), a);
    }

    /** {@code p} with its digest computed. */
    static Policy sealed(Policy p) {
        return p.withDigest(PolicyDigest.compute(p));
    }

    static Policy withRules(Policy p, Map<String, PolicyRule> attributes) {
        return new Policy(p.table(), p.version(), p.previous(), p.owner(), new TreeMap<>(attributes), Optional.empty());
    }

    static Policy withRule(Policy p, String name, PolicyRule rule) {
        Map<String, PolicyRule> a = new TreeMap<>(p.attributes());
        a.put(name, rule);
        return withRules(p, a);
    }

    static Policy withoutRule(Policy p, String name) {
        Map<String, PolicyRule> a = new TreeMap<>(p.attributes());
        a.remove(name);
        return withRules(p, a);
    }

    static Policy withOwner(Policy p, Optional<String> owner) {
        return new Policy(p.table(), p.version(), p.previous(), owner, new TreeMap<>(p.attributes()), Optional.empty());
    }

    static Decision decision(String path, Classification c) {
        return decision(path, c, "alice", "");
    }

    static Decision decision(String path, Classification c, String by, String note) {
        return new Decision("users", AttributePath.parse(path), c, by, T0, note, DecisionSource.MANUAL);
    }

    static TableProfile profile(Map<String, DynamoType[]> types) {
        List<AttributeProfile> attrs = types.entrySet().stream().map(e -> {
            Map<DynamoType, Long> counts = new EnumMap<>(DynamoType.class);
            Arrays.stream(e.getValue()).forEach(t -> counts.put(t, 3L));
            return ProfileBuilder.attribute(e.getKey()).types(counts).present(3).distinct(3).build();
        }).toList();
        return ProfileBuilder.table("users").sampledAt(T0).items(3).attributes(attrs).build();
    }

    static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/dev/veil/policy/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
