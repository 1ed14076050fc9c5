package dev.veil.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;

/**
 * The {@code app_data} single-table design: {@code pk}/{@code sk} strings and item collections
 * of very different sizes. Most kinds of item are told apart by the literal that leads their sort
 * key; the two that share the sort key {@code #METADATA} carry a marker, {@code entity_type}, as
 * a real design would (kinds in brackets):
 *
 * <ul>
 *   <li>{@code USER#id}: {@code USER} [USER], {@code ORDER#id} [ORDER], {@code SESSION#id} [SESSION]</li>
 *   <li>{@code ORG#slug}: {@code #METADATA} with {@code entity_type = ORG} [ORG], {@code AUDIT#time#n}
 *       [AUDIT], {@code INVOICE#yyyy-mm} [INVOICE], {@code MEMBER#id} [MEMBER]</li>
 *   <li>{@code PRODUCT#sku}: {@code PRODUCT} [PRODUCT]; {@code APIKEY#id}: {@code #METADATA} with
 *       {@code entity_type = APIKEY} [APIKEY]</li>
 * </ul>
 *
 * <p>A few organisations have huge audit logs. The largest one's slug is chosen so that its
 * collection comes first in dynalite's scan order (see {@link DynaliteOrder}), as a hot tenant
 * can sit at the start of any real table's key space: the first pages of a plain Scan then hold
 * nothing but that tenant's audit events, which is exactly the trap the sampler avoids.
 */
final class AppData {

    static final int HUGE_AUDIT_LOG = 1500;
    /** The marker attribute of the kinds whose sort key does not tell them apart. */
    static final String MARKER = "entity_type";
    private static final int[] OTHER_HUGE_AUDIT_LOGS = {700, 350};
    private static final String[] COMPANIES = {"acme", "globex", "initech", "umbrella", "hooli", "stark",
        "wayne", "tyrell", "cyberdyne", "soylent", "wonka", "vandelay", "dunder", "pied-piper", "massive-dynamic"};
    private static final String[] PLANS = {"free", "team", "business", "enterprise"};
    private static final String[] ACTIONS = {"login", "logout", "user.invite", "user.remove", "role.change",
        "apikey.create", "apikey.revoke", "export.download", "settings.update", "billing.update"};
    private static final String[] MEMBER_ROLES = {"owner", "admin", "member", "member", "member", "viewer"};
    private static final String[] SCOPES = {"read:users", "write:users", "read:orders", "write:orders",
        "read:billing", "admin"};
    private static final String[] CATEGORIES = {"audio", "office", "peripherals", "furniture", "lighting", "gifts"};
    private static final String[] TITLES = {"Mechanical keyboard", "USB-C hub", "Noise-cancelling headphones",
        "Standing desk", "Monitor arm", "Webcam", "Desk lamp", "Ergonomic mouse", "Laptop sleeve", "Coffee mug"};

    final List<Map<String, AttributeValue>> items = new ArrayList<>();
    private final List<String> partitionKeys = new ArrayList<>();
    private final List<String> userIds = new ArrayList<>();
    private final Fake fake;

    AppData(long seed, int users, int smallOrgs, int products, int apiKeys) {
        this.fake = new Fake(seed ^ 0x5eed_0002L);
        for (int i = 0; i < users; i++) {
            addUser();
        }
        for (int i = 0; i < smallOrgs; i++) {
            addOrg(fake.pick(COMPANIES) + "-" + fake.id("", 6).toLowerCase(Locale.ROOT), fake.between(1, 4),
                    fake.between(0, 2), fake.between(0, 1));
        }
        for (int i = 0; i < products; i++) {
            addProduct();
        }
        for (int i = 0; i < apiKeys; i++) {
            addApiKey();
        }
        addOrg(slugBeforeAll(), 25, HUGE_AUDIT_LOG, 24);
        for (int size : OTHER_HUGE_AUDIT_LOGS) {
            addOrg(fake.pick(COMPANIES) + "-" + fake.id("", 6).toLowerCase(Locale.ROOT), 15, size, 12);
        }
    }

