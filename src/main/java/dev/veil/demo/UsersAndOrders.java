package dev.veil.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The {@code users} table (one item per user, every DynamoDB type, optional and oddly typed
 * attributes) and the {@code orders} table (customer_id + order_id, a GSI by status and an LSI
 * by date), generated together so that orders belong to users.
 */
final class UsersAndOrders {

    /** A 38-digit number: DynamoDB's full precision, beyond long and double. */
    static final String FULL_PRECISION = "12345678901234567890123456789012345678";
    private static final String[] TAGS = {"beta", "newsletter", "vip", "churn-risk", "mobile", "early-adopter",
        "support-priority"};
    private static final String[] ROLES = {"customer", "customer", "customer", "customer", "customer", "customer",
        "customer", "customer", "support", "admin"};
    private static final String[] STATUSES = {"placed", "paid", "shipped", "delivered", "delivered", "delivered",
        "cancelled", "refunded"};
    private static final String[] PRODUCTS = {"Mechanical keyboard", "USB-C hub", "Noise-cancelling headphones",
        "Standing desk", "Monitor arm", "Webcam", "Desk lamp", "Ergonomic mouse", "Laptop sleeve", "Coffee mug"};
    private static final String[] BRANDS = {"visa", "mastercard", "amex", "discover"};
    private static final String[] CURRENCIES = {"USD", "EUR", "GBP"};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    final List<Map<String, AttributeValue>> users = new ArrayList<>();
    final List<Map<String, AttributeValue>> orders = new ArrayList<>();

    UsersAndOrders(long seed, int userCount) {
        Fake fake = new Fake(seed ^ 0x5eed_0001L);
        for (int i = 0; i < userCount; i++) {
            addUser(fake, i);
        }
    }

