package dev.veil.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import dev.veil.model.DynamoValue;
import dev.veil.model.TableInfo;
import dev.veil.testing.LocalDynamoExtension;
import dev.veil.testing.TestTables;
import dev.veil.work.Cancellation;
import dev.veil.work.Progress;
import dev.veil.work.ProgressListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

@ExtendWith(LocalDynamoExtension.class)
class TableSamplerTest {

    /** 2,000 items, each its own collection. */
    private static String singles;
    /** 50 collections of 20 items. */
    private static String grouped;
    /** 3 collections of 100 items: most segments are empty. */
    private static String sparse;
    private static String empty;

    private final Map<Integer, AtomicInteger> perSegment = new ConcurrentHashMap<>();
    private final List<Map<String, DynamoValue>> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void createTables(DynamoDbClient dynamo) {
        singles = table(dynamo, "singles", 2000, i -> "user-" + i, i -> "profile");
        grouped = table(dynamo, "grouped", 1000, i -> "tenant-" + (i % 50), i -> String.format("item-%04d", i));
        sparse = table(dynamo, "sparse", 300, i -> "big-" + (i % 3), i -> String.format("item-%04d", i));
        empty = TestTables.createTable(dynamo, "empty", "pk", "sk");
    }

    @Test
    void sampleStopsAtExactlyTheBudget(DynamoDbClient dynamo) {
        SampleResult result = new TableSampler(dynamo).sample(info(dynamo, singles), SampleRequest.of(137), this::collect);

        assertThat(result.items()).isEqualTo(137);
        assertThat(received).hasSize(137);
        assertThat(result.complete()).isFalse();
        assertThat(result.stopped()).isFalse();
        assertThat(result.cancelled()).isFalse();
    }

    @Test
    void budgetLargerThanTheTableReadsEveryItemOnce(DynamoDbClient dynamo) {
        SampleResult result = new TableSampler(dynamo).sample(info(dynamo, grouped), SampleRequest.of(5000), this::collect);

        assertThat(result.items()).isEqualTo(1000);
        assertThat(result.complete()).isTrue();
        assertThat(received.stream().map(i -> i.get("pk").toString() + i.get("sk")).distinct()).hasSize(1000);
    }

    @Test
    void budgetIsSharedEquallyWhenEverySegmentHoldsEnough(DynamoDbClient dynamo) {
        SampleResult result = new TableSampler(dynamo).sample(info(dynamo, singles),
                SampleRequest.of(160).withTotalSegments(16), this::collect);

        assertThat(result.items()).isEqualTo(160);
        assertThat(result.nonEmptySegments()).isEqualTo(16);
        assertThat(perSegment).hasSize(16);
        assertThat(perSegment.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(10));
    }

    @Test
    void budgetOfEmptySegmentsGoesToTheSegmentsThatHoldItems(DynamoDbClient dynamo) {
        SampleResult result = new TableSampler(dynamo).sample(info(dynamo, sparse),
                SampleRequest.of(90).withTotalSegments(32), this::collect);

        assertThat(result.items()).isEqualTo(90);
        assertThat(result.segmentsRead()).isEqualTo(32);
        assertThat(result.nonEmptySegments()).isBetween(1, 3).isEqualTo(perSegment.size());
        int fair = 90 / result.nonEmptySegments();
        assertThat(perSegment.values()).allSatisfy(count -> assertThat(count.get()).isBetween(fair, fair + 1));
    }

    @Test
    void collectionsTouchedCountsDistinctPartitionKeys(DynamoDbClient dynamo) {
        SampleResult result = new TableSampler(dynamo).sample(info(dynamo, grouped), SampleRequest.of(100), this::collect);

        Set<DynamoValue> keys = new HashSet<>();
        received.forEach(item -> keys.add(item.get("pk")));
        assertThat(result.collectionsTouched()).isEqualTo(keys.size());
    }

    @Test
    void sampleTouchesFarMoreCollectionsThanThePlainScanOfTheSameSize(DynamoDbClient dynamo) {
        TableSampler sampler = new TableSampler(dynamo);

        SampleResult sampled = sampler.sample(info(dynamo, grouped), SampleRequest.of(200), (s, i) -> { });
        SampleResult plain = sampler.plainScan(info(dynamo, grouped), 200, (s, i) -> { });

        // A plain Scan reads collections one after the other: 200 items are 10 whole collections.
        assertThat(plain.collectionsTouched()).isEqualTo(10);
        assertThat(sampled.collectionsTouched()).isGreaterThanOrEqualTo(2 * plain.collectionsTouched());
    }

