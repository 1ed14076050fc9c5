package dev.veil.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.veil.dynamo.ItemConverter;
import dev.veil.dynamo.TableCatalog;
import dev.veil.model.DynamoType;
import dev.veil.model.DynamoValue;
import dev.veil.model.IndexInfo;
import dev.veil.model.TableInfo;
import dev.veil.testing.DemoTables;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(LocalDynamoExtension.class)
class DemoDataTest {

    private static SeedSummary summary;

    @BeforeAll
    static void seed(DynamoDbClient dynamo) {
        summary = DemoTables.seeded(dynamo);
    }

    @Test
    void sameSeedGivesTheSameItems() {
        assertThat(new UsersAndOrders(7, 200).users).isEqualTo(new UsersAndOrders(7, 200).users);
        assertThat(new UsersAndOrders(7, 200).orders).isEqualTo(new UsersAndOrders(7, 200).orders);
        assertThat(new AppData(7, 50, 10, 10, 10).items).isEqualTo(new AppData(7, 50, 10, 10, 10).items);
    }

    @Test
    void anotherSeedGivesOtherItems() {
        assertThat(new UsersAndOrders(7, 200).users).isNotEqualTo(new UsersAndOrders(8, 200).users);
        assertThat(new AppData(7, 50, 10, 10, 10).items).isNotEqualTo(new AppData(8, 50, 10, 10, 10).items);
    }

    @Test
    void seededTablesHoldExactlyTheGeneratedItems(DynamoDbClient dynamo) {
        UsersAndOrders expected = new UsersAndOrders(DemoData.DEFAULT_SEED, summary.itemsPerTable().get(DemoData.USERS));

        assertThat(canonical(scan(dynamo, DemoData.USERS))).isEqualTo(canonical(expected.users));
        assertThat(canonical(scan(dynamo, DemoData.ORDERS))).isEqualTo(canonical(expected.orders));
    }

    @Test
    void summaryCountsMatchTheTables(DynamoDbClient dynamo) {
        for (String table : DemoData.TABLES) {
            assertThat(scan(dynamo, table)).as(table).hasSize(summary.itemsPerTable().get(table));
        }
        assertThat(summary.itemsPerTable().values()).allSatisfy(count -> assertThat(count).isGreaterThan(1000));
    }

    @Test
    void usersCarryEveryDynamoDbType(DynamoDbClient dynamo) {
        Set<DynamoType> types = new HashSet<>();
        for (Map<String, AttributeValue> item : scan(dynamo, DemoData.USERS)) {
            ItemConverter.toModel(item).values().forEach(v -> types.add(v.type()));
        }

        assertThat(types).containsExactlyInAnyOrder(DynamoType.values());
    }

    @Test
    void usersHoldTheAwkwardCases(DynamoDbClient dynamo) {
        List<Map<String, DynamoValue>> users = scan(dynamo, DemoData.USERS).stream().map(ItemConverter::toModel).toList();

        assertThat(users).anySatisfy(u -> assertThat(u.get("login_count")).isInstanceOf(DynamoValue.S.class));
        assertThat(users).anySatisfy(u -> assertThat(u.get("login_count")).isInstanceOf(DynamoValue.N.class));
        assertThat(users).anySatisfy(u -> assertThat(u.get("lifetime_points"))
                .isEqualTo(new DynamoValue.N(UsersAndOrders.FULL_PRECISION)));
        assertThat(users).anySatisfy(u -> assertThat(u.get("middle_name")).isEqualTo(new DynamoValue.S("")));
        assertThat(users).anySatisfy(u -> assertThat(u).doesNotContainKey("phone"));
        assertThat(users).allSatisfy(u -> assertThat(((DynamoValue.S) u.get("password_hash")).value())
                .matches("\\$2b\\$12\\$[./A-Za-z0-9]{53}"));
        assertThat(users).allSatisfy(u -> assertThat(((DynamoValue.M) u.get("address")).value())
                .containsKeys("street", "city", "postcode", "country"));
    }