    static CreateTableRequest usersTable() {
        return CreateTableRequest.builder().tableName(DemoData.USERS)
                .keySchema(key("user_id", KeyType.HASH))
                .attributeDefinitions(attribute("user_id"))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    static CreateTableRequest ordersTable() {
        return CreateTableRequest.builder().tableName(DemoData.ORDERS)
                .keySchema(key("customer_id", KeyType.HASH), key("order_id", KeyType.RANGE))
                .attributeDefinitions(attribute("customer_id"), attribute("order_id"), attribute("status"),
                        attribute("placed_at"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by_status")
                        .keySchema(key("status", KeyType.HASH), key("placed_at", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("total", "currency", "payment").build())
                        .build())
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by_placed_at")
                        .keySchema(key("customer_id", KeyType.HASH), key("placed_at", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    private void addUser(Fake fake, int index) {
        String userId = fake.id("usr_", 12);
        String first = fake.firstName();
        String last = fake.lastName();
        String[] place = fake.place();
        Item user = Item.create()
                .s("user_id", userId)
                .s("username", fake.username(first, last))
                .s("email", fake.email(first, last))
                .s("first_name", first)
                .s("last_name", last)
                .s("password_hash", fake.bcrypt())
                .s("api_key", fake.apiKey())
                .s("internal_role", fake.pick(ROLES))
                .bool("profile_complete", fake.chance(0.7))
                .s("created_at", fake.pastInstant(1500).toString())
                .m("address", Item.create().s("street", fake.street()).s("city", place[0])
                        .s("postcode", place[2]).s("country", place[1]))
                .m("preferences", Item.create().s("theme", fake.chance(0.5) ? "dark" : "light")
                        .s("language", fake.pick(new String[] {"en", "fr", "de", "es", "ja"}))
                        .m("notifications", Item.create().bool("email", fake.chance(0.8)).bool("sms", fake.chance(0.2))));
        if (fake.chance(0.1)) {
            user.s("middle_name", "");
        }
        if (fake.chance(0.7)) {
            user.s("phone", fake.phone());
        }
        if (fake.chance(0.5)) {
            user.s("date_of_birth", fake.birthDate().toString());
        }
        // Most logins are numbers; a legacy import stored some as strings.
        String logins = Integer.toString(fake.between(0, 5000));
        if (fake.chance(0.04)) {
            user.s("login_count", logins);
        } else {
            user.n("login_count", logins);
        }
        if (index == 7) {
            user.n("lifetime_points", FULL_PRECISION);
        } else if (fake.chance(0.3)) {
            user.n("lifetime_points", fake.chance(0.1) ? fake.digits(38) : Integer.toString(fake.between(0, 250_000)));
        }
        if (fake.chance(0.6)) {
            user.ss("tags", fake.someOf(TAGS, 1, 3));
        }
        if (fake.chance(0.2)) {
            user.ns("lucky_numbers", fake.someOf(new String[] {"3", "7", "13", "21", "42", "3.14", "-1", "1e3"}, 1, 4));
        }
        if (fake.chance(0.15)) {
            user.bs("backup_code_hashes", List.of(fake.bytes(16), fake.bytes(16), fake.bytes(16)));
        }
        if (fake.chance(0.4)) {
            byte[] thumb = fake.bytes(fake.between(48, 160));
            System.arraycopy(PNG_MAGIC, 0, thumb, 0, PNG_MAGIC.length);
            user.b("avatar_thumb", thumb);
        }
        if (fake.chance(0.2)) {
            user.s("two_factor_secret", fake.totpSecret());
        }
        if (fake.chance(0.5)) {
            user.s("last_login_ip", fake.ipAddress());
        }
        if (fake.chance(0.05)) {
            user.nul("deleted_at");
        }
        user.l("orders", addOrders(fake, userId, first + " " + last, place));
        users.add(user.build());
    }

    /** Writes the user's orders to the orders table and returns their summaries for the user item. */
    private List<Item> addOrders(Fake fake, String customerId, String name, String[] place) {
        List<Item> summaries = new ArrayList<>();
        int count = fake.chance(0.25) ? 0 : fake.between(1, 3);
        for (int i = 0; i < count; i++) {
            String orderId = fake.id("ord_", 10);
            String placedAt = fake.pastInstant(700).toString();
            String status = fake.pick(STATUSES);
            List<Item> lines = new ArrayList<>();
            long cents = 0;
            for (int line = fake.between(1, 4); line > 0; line--) {
                int qty = fake.between(1, 3);
                String price = fake.money(499, 39_999);
                cents += qty * Math.round(Double.parseDouble(price) * 100);
                lines.add(Item.create().s("sku", "SKU-" + fake.between(10_000, 99_999)).s("name", fake.pick(PRODUCTS))
                        .n("qty", qty).n("unit_price", price));
            }
            String total = cents / 100 + "." + String.format(Locale.ROOT, "%02d", cents % 100);
            Item order = Item.create()
                    .s("customer_id", customerId).s("order_id", orderId).s("status", status).s("placed_at", placedAt)
                    .n("total", total).s("currency", fake.pick(CURRENCIES)).l("items", lines)
                    .m("shipping_address", Item.create().s("name", name).s("street", fake.street())
                            .s("city", place[0]).s("postcode", place[2]).s("country", place[1]))
                    .m("payment", Item.create().s("card_brand", fake.pick(BRANDS))
                            .s("card_last4", String.format(Locale.ROOT, "%04d", fake.nextInt(10_000)))
                            .s("billing_postcode", place[2]));
            if (fake.chance(0.1)) {
                order.s("gift_message", "Happy birthday, " + name.split(" ")[0] + "!");
            }
            if (fake.chance(0.15)) {
                order.s("coupon_code", "SAVE" + fake.between(5, 30));
            }
            if (status.equals("shipped") || status.equals("delivered")) {
                order.s("tracking_number", "1Z" + fake.hex(16).toUpperCase(Locale.ROOT));
            }
            orders.add(order.build());
            summaries.add(Item.create().s("order_id", orderId).n("total", total).s("placed_at", placedAt));
        }
        return summaries;
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }
}