    @Test
    void plainScanReturnsTheFirstItemsOfAScanInOrder(DynamoDbClient dynamo) {
        List<Map<String, AttributeValue>> firstPage = dynamo.scan(r -> r.tableName(grouped).limit(75)).items();

        SampleResult result = new TableSampler(dynamo).plainScan(info(dynamo, grouped), 75, this::collect);

        assertThat(result.items()).isEqualTo(75);
        assertThat(received).containsExactlyElementsOf(firstPage.stream().map(ItemConverter::toModel).toList());
    }

    @Test
    void emptyTableGivesAnEmptyCompleteSample(DynamoDbClient dynamo) {
        SampleResult result = new TableSampler(dynamo).sample(info(dynamo, empty), SampleRequest.of(100), this::collect);

        assertThat(result.items()).isZero();
        assertThat(result.complete()).isTrue();
        assertThat(result.nonEmptySegments()).isZero();
        assertThat(result.segmentsRead()).isEqualTo(result.totalSegments());
        assertThat(result.collectionsTouched()).isZero();
    }

    @Test
    void tableDeletedAfterItWasDescribedIsReportedAsNotFound(DynamoDbClient dynamo) {
        String doomed = TestTables.createTable(dynamo, "doomed", "pk");
        TableInfo described = info(dynamo, doomed);
        dynamo.deleteTable(r -> r.tableName(doomed));

        assertThatThrownBy(() -> new TableSampler(dynamo).sample(described, SampleRequest.of(10), this::collect))
                .isInstanceOfSatisfying(DynamoAccessException.class,
                        e -> assertThat(e.kind()).isEqualTo(DynamoAccessException.Kind.NOT_FOUND))
                .hasMessageContaining(doomed);
    }

    @Test
    void progressIsReportedAfterEveryPageAndNeverGoesBack(DynamoDbClient dynamo) {
        List<Progress> reports = new CopyOnWriteArrayList<>();

        SampleResult result = new TableSampler(dynamo).sample(info(dynamo, singles), SampleRequest.of(300),
                this::collect, reports::add, Cancellation.none());

        assertThat(reports).hasSize((int) result.requests());
        assertThat(reports).extracting(Progress::done).isSorted();
        Progress last = reports.get(reports.size() - 1);
        assertThat(last.done()).isEqualTo(result.items());
        assertThat(last.total()).isEqualTo(300);
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(last.message()).contains("300 of 300 items", result.collectionsTouched() + " item collections");
    }

    @Test
    void sinkIsNeverCalledConcurrentlyForTheSameSegment(DynamoDbClient dynamo) {
        int segments = 8;
        AtomicIntegerArray inside = new AtomicIntegerArray(segments);
        AtomicBoolean overlapped = new AtomicBoolean();

        new TableSampler(dynamo).sample(info(dynamo, singles), SampleRequest.of(800).withTotalSegments(segments)
                .withParallelism(4).withMaxPageSize(7), (segment, item) -> {
                    if (inside.incrementAndGet(segment) > 1) {
                        overlapped.set(true);
                    }
                    Thread.yield();
                    inside.decrementAndGet(segment);
                });

        assertThat(overlapped).isFalse();
    }

