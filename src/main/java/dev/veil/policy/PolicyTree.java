package dev.veil.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.model.Classification;
import dev.veil.model.DecisionSource;
import dev.veil.model.DynamoType;
import dev.veil.model.EntityMatch;
import dev.veil.model.EntityPolicy;
import dev.veil.model.OwnerRule;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.Publication;
import dev.veil.model.Review;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

/**
 * Maps a {@link Policy} to its JSON tree and back. The tree side assumes a document that has
 * already passed the schema and {@link PolicyChecks}; it is not a validator.
 */
final class PolicyTree {
    static final String FORMAT = "format";
    static final String TABLE = "table";
    static final String VERSION = "version";
    static final String PREVIOUS = "previous";
    static final String OWNER = "owner";
    static final String ATTRIBUTES = "attributes";
    static final String DIGEST = "digest";
    static final String CLASS = "class";
    static final String TYPES = "types";
    static final String FIELDS = "fields";
    static final String ITEMS = "items";
    static final String REVIEW = "review";
    static final String PUBLISHED = "published";
    static final String ENTITIES = "entities";
    static final String MATCH = "match";
    static final String ATTRIBUTE = "attribute";
    static final String TEMPLATE = "template";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PolicyTree() {
    }

    /** The document of {@code p}, with {@code digest} as its digest field, or without one when empty. */
    static ObjectNode toTree(Policy p, Optional<String> digest) {
        ObjectNode o = NODES.objectNode();
        o.put(FORMAT, p.format());
        o.put(TABLE, p.table());
        o.put(VERSION, p.version());
        putOptional(o, PREVIOUS, p.previous());
        if (p.hasEntities()) {
            ObjectNode entities = o.putObject(ENTITIES);
            p.entities().forEach((name, e) -> entities.set(name, entity(e)));
        } else {
            putOptional(o, OWNER, p.owner());
            o.set(ATTRIBUTES, rules(p.attributes()));
        }
        p.published().ifPresent(pub -> o.set(PUBLISHED, publication(pub)));
        digest.ifPresent(d -> o.put(DIGEST, d));
        return o;
    }

    private static ObjectNode entity(EntityPolicy e) {
        ObjectNode o = NODES.objectNode();
        o.putObject(MATCH).put(ATTRIBUTE, e.match().attribute()).put(e.match().test().label(), e.match().value());
        if (e.owner().isPresent()) {
            o.putObject(OWNER).put(ATTRIBUTE, e.owner().get().attribute()).put(TEMPLATE, e.owner().get().template());
        } else {
            o.putNull(OWNER);
        }
        o.set(ATTRIBUTES, rules(e.attributes()));
        return o;
    }

    private static EntityPolicy entityFrom(JsonNode o) {
        EntityMatch match = PolicyMatches.of(o.get(MATCH));
        JsonNode owner = o.get(OWNER);
        Optional<OwnerRule> ownerRule = owner == null || owner.isNull() ? Optional.empty()
                : Optional.of(new OwnerRule(owner.get(ATTRIBUTE).textValue(), owner.get(TEMPLATE).textValue()));
        return EntityPolicy.of(match, ownerRule, rulesFrom(o.get(ATTRIBUTES)));
    }

    private static void putOptional(ObjectNode o, String key, Optional<String> value) {
        if (value.isPresent()) {
            o.put(key, value.get());
        } else {
            o.putNull(key);
        }
    }

    private static ObjectNode rules(Map<String, PolicyRule> rules) {
        ObjectNode o = NODES.objectNode();
        rules.forEach((name, rule) -> o.set(name, rule(rule)));
        return o;
    }

    private static ObjectNode rule(PolicyRule r) {
        ObjectNode o = NODES.objectNode();
        r.classification().ifPresent(c -> o.put(CLASS, c.label()));
        if (!r.types().isEmpty()) {
            ArrayNode types = o.putArray(TYPES);
            sortedCodes(r.types()).forEach(types::add);
        }
        if (!r.fields().isEmpty()) {
            o.set(FIELDS, rules(r.fields()));
        }
        r.items().ifPresent(i -> o.set(ITEMS, rule(i)));
        r.review().ifPresent(rv -> o.set(REVIEW, review(rv)));
        return o;
    }

    /** Type codes in the order files list them: sorted as strings. */
    static List<String> sortedCodes(List<DynamoType> types) {
        return types.stream().map(DynamoType::code).sorted(Comparator.naturalOrder()).toList();
    }

    private static ObjectNode review(Review r) {
        ObjectNode o = NODES.objectNode();
        o.put("at", r.at().toString());
        o.put("by", r.reviewer());
        o.put("note", r.note());
        o.put("source", r.source().label());
        return o;
    }

    private static ObjectNode publication(Publication p) {
        ObjectNode o = NODES.objectNode();
        o.put("at", p.at().toString());
        o.put("by", p.by());
        o.put("note", p.note());
        return o;
    }

    /** The policy a checked document describes. */
    static Policy fromTree(JsonNode doc) {
        JsonNode pub = doc.get(PUBLISHED);
        Optional<Publication> published = pub == null ? Optional.empty() : Optional.of(new Publication(
                pub.get("by").textValue(), Instant.parse(pub.get("at").textValue()), pub.get("note").textValue()));
        TreeMap<String, EntityPolicy> entities = new TreeMap<>();
        JsonNode e = doc.get(ENTITIES);
        if (e != null) {
            e.properties().forEach(entry -> entities.put(entry.getKey(), entityFrom(entry.getValue())));
        }
        return new Policy(doc.get(TABLE).textValue(), doc.get(VERSION).intValue(),
                optionalText(doc.get(PREVIOUS)), optionalText(doc.get(OWNER)),
                new TreeMap<>(rulesFrom(doc.get(ATTRIBUTES))), optionalText(doc.get(DIGEST)), published, entities);
    }

    private static Optional<String> optionalText(JsonNode n) {
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n.textValue());
    }

    private static Map<String, PolicyRule> rulesFrom(JsonNode o) {
        Map<String, PolicyRule> out = new TreeMap<>();
        if (o != null) {
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                out.put(e.getKey(), ruleFrom(e.getValue()));
            }
        }
        return out;
    }

    private static PolicyRule ruleFrom(JsonNode o) {
        Optional<Classification> c = optionalText(o.get(CLASS)).flatMap(Classification::fromLabel);
        List<DynamoType> types = o.has(TYPES)
                ? streamTexts(o.get(TYPES)).stream().map(t -> DynamoType.fromCode(t).orElseThrow()).toList()
                : List.of();
        Optional<PolicyRule> items = o.has(ITEMS) ? Optional.of(ruleFrom(o.get(ITEMS))) : Optional.empty();
        Optional<Review> review = o.has(REVIEW) ? Optional.of(reviewFrom(o.get(REVIEW))) : Optional.empty();
        return new PolicyRule(c, types, new TreeMap<>(rulesFrom(o.get(FIELDS))), items, review);
    }

    private static List<String> streamTexts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::textValue).toList();
    }

    private static Review reviewFrom(JsonNode o) {
        return new Review(o.get("by").textValue(), Instant.parse(o.get("at").textValue()),
                o.get("note").textValue(), DecisionSource.fromLabel(o.get("source").textValue()).orElseThrow());
    }
}
