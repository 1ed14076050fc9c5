package dev.veil.codegen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.codegen.bench.HandWrittenAllowList;
import dev.veil.codegen.bench.UsersSanitizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The generated Java sanitizer against what a Java developer would otherwise use: a hand-written
 * allow-list, and Jackson (item converted to a tree, then fields retained per view). Realistic
 * users items: 13 attributes, a nested address, three orders. Run:
 * {@code java -cp target/test-classes:target/classes:<classpath> org.openjdk.jmh.Main SanitizerBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SanitizerBenchmark {

    @Param({"owner", "stranger"})
    public String requester;

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<Map<String, AttributeValue>> items = new ArrayList<>();
    private String requesterId;
    private int next;

    @Setup
    public void items() {
        for (int i = 0; i < 64; i++) {
            items.add(item(i));
        }
        requesterId = requester.equals("owner") ? "usr_0" : "usr_someone";
    }

    private Map<String, AttributeValue> nextItem() {
        next = (next + 1) & 63;
        return items.get(next);
    }

    @Benchmark
    public Map<String, AttributeValue> generated() {
        return UsersSanitizer.sanitize(nextItem(), requesterId);
    }

    @Benchmark
    public Map<String, AttributeValue> handWrittenAllowList() {
        return HandWrittenAllowList.sanitize(nextItem(), requesterId);
    }

    @Benchmark
    public ObjectNode jacksonTreeRetain() {
        Map<String, AttributeValue> item = nextItem();
        ObjectNode node = mapper.valueToTree(plain(item));
        boolean owner = requesterId.equals(item.get("user_id").s());
        node.retain(owner ? Set.of("user_id", "username", "tags", "email", "lifetime_points", "address", "orders")
                : Set.of("user_id", "username", "tags"));
        if (owner && node.has("address")) {
            ((ObjectNode) node.get("address")).retain("city");
        }
        if (owner && node.has("orders")) {
            node.get("orders").forEach(o -> ((ObjectNode) o).retain("order_id", "total"));
        }
        return node;
    }

    /** What a service hands Jackson: the item as plain Java values. */
    static Object plain(AttributeValue v) {
        if (v.s() != null) {
            return v.s();
        }
        if (v.n() != null) {
            return new java.math.BigDecimal(v.n());
        }
        if (v.hasM()) {
            return plain(v.m());
        }
        if (v.hasL()) {
            return v.l().stream().map(SanitizerBenchmark::plain).toList();
        }
        if (v.hasSs()) {
            return v.ss();
        }
        if (v.bool() != null) {
            return v.bool();
        }
        return null;
    }

    static Map<String, Object> plain(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }

    static Map<String, AttributeValue> item(int i) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("user_id", AttributeValue.fromS("usr_" + i));
        item.put("username", AttributeValue.fromS("user" + i));
        item.put("email", AttributeValue.fromS("user" + i + "@veilmail.dev"));
        item.put("password_hash", AttributeValue.fromS("$2b$12$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012"));
        item.put("api_key", AttributeValue.fromS("vk_live_9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c"));
        item.put("internal_role", AttributeValue.fromS("customer"));
        item.put("lifetime_points", AttributeValue.fromN("12345678901234567890123456789012345678"));
        item.put("tags", AttributeValue.fromSs(List.of("beta", "vip")));
        item.put("profile_complete", AttributeValue.fromBool(true));
        item.put("created_at", AttributeValue.fromS("2025-03-04T05:06:07Z"));
        item.put("address", AttributeValue.fromM(Map.of("street", AttributeValue.fromS(i + " Main Street"),
                "city", AttributeValue.fromS("Lyon"), "postcode", AttributeValue.fromS("69001"),
                "country", AttributeValue.fromS("FR"))));
        List<AttributeValue> orders = new ArrayList<>();
        for (int o = 0; o < 3; o++) {
            orders.add(AttributeValue.fromM(Map.of("order_id", AttributeValue.fromS("ord_" + o),
                    "total", AttributeValue.fromN("19.99"), "placed_at", AttributeValue.fromS("2025-01-0" + (o + 1)))));
        }
        item.put("orders", AttributeValue.fromL(orders));
        return item;
    }
}
