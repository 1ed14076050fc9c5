package dev.veil.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.AttributeProfile.LengthRange;
import dev.veil.model.AttributeProfile.NumberRange;
import dev.veil.model.DynamoType;
import dev.veil.model.EntityMatch;
import dev.veil.model.EntityProfile;
import dev.veil.model.IndexInfo;
import dev.veil.model.KeySchema;
import dev.veil.model.PathSyntaxException;
import dev.veil.model.SampleCoverage;
import dev.veil.model.TableProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes and reads the stored JSON form of a {@link TableProfile} ({@value #FORMAT}). The mapping
 * is spelled out field by field, not derived from the records, so that the stored format changes
 * only on purpose: paths are their printed form, absent values are {@code null}, numbers at full
 * precision are strings, instants are ISO-8601, and every non-ASCII character is escaped so the
 * text survives any storage encoding.
 */
final class ProfileJson {
    static final String FORMAT = "veil-profile/1";

    /** DynamoDB allows 64 KB attribute names; Jackson's default limit is 50,000 characters. */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(longNames(1 << 20)).build())
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProfileJson() {
    }

    /** A stored profile that does not have the expected shape; says which field. */
    static final class MalformedProfileException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedProfileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static String write(TableProfile p) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("table", p.table());
        root.put("source", p.source());
        root.put("sampledAt", p.sampledAt().toString());
        root.put("itemsSampled", p.itemsSampled());
        root.set("keySchema", orNull(p.keySchema(), ProfileJson::keySchema));
        root.set("coverage", coverage(p.coverage()));
        ArrayNode attributes = root.putArray("attributes");
        p.attributes().forEach(a -> attributes.add(attribute(a)));
        if (!p.indexes().isEmpty()) {
            ArrayNode indexes = root.putArray("indexes");
            p.indexes().forEach(i -> indexes.add(index(i)));
        }
        if (!p.entities().isEmpty()) {
            ArrayNode entities = root.putArray("entities");
            p.entities().forEach(e -> entities.add(entity(e)));
        }
        return text(root);
    }

    static TableProfile read(String json) {
        JsonNode root = parse(json);
        String format = text(root, "format");
        if (!FORMAT.equals(format)) {
            throw malformed("format is \"" + format + "\", expected \"" + FORMAT + "\"", null);
        }
        List<AttributeProfile> attributes = new ArrayList<>();
        for (JsonNode a : array(root, "attributes")) {
            attributes.add(attribute(a));
        }
        List<IndexInfo> indexes = new ArrayList<>();
        if (root.has("indexes")) {
            for (JsonNode i : array(root, "indexes")) {
                indexes.add(index(i));
            }
        }
        List<EntityProfile> entities = new ArrayList<>();
        if (root.has("entities")) {
            for (JsonNode e : array(root, "entities")) {
                entities.add(entity(e));
            }
        }
        return construct("profile", () -> new TableProfile(text(root, "table"), text(root, "source"),
                instant(root, "sampledAt"), integer(root, "itemsSampled"),
                optional(root, "keySchema", ProfileJson::keySchema), attributes, coverage(object(root, "coverage")),
                indexes, entities));
    }

    /** One kind of item of a single-table design; profiles written before entities were found have none. */
    private static ObjectNode entity(EntityProfile e) {
        ObjectNode node = NODES.objectNode().put("name", e.name()).put("itemsSampled", e.itemsSampled());
        node.putObject("match").put("attribute", e.match().attribute()).put(e.match().test().label(), e.match().value());
        ArrayNode attributes = node.putArray("attributes");
        e.attributes().forEach(a -> attributes.add(attribute(a)));
        return node;
    }

    private static EntityProfile entity(JsonNode n) {
        String name = text(n, "name");
        JsonNode m = object(n, "match");
        EntityMatch match = construct("entity " + name, () -> m.has("equals")
                ? EntityMatch.equalTo(text(m, "attribute"), text(m, "equals"))
                : EntityMatch.beginningWith(text(m, "attribute"), text(m, "beginsWith")));
        List<AttributeProfile> attributes = new ArrayList<>();
        for (JsonNode a : array(n, "attributes")) {
            attributes.add(attribute(a));
        }
        return construct("entity " + name, () -> new EntityProfile(name, match, integer(n, "itemsSampled"),
                attributes));
    }

    /** An index as DescribeTable declared it; profiles written before indexes were recorded have none. */
    private static ObjectNode index(IndexInfo i) {
        ObjectNode node = NODES.objectNode().put("name", i.name()).put("kind", i.kind().name());
        node.set("keySchema", keySchema(i.keySchema()));
        node.put("projection", i.projection().name());
        ArrayNode nonKey = node.putArray("nonKeyAttributes");
        i.nonKeyAttributes().forEach(nonKey::add);
        return node;
    }

    private static IndexInfo index(JsonNode n) {
        List<String> nonKey = new ArrayList<>();
        for (JsonNode a : array(n, "nonKeyAttributes")) {
            nonKey.add(textValue(a, "nonKeyAttributes"));
        }
        return construct("index", () -> new IndexInfo(text(n, "name"), IndexInfo.Kind.valueOf(text(n, "kind")),
                keySchema(object(n, "keySchema")), IndexInfo.Projection.valueOf(text(n, "projection")), nonKey));
    }

    /** Settings as a JSON object with sorted keys. */
    static String writeSettings(Map<String, String> settings) {
        ObjectNode node = NODES.objectNode();
        new TreeMap<>(settings).forEach(node::put);
        return text(node);
    }

    static SortedMap<String, String> readSettings(String json) {
        SortedMap<String, String> out = new TreeMap<>();
        parse(json).properties().forEach(e -> out.put(e.getKey(), textValue(e.getValue(), e.getKey())));
        return out;
    }

    private static ObjectNode keySchema(KeySchema k) {
        ObjectNode node = NODES.objectNode();
        node.set("partitionKey", keyAttribute(k.partitionKey()));
        node.set("sortKey", orNull(k.sortKey(), ProfileJson::keyAttribute));
        return node;
    }

    private static KeySchema keySchema(JsonNode n) {
        return new KeySchema(keyAttribute(object(n, "partitionKey")), optional(n, "sortKey", ProfileJson::keyAttribute));
    }

    private static ObjectNode keyAttribute(KeySchema.KeyAttribute k) {
        return NODES.objectNode().put("name", k.name()).put("type", k.type().code());
    }

    private static KeySchema.KeyAttribute keyAttribute(JsonNode n) {
        return new KeySchema.KeyAttribute(text(n, "name"), type(text(n, "type")));
    }

    private static ObjectNode coverage(SampleCoverage c) {
        return NODES.objectNode()
                .put("totalSegments", c.totalSegments())
                .put("segmentsRead", c.segmentsRead())
                .put("nonEmptySegments", c.nonEmptySegments())
                .put("collectionsTouched", c.collectionsTouched())
                .put("pathsSeenOnce", c.pathsSeenOnce())
                .put("unseenPathEstimate", c.unseenPathEstimate())
                .put("stable", c.stable())
                .put("requests", c.requests())
                .put("consumedCapacity", c.consumedCapacity());
    }

    private static SampleCoverage coverage(JsonNode n) {
        return new SampleCoverage(Math.toIntExact(integer(n, "totalSegments")), Math.toIntExact(integer(n, "segmentsRead")),
                Math.toIntExact(integer(n, "nonEmptySegments")), integer(n, "collectionsTouched"),
                integer(n, "pathsSeenOnce"), real(n, "unseenPathEstimate"), bool(n, "stable"),
                // Profiles stored before the sampler recorded its cost have neither field.
                n.has("requests") ? integer(n, "requests") : 0,
                n.has("consumedCapacity") ? real(n, "consumedCapacity") : 0.0);
    }

    private static ObjectNode attribute(AttributeProfile a) {
        ObjectNode node = NODES.objectNode();
        node.put("path", a.path().toString());
        ObjectNode types = node.putObject("types");
        a.types().forEach((t, count) -> types.put(t.code(), count));
        node.put("itemsPresent", a.itemsPresent());
        node.put("presence", a.presence());
        node.set("stringLength", orNull(a.stringLength(), ProfileJson::lengthRange));
        node.set("binaryLength", orNull(a.binaryLength(), ProfileJson::lengthRange));
        node.set("numberRange", orNull(a.numberRange(), ProfileJson::numberRange));
        node.put("distinctEstimate", a.distinctEstimate());
        ArrayNode examples = node.putArray("maskedExamples");
        a.maskedExamples().forEach(examples::add);
        node.put("valuesScanned", a.valuesScanned());
        ObjectNode hits = node.putObject("detectorHits");
        a.detectorHits().forEach(hits::put);
        return node;
    }

    private static AttributeProfile attribute(JsonNode n) {
        AttributePath path = path(text(n, "path"));
        Map<DynamoType, Long> types = new EnumMap<>(DynamoType.class);
        object(n, "types").properties().forEach(e -> types.put(type(e.getKey()), integerValue(e.getValue(), e.getKey())));
        List<String> examples = new ArrayList<>();
        for (JsonNode e : array(n, "maskedExamples")) {
            examples.add(textValue(e, "maskedExamples"));
        }
        SortedMap<String, Long> hits = new TreeMap<>();
        object(n, "detectorHits").properties().forEach(e -> hits.put(e.getKey(), integerValue(e.getValue(), e.getKey())));
        return construct("attribute " + path, () -> new AttributeProfile(path, types, integer(n, "itemsPresent"),
                real(n, "presence"), optional(n, "stringLength", ProfileJson::lengthRange),
                optional(n, "binaryLength", ProfileJson::lengthRange), optional(n, "numberRange", ProfileJson::numberRange),
                integer(n, "distinctEstimate"), examples, integer(n, "valuesScanned"), hits));
    }

    private static ObjectNode lengthRange(LengthRange r) {
        return NODES.objectNode().put("min", r.min()).put("max", r.max());
    }

    private static LengthRange lengthRange(JsonNode n) {
        return new LengthRange(integer(n, "min"), integer(n, "max"));
    }

    // Strings, not JSON numbers: no reader along the way can round a 38-digit number.
    private static ObjectNode numberRange(NumberRange r) {
        return NODES.objectNode().put("min", r.min().toString()).put("max", r.max().toString());
    }

    private static NumberRange numberRange(JsonNode n) {
        return new NumberRange(decimal(n, "min"), decimal(n, "max"));
    }

    private static <T> JsonNode orNull(Optional<T> value, Function<T, ? extends JsonNode> write) {
        return value.<JsonNode>map(write).orElse(NODES.nullNode());
    }

    // --- reading helpers: each names the field that is wrong ---

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw malformed("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw malformed("field \"" + name + "\" is missing", null);
        }
        return v;
    }

    private static JsonNode object(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isObject()) {
            throw malformed("field \"" + name + "\" is not an object", null);
        }
        return v;
    }

    private static JsonNode array(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isArray()) {
            throw malformed("field \"" + name + "\" is not an array", null);
        }
        return v;
    }

    private static String text(JsonNode n, String name) {
        return textValue(field(n, name), name);
    }

    private static String textValue(JsonNode v, String name) {
        if (!v.isTextual()) {
            throw malformed("field \"" + name + "\" is not a string", null);
        }
        return v.textValue();
    }

    private static long integer(JsonNode n, String name) {
        return integerValue(field(n, name), name);
    }

    private static long integerValue(JsonNode v, String name) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw malformed("field \"" + name + "\" is not a whole number", null);
        }
        return v.longValue();
    }

    private static double real(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (v.isNumber()) {
            return v.doubleValue();
        }
        try {
            return Double.parseDouble(textValue(v, name)); // NaN and infinities are written as strings
        } catch (NumberFormatException e) {
            throw malformed("field \"" + name + "\" is not a number", e);
        }
    }

    private static boolean bool(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isBoolean()) {
            throw malformed("field \"" + name + "\" is not true or false", null);
        }
        return v.booleanValue();
    }

    private static BigDecimal decimal(JsonNode n, String name) {
        String s = text(n, name);
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw malformed("field \"" + name + "\" is not a decimal number: " + s, e);
        }
    }

    private static Instant instant(JsonNode n, String name) {
        String s = text(n, name);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw malformed("field \"" + name + "\" is not an ISO-8601 instant: " + s, e);
        }
    }

    private static <T> Optional<T> optional(JsonNode n, String name, Function<JsonNode, T> read) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(read.apply(v));
    }

    private static DynamoType type(String code) {
        return DynamoType.fromCode(code).orElseThrow(() -> malformed("unknown DynamoDB type \"" + code + "\"", null));
    }

    private static AttributePath path(String text) {
        try {
            return AttributePath.parse(text);
        } catch (PathSyntaxException e) {
            throw malformed(e.getMessage(), e);
        }
    }

    private static <T> T construct(String what, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw malformed(what + ": " + e.getMessage(), e);
        }
    }

    private static MalformedProfileException malformed(String problem, Throwable cause) {
        return new MalformedProfileException(problem, cause);
    }

    /** Long names allowed; Jackson before 2.16 (as Spark 3.5 brings) has no name limit nor this setting. */
    private static StreamReadConstraints longNames(int max) {
        try {
            return StreamReadConstraints.builder().maxNameLength(max).build();
        } catch (NoSuchMethodError olderJackson) {
            return StreamReadConstraints.defaults();
        }
    }
}