    @Test
    void stopSignalEndsSamplingEarlyAndMarksTheResultStopped(DynamoDbClient dynamo) {
        Cancellation stop = new Cancellation();

        SampleResult result = new TableSampler(dynamo).sample(info(dynamo, singles),
                SampleRequest.of(1500).withParallelism(2).withMaxPageSize(4), (segment, item) -> {
                    collect(segment, item);
                    if (received.size() >= 50) {
                        stop.cancel();
                    }
                }, ProgressListener.NONE, stop);

        assertThat(result.stopped()).isTrue();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.items()).isEqualTo(received.size()).isBetween(50L, 50L + 2 * 4);
    }

    @Test
    void interruptingTheCallerCancelsAndKeepsTheInterruptStatus(DynamoDbClient dynamo) {
        Thread caller = Thread.currentThread();
        AtomicLong count = new AtomicLong();

        SampleResult result = new TableSampler(dynamo).sample(info(dynamo, singles), SampleRequest.of(1500), (segment, item) -> {
            if (count.incrementAndGet() == 40) {
                caller.interrupt();
            }
        });

        assertThat(Thread.interrupted()).isTrue();
        assertThat(result.cancelled()).isTrue();
        assertThat(result.items()).isLessThan(1500);
    }

    @Test
    void readRateStaysUnderMaxRcu(DynamoDbClient dynamo) {
        String heavy = table(dynamo, "heavy", 300, i -> "k-" + i, i -> "x".repeat(3000));
        VirtualTicker ticker = new VirtualTicker();
        double maxRcu = 10;
        int pageSize = 10;
        // Every item is the same size, so any page of pageSize items costs what the sampler's pages cost.
        double largestPage = dynamo.scan(r -> r.tableName(heavy).limit(pageSize)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity().capacityUnits();

        SampleResult result = new TableSampler(dynamo, ticker).sample(info(dynamo, heavy),
                SampleRequest.of(300).withParallelism(2).withMaxRcu(maxRcu).withMaxPageSize(pageSize), (s, i) -> { });

        double seconds = ticker.now.get() / 1e9;
        assertThat(result.consumedCapacity()).isGreaterThan(5 * maxRcu);
        // Allowed: the rate over the virtual time, one second of burst, and the pages in flight (2 threads).
        assertThat(result.consumedCapacity()).isLessThanOrEqualTo(maxRcu * (seconds + 1) + 2 * largestPage);
    }

    @Test
    void attributeNamesOfAnyShapeArriveUnchanged(DynamoDbClient dynamo) {
        String table = TestTables.createTable(dynamo, "names", "pk");
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("1"));
        for (String name : List.of("a.b", "with space", "quote\"s", "ünïcödé 名前", "#hash", ":colon", "[0]", "🙂")) {
            item.put(name, AttributeValue.fromS(name));
        }
        TestTables.putItems(dynamo, table, List.of(item));

        new TableSampler(dynamo).sample(info(dynamo, table), SampleRequest.of(10), this::collect);

        assertThat(received).containsExactly(ItemConverter.toModel(item));
    }

    @Test
    void valuesOfAllTenTypesArriveExactly(DynamoDbClient dynamo) {
        String table = TestTables.createTable(dynamo, "types", "pk");
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("1"));
        item.put("n", AttributeValue.fromN("12345678901234567890123456789012345678"));
        item.put("small", AttributeValue.fromN("-0.000000000000000000000000000000000001"));
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -128, 127})));
        item.put("bool", AttributeValue.fromBool(true));
        item.put("nul", AttributeValue.fromNul(true));
        item.put("m", AttributeValue.fromM(Map.of("deep", AttributeValue.fromM(Map.of("x", AttributeValue.fromS(""))))));
        item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromS("two"))));
        item.put("ss", AttributeValue.fromSs(List.of("a", "b")));
        item.put("ns", AttributeValue.fromNs(List.of("1.5", "99999999999999999999999999999999999999")));
        item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {9}))));
        TestTables.putItems(dynamo, table, List.of(item));

        new TableSampler(dynamo).sample(info(dynamo, table), SampleRequest.of(10), this::collect);

        assertThat(received).hasSize(1);
        Map<String, DynamoValue> got = received.get(0);
        assertThat(got.get("n")).isEqualTo(new DynamoValue.N("12345678901234567890123456789012345678"));
        assertThat(got.get("m")).isEqualTo(ItemConverter.toModel(item.get("m")));
        assertThat(got.get("l")).isEqualTo(ItemConverter.toModel(item.get("l")));
        assertThat(got.get("b")).isEqualTo(ItemConverter.toModel(item.get("b")));
        assertThat(got.keySet()).containsExactlyInAnyOrderElementsOf(item.keySet());
        assertThat(((DynamoValue.N) got.get("small")).decimal()).isEqualByComparingTo("-1E-36");
    }

    @Test
    void itemsNear400KilobytesAreReadWhole(DynamoDbClient dynamo) {
        String table = table(dynamo, "large", 6, i -> "big-" + i, i -> "y".repeat(400_000));

        SampleResult result = new TableSampler(dynamo).sample(info(dynamo, table), SampleRequest.of(6).withTotalSegments(1),
                this::collect);

        assertThat(result.items()).isEqualTo(6);
        assertThat(result.requests()).isGreaterThan(1);
        assertThat(received).allSatisfy(item ->
                assertThat(((DynamoValue.S) item.get("payload")).value()).hasSize(400_000));
    }

    private static TableInfo info(DynamoDbClient dynamo, String table) {
        return new TableCatalog(dynamo).describe(table);
    }

    private void collect(int segment, Map<String, DynamoValue> item) {
        perSegment.computeIfAbsent(segment, s -> new AtomicInteger()).incrementAndGet();
        received.add(item);
    }

    private static String table(DynamoDbClient dynamo, String prefix, int count, Function<Integer, String> pk,
                                Function<Integer, String> payload) {
        String name = TestTables.createTable(dynamo, prefix, "pk", "sk");
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Map.of("pk", AttributeValue.fromS(pk.apply(i)), "sk", AttributeValue.fromS("sk-" + i),
                    "payload", AttributeValue.fromS(payload.apply(i))));
        }
        TestTables.putItems(dynamo, name, items);
        return name;
    }

    /** Time that moves only when the limiter sleeps, so the rate is checked without timing. */
    private static final class VirtualTicker implements Ticker {
        final AtomicLong now = new AtomicLong();

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void sleepNanos(long nanos) {
            now.addAndGet(nanos);
        }
    }
}
