package dev.veil.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM view of a DynamoDB request as it goes over the wire ({@code X-Amz-Target} operation and
 * JSON body): the action, the resource, and the condition keys DynamoDB supplies — the top-level
 * attribute names the request touches (key, projection, key condition and filter) as
 * {@code dynamodb:Attributes}, its {@code Select} (explicit, else {@code SPECIFIC_ATTRIBUTES} with a
 * projection, else the operation's default), and the partition-key values it reads as
 * {@code dynamodb:LeadingKeys}. PartiQL's {@code ExecuteStatement} is authorized as
 * {@code dynamodb:PartiQLSelect}.
 */
final class IamRequests {

    /** The ARN prefix of tables in the simulated account. */
    static final String TABLE_ARN_PREFIX = "arn:aws:dynamodb:eu-west-1:123456789012:table/";

    /** The session tag that holds the requester id of an owner role's session. */
    static final String REQUESTER_TAG = "aws:PrincipalTag/veil_user_id";

    private static final Pattern PLACEHOLDER_OR_NAME = Pattern.compile("[#:]?[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> WORDS = Set.of("and", "or", "not", "between", "in", "begins_with",
            "attribute_exists", "attribute_not_exists", "attribute_type", "contains", "size");
    private static final Pattern EQUALS = Pattern.compile("(#?[A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(:[A-Za-z0-9_]+)");
    private static final Pattern FROM = Pattern.compile("(?i)\\bfrom\\s+\"([^\"]+)\"(\\.\"([^\"]+)\")?");

    private IamRequests() {
    }

    /**
     * The requests IAM authorizes for one DynamoDB call ({@code BatchGetItem}: one per table).
     *
     * @param shapes      each table's keys and indexes
     * @param requesterId the session's requester tag, if the session acts for one
     */
    static List<IamSimulator.Request> of(String operation, JsonNode body, Function<String, TableShape> shapes,
                                         Optional<String> requesterId) {
        List<IamSimulator.Request> out = new ArrayList<>();
        switch (operation) {
            case "GetItem" -> out.add(keyed("dynamodb:GetItem", body.get("TableName").asText(), List.of(body.get("Key")),
                    body, shapes, requesterId));
            case "BatchGetItem" -> body.get("RequestItems").properties().forEach(e -> {
                List<JsonNode> keys = new ArrayList<>();
                e.getValue().get("Keys").forEach(keys::add);
                out.add(keyed("dynamodb:BatchGetItem", e.getKey(), keys, e.getValue(), shapes, requesterId));
            });
            case "Query", "Scan" -> out.add(search(operation, body, shapes, requesterId));
            case "ExecuteStatement" -> {
                Matcher m = FROM.matcher(body.get("Statement").asText());
                String table = m.find() ? m.group(1) : "unknown";
                out.add(new IamSimulator.Request("dynamodb:PartiQLSelect", TABLE_ARN_PREFIX + table, session(requesterId)));
            }
            default -> throw new IllegalArgumentException("no IAM model of " + operation);
        }
        return out;
    }

    private static IamSimulator.Request keyed(String action, String table, List<JsonNode> keys, JsonNode body,
                                              Function<String, TableShape> shapes, Optional<String> requesterId) {
        String partitionKey = shapes.apply(table).keySchema().partitionKey().name();
        Set<String> attributes = new LinkedHashSet<>();
        List<String> leading = new ArrayList<>();
        for (JsonNode key : keys) {
            key.fieldNames().forEachRemaining(attributes::add);
            Optional.ofNullable(key.get(partitionKey)).map(IamRequests::text).ifPresent(leading::add);
        }
        boolean projected = projection(body, attributes);
        Map<String, Object> context = session(requesterId);
        context.put("dynamodb:Attributes", List.copyOf(attributes));
        context.put("dynamodb:Select", projected ? "SPECIFIC_ATTRIBUTES" : "ALL_ATTRIBUTES");
        if (!leading.isEmpty()) {
            context.put("dynamodb:LeadingKeys", leading);
        }
        return new IamSimulator.Request(action, TABLE_ARN_PREFIX + table, context);
    }

    private static IamSimulator.Request search(String operation, JsonNode body, Function<String, TableShape> shapes,
                                               Optional<String> requesterId) {
        String table = body.get("TableName").asText();
        TableShape shape = shapes.apply(table);
        Optional<String> index = Optional.ofNullable(body.get("IndexName")).map(JsonNode::asText);
        String partitionKey = index.flatMap(i -> shape.indexes().stream().filter(x -> x.name().equals(i)).findFirst())
                .map(x -> x.keySchema().partitionKey().name()).orElse(shape.keySchema().partitionKey().name());
        Map<String, String> names = names(body);
        Set<String> attributes = new LinkedHashSet<>();
        List<String> leading = new ArrayList<>();
        for (String field : List.of("KeyConditionExpression", "FilterExpression")) {
            if (body.hasNonNull(field)) {
                attributes.addAll(topLevelNames(body.get(field).asText(), names));
            }
        }
        if (body.hasNonNull("KeyConditionExpression")) {
            Matcher m = EQUALS.matcher(body.get("KeyConditionExpression").asText());
            while (m.find()) {
                if (resolve(m.group(1), names).equals(partitionKey)) {
                    leading.add(text(body.get("ExpressionAttributeValues").get(m.group(2))));
                }
            }
        }
        boolean projected = projection(body, attributes);
        String select = body.hasNonNull("Select") ? body.get("Select").asText()
                : projected ? "SPECIFIC_ATTRIBUTES" : index.isPresent() ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
        Map<String, Object> context = session(requesterId);
        context.put("dynamodb:Attributes", List.copyOf(attributes));
        context.put("dynamodb:Select", select);
        if (!leading.isEmpty()) {
            context.put("dynamodb:LeadingKeys", leading);
        }
        String resource = TABLE_ARN_PREFIX + table + index.map(i -> "/index/" + i).orElse("");
        return new IamSimulator.Request("dynamodb:" + operation, resource, context);
    }

    /** Adds the projection's top-level names; true when the request has a projection. */
    private static boolean projection(JsonNode body, Set<String> attributes) {
        if (body.hasNonNull("ProjectionExpression")) {
            Map<String, String> names = names(body);
            for (String path : body.get("ProjectionExpression").asText().split(",")) {
                String first = path.strip().split("[.\\[]", 2)[0];
                attributes.add(resolve(first, names));
            }
            return true;
        }
        if (body.hasNonNull("AttributesToGet")) {
            body.get("AttributesToGet").forEach(a -> attributes.add(a.asText()));
            return true;
        }
        return false;
    }

    /** The top-level attribute names of a condition: names not after a dot, placeholders resolved. */
    static List<String> topLevelNames(String expression, Map<String, String> names) {
        List<String> out = new ArrayList<>();
        Matcher m = PLACEHOLDER_OR_NAME.matcher(expression);
        while (m.find()) {
            String token = m.group();
            boolean nested = m.start() > 0 && expression.charAt(m.start() - 1) == '.';
            boolean call = expression.substring(m.end()).stripLeading().startsWith("(") && !token.startsWith("#");
            if (token.startsWith(":") || nested || call || WORDS.contains(token.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            out.add(resolve(token, names));
        }
        return out;
    }

    private static Map<String, String> names(JsonNode body) {
        Map<String, String> names = new LinkedHashMap<>();
        if (body.hasNonNull("ExpressionAttributeNames")) {
            body.get("ExpressionAttributeNames").properties().forEach(e -> names.put(e.getKey(), e.getValue().asText()));
        }
        return names;
    }

    private static String resolve(String token, Map<String, String> names) {
        if (!token.startsWith("#")) {
            return token;
        }
        String name = names.get(token);
        if (name == null) {
            throw new IllegalArgumentException("placeholder " + token + " has no ExpressionAttributeNames entry");
        }
        return name;
    }

    /** A key value as IAM compares it: the string or number's text. */
    private static String text(JsonNode value) {
        for (String type : List.of("S", "N", "B")) {
            if (value.has(type)) {
                return value.get(type).asText();
            }
        }
        throw new IllegalArgumentException("not a key value: " + value);
    }

    private static Map<String, Object> session(Optional<String> requesterId) {
        Map<String, Object> context = new LinkedHashMap<>();
        requesterId.ifPresent(r -> context.put(REQUESTER_TAG, r));
        return context;
    }
}
