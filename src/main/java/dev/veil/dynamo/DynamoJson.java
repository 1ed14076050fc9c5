package dev.veil.dynamo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.veil.model.DynamoType;
import dev.veil.model.DynamoValue;

/**
 * Reads DynamoDB JSON ({@code {"S":"x"}}, {@code {"N":"1"}}, {@code {"M":{...}}}...) into model
 * values. Problems raise {@link IllegalArgumentException} naming the attribute path.
 */
final class DynamoJson {

    private DynamoJson() {
    }

    static Map<String, DynamoValue> item(JsonNode node, String where) {
        return fields(node, where, "");
    }

    private static Map<String, DynamoValue> fields(JsonNode node, String where, String prefix) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + " is not a JSON object of attributes");
        }
        Map<String, DynamoValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            out.put(field.getKey(), value(field.getValue(), prefix + field.getKey()));
        }
        return out;
    }

    static DynamoValue value(JsonNode node, String path) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new IllegalArgumentException("attribute " + path
                    + " must be an object with exactly one type key such as {\"S\":\"text\"}");
        }
        String code = node.fieldNames().next();
        JsonNode v = node.get(code);
        DynamoType type = DynamoType.fromCode(code).filter(t -> t.code().equals(code))
                .orElseThrow(() -> new IllegalArgumentException("attribute " + path + " has unknown type '" + code
                        + "' (expected S, N, B, BOOL, NULL, M, L, SS, NS or BS)"));
        switch (type) {
            case S:
                return new DynamoValue.S(text(v, path));
            case N:
                return new DynamoValue.N(number(v, path));
            case B:
                return new DynamoValue.B(bytes(v, path));
            case BOOL:
                if (!v.isBoolean()) {
                    throw new IllegalArgumentException("attribute " + path + ": BOOL must be true or false");
                }
                return new DynamoValue.Bool(v.booleanValue());
            case NULL:
                return new DynamoValue.Null();
            case M:
                return new DynamoValue.M(fields(v, "attribute " + path + " (M)", path + "."));
            case L:
                return new DynamoValue.L(list(v, path, (e, i) -> value(e, path + "[" + i + "]")));
            case SS:
                return new DynamoValue.SS(list(v, path, (e, i) -> text(e, path)));
            case NS:
                return new DynamoValue.NS(list(v, path, (e, i) -> number(e, path)));
            case BS:
                return new DynamoValue.BS(list(v, path, (e, i) -> bytes(e, path)));
            default:
                throw new IllegalStateException("unhandled type " + type);
        }
    }

    private interface Element<T> {
        T read(JsonNode node, int index);
    }

    private static <T> List<T> list(JsonNode node, String path, Element<T> element) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("attribute " + path + " must hold a JSON array");
        }
        List<T> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(element.read(node.get(i), i));
        }
        return out;
    }

    private static String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("attribute " + path + " must hold a JSON string");
        }
        return node.textValue();
    }

    private static String number(JsonNode node, String path) {
        String text = node.isTextual() ? node.textValue() : node.isNumber() ? node.asText() : null;
        try {
            if (text == null) {
                throw new NumberFormatException();
            }
            new BigDecimal(text);
            return text;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("attribute " + path + " must hold a number as a string, such as \"42\"");
        }
    }

    private static DynamoValue.Bytes bytes(JsonNode node, String path) {
        String text = text(node, path);
        try {
            return DynamoValue.Bytes.of(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("attribute " + path + " must hold base64 text: " + e.getMessage());
        }
    }
}
