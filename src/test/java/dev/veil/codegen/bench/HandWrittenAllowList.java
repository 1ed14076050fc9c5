package dev.veil.codegen.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What services write today, the Java twin of a {@code sanitize_user_item} helper: an allow-list
 * of keys per view, written by hand for the benchmark's users policy. Kept exactly equivalent to
 * the generated sanitizer (a test checks) so the benchmark compares like with like.
 */
public final class HandWrittenAllowList {
    private static final Set<String> PUBLIC = Set.of("user_id", "username", "tags");
    private static final Set<String> OWNER = Set.of("email", "lifetime_points");

    private HandWrittenAllowList() {
    }

    public static Map<String, AttributeValue> sanitize(Map<String, AttributeValue> item, String requesterId) {
        AttributeValue id = item.get("user_id");
        boolean owner = requesterId != null && id != null && requesterId.equals(id.s() != null ? id.s() : id.n());
        Map<String, AttributeValue> out = new HashMap<>();
        for (String key : PUBLIC) {
            AttributeValue v = item.get(key);
            if (v != null) {
                out.put(key, v);
            }
        }
        if (!owner) {
            return out;
        }
        for (String key : OWNER) {
            AttributeValue v = item.get(key);
            if (v != null) {
                out.put(key, v);
            }
        }
        AttributeValue address = item.get("address");
        if (address != null && address.hasM()) {
            Map<String, AttributeValue> a = new HashMap<>();
            AttributeValue city = address.m().get("city");
            if (city != null) {
                a.put("city", city);
            }
            out.put("address", AttributeValue.fromM(a));
        }
        AttributeValue orders = item.get("orders");
        if (orders != null && orders.hasL()) {
            List<AttributeValue> kept = new ArrayList<>();
            for (AttributeValue order : orders.l()) {
                if (order.hasM()) {
                    Map<String, AttributeValue> o = new HashMap<>();
                    for (String key : List.of("order_id", "total")) {
                        AttributeValue v = order.m().get(key);
                        if (v != null) {
                            o.put(key, v);
                        }
                    }
                    kept.add(AttributeValue.fromM(o));
                }
            }
            out.put("orders", AttributeValue.fromL(kept));
        }
        return out;
    }
}