    @Test
    void ordersHaveAStatusIndexAndADateIndex(DynamoDbClient dynamo) {
        TableInfo orders = new TableCatalog(dynamo).describe(DemoData.ORDERS);

        assertThat(orders.keySchema().names()).containsExactly("customer_id", "order_id");
        assertThat(orders.indexes()).extracting(IndexInfo::name, IndexInfo::kind, IndexInfo::projection)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("by_status", IndexInfo.Kind.GLOBAL, IndexInfo.Projection.INCLUDE),
                        org.assertj.core.groups.Tuple.tuple("by_placed_at", IndexInfo.Kind.LOCAL, IndexInfo.Projection.KEYS_ONLY));
    }

    @Test
    void appDataCollectionsRangeFromHugeToTiny(DynamoDbClient dynamo) {
        Map<String, Integer> sizes = new HashMap<>();
        scan(dynamo, DemoData.APP_DATA).forEach(item -> sizes.merge(item.get("pk").s(), 1, Integer::sum));
        List<Integer> sorted = new ArrayList<>(sizes.values());
        sorted.sort(null);

        assertThat(sorted.get(sorted.size() - 1)).isGreaterThanOrEqualTo(1000);
        assertThat(sorted.get(sorted.size() / 2)).isLessThanOrEqualTo(3);
    }

    @Test
    void everyAppDataEntityTypeHasAttributesOfItsOwn(DynamoDbClient dynamo) {
        Map<String, Set<String>> namesByType = new HashMap<>();
        scan(dynamo, DemoData.APP_DATA).forEach(item -> namesByType
                .computeIfAbsent(kind(item.get("entity_type") == null ? null : item.get("entity_type").s(),
                        item.get("sk").s()), t -> new HashSet<>()).addAll(item.keySet()));

        assertThat(namesByType.keySet()).containsExactlyInAnyOrder("USER", "ORDER", "SESSION", "ORG",
                "MEMBER", "AUDIT", "INVOICE", "PRODUCT", "APIKEY");
        namesByType.forEach((type, names) -> {
            Set<String> own = new HashSet<>(names);
            namesByType.forEach((other, otherNames) -> {
                if (!other.equals(type)) {
                    own.removeAll(otherNames);
                }
            });
            assertThat(own).as(type).isNotEmpty();
        });
    }

    @Test
    void onlyTheKindsThatShareASortKeyCarryAMarker(DynamoDbClient dynamo) {
        Map<String, Set<String>> markedBySortKey = new HashMap<>();
        scan(dynamo, DemoData.APP_DATA).forEach(item -> {
            if (item.containsKey(AppData.MARKER)) {
                markedBySortKey.computeIfAbsent(item.get("sk").s(), k -> new HashSet<>()).add(item.get(AppData.MARKER).s());
            }
        });

        assertThat(markedBySortKey).containsOnlyKeys("#METADATA");
        assertThat(markedBySortKey.get("#METADATA")).containsExactlyInAnyOrder("ORG", "APIKEY");
    }

    /** The kind of an app_data item as its design tells it: the marker, else the sort key's leading literal. */
    static String kind(String marker, String sortKey) {
        if (marker != null) {
            return marker;
        }
        int cut = sortKey.indexOf('#');
        return cut < 0 ? sortKey : sortKey.substring(0, cut);
    }

    @Test
    void anExistingTableWithAnotherKeyIsNotFilledWithDemoItems(DynamoDbClient dynamo) {
        String table = TestTables.createTable(dynamo, "not-demo", "id");
        var request = UsersAndOrders.usersTable().toBuilder().tableName(table).build();

        assertThatThrownBy(() -> new DemoWriter(dynamo).ensureTable(request))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + table + "' already exists")
                .hasMessageContaining("veil demo");
    }

    /** Items as DynamoDB compares them: numbers by value (it drops trailing zeros), sets unordered. */
    private static Set<Object> canonical(List<Map<String, AttributeValue>> items) {
        Set<Object> out = new HashSet<>();
        items.forEach(item -> out.add(canonical(new DynamoValue.M(ItemConverter.toModel(item)))));
        return out;
    }

    private static Object canonical(DynamoValue value) {
        if (value instanceof DynamoValue.N n) {
            return n.decimal().stripTrailingZeros();
        } else if (value instanceof DynamoValue.NS ns) {
            return ns.value().stream().map(v -> new BigDecimal(v).stripTrailingZeros()).collect(Collectors.toSet());
        } else if (value instanceof DynamoValue.SS ss) {
            return new HashSet<>(ss.value());
        } else if (value instanceof DynamoValue.BS bs) {
            return new HashSet<>(bs.value());
        } else if (value instanceof DynamoValue.M m) {
            Map<String, Object> out = new HashMap<>();
            m.value().forEach((k, v) -> out.put(k, canonical(v)));
            return out;
        } else if (value instanceof DynamoValue.L l) {
            return l.value().stream().map(DemoDataTest::canonical).toList();
        }
        return value;
    }

    static List<Map<String, AttributeValue>> scan(DynamoDbClient dynamo, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.scanPaginator(r -> r.tableName(table)).items().forEach(items::add);
        return items;
    }
}
