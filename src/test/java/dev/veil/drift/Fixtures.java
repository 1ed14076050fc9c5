package dev.veil.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.DecisionSource;
import dev.veil.model.DynamoType;
import dev.veil.model.IndexInfo;
import dev.veil.model.KeySchema;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.SampleCoverage;
import dev.veil.model.Suggestion;
import dev.veil.model.TableInfo;
import dev.veil.model.TableProfile;
import dev.veil.testing.ProfileBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Model values for drift tests, built the way the sampler, workspace and policy store would. */
final class Fixtures {

    static final Instant RUN_1 = Instant.parse("2024-05-01T09:00:00Z");
    static final Instant RUN_2 = Instant.parse("2024-05-08T09:00:00Z");
    static final Instant DECIDED = Instant.parse("2024-04-20T12:00:00Z");
    static final KeySchema USER_KEY = key("user_id");

    private Fixtures() {
    }

    static KeySchema key(String partition) {
        return new KeySchema(new KeySchema.KeyAttribute(partition, DynamoType.S), Optional.empty());
    }

    static AttributePath path(String text) {
        return AttributePath.parse(text);
    }

    /** An attribute seen in {@code presence} of {@code items} items, each holding one value of {@code type}. */
    static AttributeProfile attr(String path, double presence, long items, DynamoType type) {
        long present = Math.round(presence * items);
        return attr(AttributePath.parse(path), presence, items, Map.of(type, present), Map.of());
    }

    static AttributeProfile attr(AttributePath path, double presence, long items, Map<DynamoType, Long> types,
                                 Map<String, Long> detectorHits) {
        long present = Math.round(presence * items);
        long scanned = types.values().stream().mapToLong(Long::longValue).sum();
        return ProfileBuilder.attribute(path).types(types).present(present).presence(presence).distinct(present)
                .scanned(scanned).hits(detectorHits).build();
    }

    /** An attribute whose string values a detector recognised, all of them. */
    static AttributeProfile detected(String path, long items, String detector) {
        return attr(AttributePath.parse(path), 1.0, items, Map.of(DynamoType.S, items), Map.of(detector, items));
    }

    static TableProfile profile(String table, Instant at, long items, AttributeProfile... attributes) {
        return ProfileBuilder.table(table).sampledAt(at).items(items).key(USER_KEY).attributes(Arrays.asList(attributes))
                .build();
    }

    static PolicyRule leaf(Classification c, DynamoType... types) {
        return PolicyRule.leaf(c, List.of(types), Optional.empty());
    }

    static Policy policy(String table, int version, Map<String, PolicyRule> attributes) {
        return Policy.draft(table, version, Optional.empty(), Optional.of("user_id"), attributes)
                .withDigest("sha256:" + "0".repeat(64));
    }

    static Decision decision(String table, String path, Classification c) {
        return new Decision(table, AttributePath.parse(path), c, "alice", DECIDED, "", DecisionSource.MANUAL);
    }

    static Suggestion suggest(Classification c) {
        return new Suggestion(c, 0.92, List.of("name token `" + c.label() + "`"));
    }

    static TableInfo table(String name, IndexInfo... indexes) {
        return new TableInfo(name, USER_KEY, 1000, 100_000, List.of(indexes), "ACTIVE");
    }

    static IndexInfo gsi(String name, String partitionKey, IndexInfo.Projection projection, String... included) {
        return new IndexInfo(name, IndexInfo.Kind.GLOBAL, key(partitionKey), projection, List.of(included));
    }

    /** The users policy of most tests, v3: the table as it looked when it was last published. */
    static Policy usersPolicy() {
        Map<String, PolicyRule> rules = new TreeMap<>();
        rules.put("user_id", leaf(Classification.PUBLIC, DynamoType.S));
        rules.put("email", leaf(Classification.OWNER_ONLY, DynamoType.S));
        rules.put("age", leaf(Classification.PUBLIC, DynamoType.N));
        rules.put("password_hash", leaf(Classification.SECRET, DynamoType.S));
        rules.put("nickname", leaf(Classification.PUBLIC, DynamoType.S));
        rules.put("address", leaf(Classification.OWNER_ONLY, DynamoType.M)
                .withFields(Map.of("city", leaf(Classification.PUBLIC, DynamoType.S))));
        return policy("users", 3, rules);
    }

    /** The attributes a 500-item sample of users shows when nothing drifted. */
    static List<AttributeProfile> usersAttributes() {
        return new ArrayList<>(List.of(
                attr("user_id", 1.0, 500, DynamoType.S),
                attr("email", 1.0, 500, DynamoType.S),
                attr("age", 1.0, 500, DynamoType.N),
                attr("password_hash", 1.0, 500, DynamoType.S),
                attr("nickname", 0.6, 500, DynamoType.S),
                attr("address", 0.8, 500, DynamoType.M),
                attr("address.city", 0.8, 500, DynamoType.S)));
    }

    /** The users input with the given sample attributes and the published policy, no file. */
    static TableAuditInput.Builder users(List<AttributeProfile> attributes) {
        return TableAuditInput.builder("users").info(table("users"))
                .latestProfile(profile("users", RUN_2, 500, attributes.toArray(AttributeProfile[]::new)))
                .policy(usersPolicy());
    }

    /** Writes a policy the way the policy store does: sorted keys, two-space indent, LF, trailing newline. */
    static Path writePolicy(Path dir, Policy policy) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        Map<String, Object> doc = new TreeMap<>();
        doc.put("format", Policy.FORMAT);
        doc.put("table", policy.table());
        doc.put("version", policy.version());
        doc.put("previous", policy.previous().orElse(null));
        doc.put("owner", policy.owner().orElse(null));
        doc.put("digest", policy.digest().orElse(null));
        ObjectNode attributes = mapper.createObjectNode();
        policy.attributes().forEach((name, rule) -> attributes.set(name, rule(mapper, rule)));
        doc.put("attributes", attributes);
        try {
            Path file = dir.resolve(policy.table()).resolve("v" + policy.version() + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, mapper.writeValueAsString(mapper.valueToTree(doc)).replace("\r\n", "\n") + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode rule(ObjectMapper mapper, PolicyRule rule) {
        ObjectNode n = mapper.createObjectNode();
        rule.classification().ifPresent(c -> n.put("class", c.label()));
        if (!rule.fields().isEmpty()) {
            ObjectNode fields = n.putObject("fields");
            rule.fields().forEach((name, field) -> fields.set(name, rule(mapper, field)));
        }
        rule.items().ifPresent(items -> n.set("items", rule(mapper, items)));
        ArrayNode types = n.putArray("types");
        rule.types().forEach(t -> types.add(t.code()));
        return n;
    }
}
