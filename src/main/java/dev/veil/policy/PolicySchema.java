package dev.veil.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.veil.model.Classification;
import dev.veil.model.Policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The shipped JSON Schema ({@value #RESOURCE}, draft 2020-12) and the translation of its
 * findings into located, actionable messages.
 */
final class PolicySchema {
    /** Classpath location of the schema, also the name the lead copies into the policy store. */
    static final String RESOURCE = "/dev/veil/policy/veil-policy-1.schema.json";
    static final String FILE_NAME = "veil-policy-1.schema.json";

    private static final String TYPE_CODES = "B, BOOL, BS, L, M, N, NS, NULL, S, SS";
    private static final String SEE_SCHEMA = "see " + FILE_NAME + " for the policy format";
    /** The schema of {@code veil-policy/2} (single-table designs), shipped next to the first. */
    static final String RESOURCE_ENTITIES = "/dev/veil/policy/veil-policy-2.schema.json";
    static final String FILE_NAME_ENTITIES = "veil-policy-2.schema.json";

    private static final JsonSchema SCHEMA = load(RESOURCE);
    private static final JsonSchema SCHEMA_ENTITIES = load(RESOURCE_ENTITIES);

    private PolicySchema() {
    }

    /** The schema text as shipped in the jar. */
    static String text() {
        return text(RESOURCE);
    }

    /** The text of the schema at {@code resource} as shipped in the jar. */
    static String text(String resource) {
        try (InputStream in = PolicySchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + resource + "; rebuild Veil");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the jar", e);
        }
    }

    private static JsonSchema load(String resource) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text(resource), config);
    }

    /** Every schema violation in {@code json}, located and explained, in file order. */
    static List<Issue> check(LocatedJson json) {
        JsonNode format = json.root().path(PolicyTree.FORMAT);
        JsonSchema schema = format.isTextual() && format.textValue().equals(Policy.FORMAT_ENTITIES)
                ? SCHEMA_ENTITIES : SCHEMA;
        Set<ValidationMessage> messages = schema.validate(json.root());
        Map<String, Issue> byText = new LinkedHashMap<>();
        for (ValidationMessage m : messages) {
            Issue issue = explain(json, m);
            byText.putIfAbsent(issue.line() + ":" + issue.column() + ":" + issue.message(), issue);
        }
        List<Issue> out = new ArrayList<>(byText.values());
        out.sort(Comparator.comparingInt(Issue::line).thenComparingInt(Issue::column).thenComparing(Issue::message));
        return out;
    }

    private static Issue explain(LocatedJson json, ValidationMessage m) {
        JsonPlace place = place(m.getInstanceLocation());
        JsonNode node = at(json.root(), place);
        String where = place.describe();
        String type = m.getType();
        return switch (type) {
            case "required" -> Issue.at(json.valueAt(place.pointer()),
                    where + " lacks the required key \"" + m.getProperty() + "\"", requiredHint(place, m.getProperty()));
            case "additionalProperties" -> Issue.at(json.keyAt(place.child(m.getProperty()).pointer()),
                    "unknown key \"" + m.getProperty() + "\" in " + where, "allowed keys here: " + allowedKeys(place)
                            + "; check the spelling or remove it");
            case "type" -> Issue.at(json.valueAt(place.pointer()), place.tokens().isEmpty()
                    ? "the file must hold one JSON object, found " + describe(node)
                    : where + " must be " + expected(place) + ", found " + describe(node), SEE_SCHEMA);
            case "propertyNames" -> Issue.at(json.keyAt(place.child(m.getProperty()).pointer()),
                    "an attribute or field name is empty in " + where,
                    "DynamoDB attribute names have at least one character; remove the entry");
            case "enum" -> enumIssue(json, place, node);
            case "const" -> Issue.at(json.valueAt(place.pointer()),
                    "unsupported format " + text(node) + ": this Veil reads \"veil-policy/1\" and \"veil-policy/2\" files",
                    "a newer Veil wrote this file; upgrade Veil, or fix the format value if it was mistyped");
            case "pattern" -> patternIssue(json, place, node);
            case "minimum" -> Issue.at(json.valueAt(place.pointer()),
                    where + " is " + node + " but versions start at 1", "number versions 1, 2, 3… in publishing order");
            case "minItems" -> Issue.at(json.valueAt(place.pointer()),
                    where + " is an empty list", "omit `types` when no type was observed");
            case "minProperties" -> Issue.at(json.valueAt(place.pointer()),
                    where + " is an empty object", "omit `fields` when the map has no field rules: it then passes whole");
            case "uniqueItems" -> Issue.at(json.valueAt(place.pointer()),
                    where + " lists a type code twice", "list each type code once, sorted");
            case "minLength" -> Issue.at(json.valueAt(place.pointer()), where + " is empty",
                    "name a top-level attribute, or write null when no attribute identifies the owner");
            default -> Issue.at(json.valueAt(place.pointer()),
                    where + ": " + stripLocation(m.getMessage()), SEE_SCHEMA);
        };
    }

    private static Issue enumIssue(LocatedJson json, JsonPlace place, JsonNode node) {
        Issue.Spot spot = json.valueAt(place.pointer());
        String key = place.lastKey();
        if (key.equals(PolicyTree.CLASS)) {
            return Issue.at(spot, "unknown class " + text(node) + " for " + place.attributePath().map(p -> "`" + p + "`").orElse("a rule"),
                    "use one of " + Classification.labels());
        }
        if (key.equals("source")) {
            return Issue.at(spot, "unknown review source " + text(node) + " in " + place.describe(),
                    "use manual or accepted-suggestion");
        }
        if (place.tokens().size() >= 2 && place.tokens().get(place.tokens().size() - 2).equals(PolicyTree.TYPES)) {
            return Issue.at(spot, "unknown DynamoDB type code " + text(node) + " in " + place.describe(),
                    "use the wire codes " + TYPE_CODES);
        }
        return Issue.at(spot, place.describe() + " has the unexpected value " + text(node), SEE_SCHEMA);
    }

    private static Issue patternIssue(LocatedJson json, JsonPlace place, JsonNode node) {
        Issue.Spot spot = json.valueAt(place.pointer());
        return switch (place.lastKey()) {
            case PolicyTree.TABLE -> Issue.at(spot, "table name " + text(node) + " is not a DynamoDB table name",
                    "table names are 3 to 255 characters of A-Z a-z 0-9 _ - .");
            case PolicyTree.DIGEST, PolicyTree.PREVIOUS -> Issue.at(spot, place.describe() + " " + text(node) + " is not a digest",
                    "a digest is \"sha256:\" followed by 64 lowercase hex digits; restore the file from version control");
            case "at" -> Issue.at(spot, (place.tokens().get(0).equals(PolicyTree.PUBLISHED) ? "publishing" : "review")
                    + " time " + text(node) + " in " + place.describe() + " is not ISO-8601 UTC",
                    "write it as 2024-05-01T09:30:00Z (UTC, 'Z' suffix, optional fraction of a second)");
            case PolicyTree.TEMPLATE -> Issue.at(spot, "the owner template " + text(node) + " in " + place.describe()
                    + " lacks {id}", "write the owner attribute's value with {id} where the requester id goes, "
                    + "such as \"USER#{id}\"");
            default -> Issue.at(spot, place.describe() + " " + text(node) + " has the wrong form", SEE_SCHEMA);
        };
    }

    private static String requiredHint(JsonPlace place, String key) {
        if (key.equals(PolicyTree.CLASS)) {
            return "add \"class\": one of " + Classification.labels() + " (only an `items` rule may omit it)";
        }
        if (key.equals(PolicyTree.DIGEST) || key.equals(PolicyTree.PREVIOUS)) {
            return "policy files are written by `veil publish`; restore the file from version control";
        }
        return "add it; " + SEE_SCHEMA;
    }

    private static String allowedKeys(JsonPlace place) {
        if (place.tokens().isEmpty()) {
            return "attributes, digest, format, owner, previous, published, table, version";
        }
        if (place.isReview()) {
            return "at, by, note, source";
        }
        if (place.tokens().equals(List.of(PolicyTree.PUBLISHED))) {
            return "at, by, note";
        }
        if (place.isRule()) {
            return "class, fields, items, review, types";
        }
        return "see " + FILE_NAME;
    }

    private static String expected(JsonPlace place) {
        String key = place.lastKey();
        if (place.isRule()) {
            return "an object such as {\"class\": \"public\"}";
        }
        return switch (key) {
            case PolicyTree.VERSION -> "a whole number";
            case PolicyTree.PREVIOUS -> "a digest string, or null for version 1";
            case PolicyTree.OWNER -> "an attribute name, or null";
            case PolicyTree.ATTRIBUTES, PolicyTree.FIELDS, PolicyTree.ITEMS, PolicyTree.REVIEW, PolicyTree.PUBLISHED ->
                    "an object";
            case PolicyTree.TYPES -> "a list of type codes";
            case "" -> "an object";
            default -> "a string";
        };
    }

    private static JsonPlace place(JsonNodePath path) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            tokens.add(String.valueOf(path.getElement(i)));
        }
        return new JsonPlace(tokens);
    }

    private static JsonNode at(JsonNode root, JsonPlace place) {
        JsonNode n = root;
        for (String t : place.tokens()) {
            n = n.isArray() ? n.path(Integer.parseInt(t)) : n.path(t);
        }
        return n;
    }

    private static String describe(JsonNode n) {
        return switch (n.getNodeType()) {
            case STRING -> "the string " + text(n);
            case NUMBER -> "the number " + n;
            case BOOLEAN -> n.asText();
            case NULL -> "null";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> n.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    private static String text(JsonNode n) {
        if (!n.isTextual()) {
            return n.toString();
        }
        StringBuilder sb = new StringBuilder();
        CanonicalJson.quote(n.textValue(), sb);
        return sb.toString();
    }

    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        return message.startsWith("/") || message.startsWith("$") ? message.substring(colon + 2) : message;
    }
}