    static CreateTableRequest table() {
        return CreateTableRequest.builder().tableName(DemoData.APP_DATA)
                .keySchema(UsersAndOrders.key("pk", KeyType.HASH), UsersAndOrders.key("sk", KeyType.RANGE))
                .attributeDefinitions(new AttributeDefinition[] {UsersAndOrders.attribute("pk"),
                    UsersAndOrders.attribute("sk")})
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    private void addUser() {
        String userId = fake.id("", 10);
        userIds.add(userId);
        String pk = collection("USER#" + userId);
        String first = fake.firstName();
        String last = fake.lastName();
        Item profile = keyed(pk, "USER")
                .s("display_name", first + " " + last)
                .s("email", fake.email(first, last))
                .s("password_hash", fake.bcrypt())
                .s("plan", fake.pick(PLANS))
                .s("created_at", fake.pastInstant(1200).toString());
        if (fake.chance(0.7)) {
            profile.s("phone", fake.phone());
        }
        add(profile);
        for (int i = fake.chance(0.3) ? 0 : fake.between(1, 3); i > 0; i--) {
            add(keyed(pk, "ORDER#" + fake.id("", 8))
                    .n("order_total", fake.money(500, 90_000))
                    .s("currency", fake.pick(new String[] {"USD", "EUR", "GBP"}))
                    .s("order_status", fake.pick(new String[] {"placed", "shipped", "delivered", "cancelled"}))
                    .n("item_count", fake.between(1, 6))
                    .s("placed_at", fake.pastInstant(500).toString()));
        }
        for (int i = fake.chance(0.4) ? 0 : fake.between(1, 2); i > 0; i--) {
            Instant created = fake.pastInstant(30);
            add(keyed(pk, "SESSION#" + fake.id("", 12))
                    .s("session_token", fake.token())
                    .s("ip_address", fake.ipAddress())
                    .s("user_agent", fake.userAgent())
                    .s("created_at", created.toString())
                    .n("expires_at", created.plusSeconds(14 * 86_400).getEpochSecond()));
        }
    }

    private void addOrg(String slug, int members, int audits, int invoices) {
        String pk = collection("ORG#" + slug);
        String name = slug.substring(0, 1).toUpperCase(Locale.ROOT) + slug.substring(1).replaceAll("-[^-]*$", "")
                + " Inc.";
        add(marked(pk, "#METADATA", "ORG")
                .s("org_name", name)
                .s("plan", fake.pick(PLANS))
                .s("billing_email", "billing@" + slug + ".example.com")
                .s("tax_id", "EU" + fake.digits(9))
                .n("seats", members + fake.between(0, 20)));
        java.util.Set<String> chosen = new java.util.HashSet<>();
        for (int i = 0; i < members; i++) {
            String member;
            do {
                // One MEMBER# item per user and org: a repeat would be a duplicate key in the batch.
                member = userIds.isEmpty() ? fake.id("", 10) : userIds.get(fake.nextInt(userIds.size()));
            } while (!chosen.add(member));
            add(keyed(pk, "MEMBER#" + member)
                    .s("member_role", i == 0 ? "owner" : fake.pick(MEMBER_ROLES))
                    .s("invited_by", i == 0 ? "self-signup" : "USER#" + member)
                    .s("joined_at", fake.pastInstant(900).toString()));
        }
        for (int i = 0; i < audits; i++) {
            Instant at = fake.pastInstant(365);
            add(keyed(pk, "AUDIT#" + at + "#" + String.format(Locale.ROOT, "%05d", i))
                    .s("actor", "USER#" + (userIds.isEmpty() ? fake.id("", 10) : userIds.get(fake.nextInt(userIds.size()))))
                    .s("action", fake.pick(ACTIONS))
                    .s("target", fake.pick(new String[] {"USER#", "APIKEY#", "INVOICE#"}) + fake.id("", 8))
                    .s("source_ip", fake.ipAddress())
                    .s("occurred_at", at.toString()));
        }
        for (int i = 0; i < invoices; i++) {
            String month = String.format(Locale.ROOT, "%04d-%02d", 2025 - (i / 12) - 1, 12 - i % 12);
            add(keyed(pk, "INVOICE#" + month)
                    .n("invoice_total", fake.money(0, 500_000))
                    .s("currency", "EUR")
                    .s("due_date", month + "-28")
                    .s("pdf_url", "https://billing.example.com/invoices/" + fake.hex(24) + ".pdf")
                    .bool("paid", fake.chance(0.9)));
        }
    }

    private void addProduct() {
        String sku = "SKU-" + fake.between(10_000, 99_999) + "-" + fake.id("", 3);
        String title = fake.pick(TITLES);
        add(keyed(collection("PRODUCT#" + sku), "PRODUCT")
                .s("title", title)
                .s("description", title + " for a calm, productive desk.")
                .n("price", fake.money(499, 59_999))
                .n("stock", fake.between(0, 900))
                .ss("categories", fake.someOf(CATEGORIES, 1, 3)));
    }

    private void addApiKey() {
        String id = fake.id("", 10);
        add(marked(collection("APIKEY#" + id), "#METADATA", "APIKEY")
                .s("key_prefix", "vk_live_" + fake.id("", 4))
                .s("key_hash", fake.hex(64))
                .ss("scopes", fake.someOf(SCOPES, 1, 3))
                .s("owner_user", "USER#" + (userIds.isEmpty() ? fake.id("", 10) : userIds.get(fake.nextInt(userIds.size()))))
                .s("created_at", fake.pastInstant(400).toString())
                .s("last_used_at", fake.pastInstant(20).toString()));
    }

    /** A company slug whose collection dynalite stores before every other collection of the table. */
    private String slugBeforeAll() {
        String first = partitionKeys.stream().map(DynaliteOrder::hashPrefix).min(String::compareTo).orElse("ffffff");
        String base = fake.pick(COMPANIES) + "-";
        for (int n = 1; ; n++) {
            String slug = base + n;
            if (DynaliteOrder.hashPrefix("ORG#" + slug).compareTo(first) < 0) {
                return slug;
            }
        }
    }

    private String collection(String pk) {
        partitionKeys.add(pk);
        return pk;
    }

    /** An item whose kind is the literal leading its sort key. */
    private static Item keyed(String pk, String sk) {
        return Item.create().s("pk", pk).s("sk", sk);
    }

    /** An item whose sort key other kinds share, so that it names its kind in a marker attribute. */
    private static Item marked(String pk, String sk, String kind) {
        return keyed(pk, sk).s(MARKER, kind);
    }

    private void add(Item item) {
        items.add(item.build());
    }
}
