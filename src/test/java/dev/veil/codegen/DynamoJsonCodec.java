package dev.veil.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.model.DynamoValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB JSON ({@code {"S": "x"}}) for model values, the wire format the test harnesses of the
 * generated Python and TypeScript read and write. {@link #normalise} makes two encodings of the
 * same item comparable: numbers by value, sets sorted.
 */
final class DynamoJsonCodec {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DynamoJsonCodec() {
    }

    static ObjectNode item(Map<String, DynamoValue> item) {
        ObjectNode o = F.objectNode();
        item.forEach((k, v) -> o.set(k, value(v)));
        return o;
    }

    static JsonNode value(DynamoValue v) {
        ObjectNode o = F.objectNode();
        if (v instanceof DynamoValue.S s) {
            o.put("S", s.value());
        } else if (v instanceof DynamoValue.N n) {
            o.put("N", n.value());
        } else if (v instanceof DynamoValue.B b) {
            o.put("B", b.value().base64());
        } else if (v instanceof DynamoValue.Bool b) {
            o.put("BOOL", b.value());
        } else if (v instanceof DynamoValue.Null) {
            o.put("NULL", true);
        } else if (v instanceof DynamoValue.M m) {
            o.set("M", item(m.value()));
        } else if (v instanceof DynamoValue.L l) {
            ArrayNode a = o.putArray("L");
            l.value().forEach(e -> a.add(value(e)));
        } else if (v instanceof DynamoValue.SS ss) {
            ArrayNode a = o.putArray("SS");
            ss.value().forEach(a::add);
        } else if (v instanceof DynamoValue.NS ns) {
            ArrayNode a = o.putArray("NS");
            ns.value().forEach(a::add);
        } else if (v instanceof DynamoValue.BS bs) {
            ArrayNode a = o.putArray("BS");
            bs.value().forEach(b -> a.add(b.base64()));
        }
        return o;
    }

    static Map<String, DynamoValue> readItem(JsonNode node) {
        Map<String, DynamoValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), readValue(e.getValue()));
        }
        return out;
    }

    static DynamoValue readValue(JsonNode node) {
        Map.Entry<String, JsonNode> e = node.properties().iterator().next();
        JsonNode v = e.getValue();
        return switch (e.getKey()) {
            case "S" -> new DynamoValue.S(v.asText());
            case "N" -> new DynamoValue.N(v.asText());
            case "B" -> new DynamoValue.B(DynamoValue.Bytes.of(Base64.getDecoder().decode(v.asText())));
            case "BOOL" -> new DynamoValue.Bool(v.asBoolean());
            case "NULL" -> new DynamoValue.Null();
            case "M" -> new DynamoValue.M(readItem(v));
            case "L" -> {
                List<DynamoValue> l = new ArrayList<>();
                v.forEach(x -> l.add(readValue(x)));
                yield new DynamoValue.L(l);
            }
            case "SS" -> new DynamoValue.SS(texts(v));
            case "NS" -> new DynamoValue.NS(texts(v));
            case "BS" -> new DynamoValue.BS(texts(v).stream()
                    .map(t -> DynamoValue.Bytes.of(Base64.getDecoder().decode(t))).toList());
            default -> throw new IllegalArgumentException("unknown type " + e.getKey());
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    /** The same item with numbers in one canonical text and set elements sorted. */
    static Map<String, DynamoValue> normalise(Map<String, DynamoValue> item) {
        Map<String, DynamoValue> out = new LinkedHashMap<>();
        item.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.put(e.getKey(), normalise(e.getValue())));
        return out;
    }

    private static DynamoValue normalise(DynamoValue v) {
        if (v instanceof DynamoValue.N n) {
            return new DynamoValue.N(number(n.value()));
        }
        if (v instanceof DynamoValue.M m) {
            return new DynamoValue.M(normalise(m.value()));
        }
        if (v instanceof DynamoValue.L l) {
            return new DynamoValue.L(l.value().stream().map(DynamoJsonCodec::normalise).toList());
        }
        if (v instanceof DynamoValue.SS ss) {
            return new DynamoValue.SS(ss.value().stream().sorted().toList());
        }
        if (v instanceof DynamoValue.NS ns) {
            return new DynamoValue.NS(ns.value().stream().map(DynamoJsonCodec::number).sorted().toList());
        }
        if (v instanceof DynamoValue.BS bs) {
            return new DynamoValue.BS(bs.value().stream().sorted(Comparator.comparing(DynamoValue.Bytes::base64)).toList());
        }
        return v;
    }

    private static String number(String text) {
        BigDecimal d = new BigDecimal(text);
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
