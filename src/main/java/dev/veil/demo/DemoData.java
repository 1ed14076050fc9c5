package dev.veil.demo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The demo tables, synthetic but realistic and the same for the same seed:
 * <ul>
 *   <li>{@value #USERS} (PK {@code user_id}): credentials, contact data, a nested address, an
 *       order list, optional attributes, {@code login_count} sometimes a string, a 38-digit
 *       {@code lifetime_points}, sets, binary, an empty {@code middle_name}: all ten types;</li>
 *   <li>{@value #ORDERS} (PK {@code customer_id}, SK {@code order_id}) with GSI {@code by_status}
 *       (status/placed_at, INCLUDE total, currency, payment) and LSI {@code by_placed_at} (KEYS_ONLY);</li>
 *   <li>{@value #APP_DATA}: a single-table design with item collections of very different sizes
 *       (see {@link AppData}).</li>
 * </ul>
 * Tables are created when missing (on demand billing) and filled with BatchWriteItem.
 */
public final class DemoData {

    public static final String USERS = "users";
    public static final String ORDERS = "orders";
    public static final String APP_DATA = "app_data";
    /** The seed {@code veil demo} uses. */
    public static final long DEFAULT_SEED = 42L;
    /** The demo tables, in the order they are seeded. */
    public static final List<String> TABLES = List.of(USERS, ORDERS, APP_DATA);

    private static final int USER_COUNT = 2000;
    private static final int APP_USERS = 600;
    private static final int APP_SMALL_ORGS = 100;
    private static final int APP_PRODUCTS = 300;
    private static final int APP_API_KEYS = 200;

    private DemoData() {
    }

    /**
     * Creates the demo tables if missing and writes their items, deterministically from {@code seed}.
     * Existing items with the same keys are overwritten; nothing else is touched.
     */
    public static SeedSummary seed(DynamoDbClient client, long seed) {
        long start = System.nanoTime();
        DemoWriter writer = new DemoWriter(client);
        UsersAndOrders users = new UsersAndOrders(seed, USER_COUNT);
        AppData appData = new AppData(seed, APP_USERS, APP_SMALL_ORGS, APP_PRODUCTS, APP_API_KEYS);
        writer.ensureTable(UsersAndOrders.usersTable());
        writer.ensureTable(UsersAndOrders.ordersTable());
        writer.ensureTable(AppData.table());
        writer.write(USERS, users.users);
        writer.write(ORDERS, users.orders);
        writer.write(APP_DATA, appData.items);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(USERS, users.users.size());
        counts.put(ORDERS, users.orders.size());
        counts.put(APP_DATA, appData.items.size());
        return new SeedSummary(counts, Duration.ofNanos(System.nanoTime() - start));
    }
}
