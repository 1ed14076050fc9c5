package dev.veil.inference;

import dev.veil.inference.detect.ValueDetector;
import dev.veil.model.DynamoValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Profiling throughput on one core, on users-like items (about 20 attributes with a nested
 * address map, a list of order maps and a few sets). The {@code values} counter reports
 * attribute values per second: every value the accumulator visits, containers and list
 * elements included. Detector lists: none, one trivial detector, ten regular-expression
 * detectors (a hand-rolled scanner) and every detector Veil ships. Run:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main InferenceBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class InferenceBenchmark {

    private static final int POOL = 4096;

    /** The accumulator under test and a pool of items to feed it. */
    @State(Scope.Thread)
    public static class Run {
        @Param({"none", "trivial", "realistic", "shipped"})
        public String detectors;

        List<Map<String, DynamoValue>> pool;
        int[] valueCounts;
        ProfileAccumulator accumulator;
        int next;

        @Setup(Level.Trial)
        public void items() {
            Random random = new Random(42);
            pool = new ArrayList<>(POOL);
            valueCounts = new int[POOL];
            for (int i = 0; i < POOL; i++) {
                pool.add(UserItems.user(random, i));
                valueCounts[i] = UserItems.countValues(pool.get(i));
            }
        }

        @Setup(Level.Iteration)
        public void freshAccumulator() {
            accumulator = new ProfileAccumulator(Detectors.named(detectors));
        }
    }

    /** Attribute values profiled, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long values;

        @Setup(Level.Iteration)
        public void reset() {
            values = 0;
        }
    }

    @Benchmark
    public void addItem(Run run, Counters counters) {
        int i = run.next;
        run.next = (i + 1) % POOL;
        run.accumulator.add(run.pool.get(i));
        counters.values += run.valueCounts[i];
    }

    /** Detector lists to compare. */
    static final class Detectors {
        private Detectors() {
        }

        static List<ValueDetector> named(String name) {
            return switch (name) {
                case "none" -> List.of();
                case "trivial" -> List.of(new Regex("never", "(?!)") {
                    @Override
                    public boolean matches(String value) {
                        return false;
                    }
                });
                case "realistic" -> List.of(
                        new Regex("email", "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"),
                        new Regex("bcrypt", "\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}"),
                        new Regex("aws-access-key-id", "(?:AKIA|ASIA)[A-Z0-9]{16}"),
                        new Regex("jwt", "eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"),
                        new Regex("card-number", "(?:\\d[ -]?){12,18}\\d"),
                        new Regex("ipv4", "(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)"),
                        new Regex("phone-e164", "\\+[1-9]\\d{6,14}"),
                        new Regex("uuid", "[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}"),
                        new Regex("iso-timestamp", "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:\\d{2})"),
                        new Regex("us-ssn", "\\d{3}-\\d{2}-\\d{4}"));
                case "shipped" -> dev.veil.inference.detect.ValueDetectors.standard();
                default -> throw new IllegalArgumentException("unknown detector list " + name);
            };
        }
    }

    /** A whole-value regular-expression detector. */
    static class Regex implements ValueDetector {
        private final String id;
        private final Pattern pattern;

        Regex(String id, String regex) {
            this.id = id;
            this.pattern = Pattern.compile(regex);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String description() {
            return id + " values";
        }

        @Override
        public boolean matches(String value) {
            return pattern.matcher(value).matches();
        }
    }

    /** Synthetic users-table items with realistic shapes and value variety. */
    static final class UserItems {
        private static final String[] FIRST = {"Ada", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Frances"};
        private static final String[] LAST = {"Lovelace", "Hopper", "Torvalds", "Hamilton", "Thompson", "Liskov", "Ritchie"};
        private static final String[] CITIES = {"Lisbon", "Oslo", "Austin", "Kyoto", "Nairobi", "Lima"};
        private static final String B64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

        private UserItems() {
        }

        static Map<String, DynamoValue> user(Random r, int i) {
            String first = FIRST[r.nextInt(FIRST.length)];
            String last = LAST[r.nextInt(LAST.length)];
            Map<String, DynamoValue> item = new LinkedHashMap<>();
            item.put("user_id", s(new UUID(r.nextLong(), r.nextLong()).toString()));
            item.put("email", s((first + "." + last + i).toLowerCase(Locale.ROOT) + "@example.com"));
            item.put("given_name", s(first));
            item.put("family_name", s(last));
            item.put("display_name", s(first + " " + last.charAt(0) + "."));
            item.put("phone", s("+1" + (2_000_000_000L + r.nextInt(999_999_999))));
            item.put("password_hash", s("$2b$12$" + random(r, B64, 53)));
            item.put("api_key", s("AKIA" + random(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)));
            item.put("session_token", s("eyJhbGciOiJIUzI1NiJ9." + random(r, B64.substring(2), 40) + "." + random(r, B64.substring(2), 43)));
            item.put("created_at", s(String.format("2024-%02d-%02dT%02d:%02d:%02dZ", 1 + r.nextInt(12), 1 + r.nextInt(28),
                    r.nextInt(24), r.nextInt(60), r.nextInt(60))));
            item.put("updated_at", n(Long.toString(1_700_000_000L + r.nextInt(50_000_000))));
            item.put("age", n(Integer.toString(18 + r.nextInt(70))));
            item.put("balance", n(String.format(Locale.ROOT, "%d.%02d", r.nextInt(100_000), r.nextInt(100))));
            item.put("is_active", new DynamoValue.Bool(r.nextBoolean()));
            item.put("roles", new DynamoValue.SS(r.nextInt(5) == 0 ? List.of("admin", "user") : List.of("user")));
            item.put("login_count", n(Integer.toString(r.nextInt(5000))));
            item.put("last_ip", s(r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256)));
            byte[] avatar = new byte[64];
            r.nextBytes(avatar);
            item.put("avatar_thumb", new DynamoValue.B(DynamoValue.Bytes.of(avatar)));
            item.put("ssn", s(String.format("%03d-%02d-%04d", r.nextInt(900), r.nextInt(100), r.nextInt(10_000))));
            item.put("address", m(Map.of(
                    "street", s((1 + r.nextInt(300)) + " Main Street"),
                    "city", s(CITIES[r.nextInt(CITIES.length)]),
                    "postcode", s(String.format("%05d", r.nextInt(100_000))),
                    "country", s("PT"),
                    "geo", m(Map.of("lat", n(String.format(Locale.ROOT, "%.6f", r.nextDouble() * 180 - 90)),
                            "lon", n(String.format(Locale.ROOT, "%.6f", r.nextDouble() * 360 - 180)))))));
            List<DynamoValue> orders = new ArrayList<>();
            for (int o = r.nextInt(5); o > 0; o--) {
                orders.add(m(Map.of(
                        "order_id", s("ord_" + random(r, "0123456789abcdef", 12)),
                        "total", n(String.format(Locale.ROOT, "%d.%02d", r.nextInt(500), r.nextInt(100))),
                        "currency", s("EUR"),
                        "placed_at", s("2024-05-0" + (1 + r.nextInt(9)) + "T10:00:00Z"),
                        "card_last4", s(String.format("%04d", r.nextInt(10_000))))));
            }
            item.put("orders", new DynamoValue.L(orders));
            item.put("preferences", m(Map.of("newsletter", new DynamoValue.Bool(r.nextBoolean()),
                    "theme", s(r.nextBoolean() ? "dark" : "light"), "language", s("en-GB"))));
            item.put("tags", new DynamoValue.L(List.of(s("beta"), s("tier-" + r.nextInt(3)))));
            if (r.nextInt(10) == 0) {
                item.put("deleted_at", new DynamoValue.Null());
            }
            return item;
        }

        static int countValues(Map<String, DynamoValue> item) {
            int count = 0;
            for (DynamoValue v : item.values()) {
                count += countValues(v);
            }
            return count;
        }

        private static int countValues(DynamoValue v) {
            if (v instanceof DynamoValue.M m) {
                return 1 + countValues(m.value());
            }
            if (v instanceof DynamoValue.L l) {
                int count = 1;
                for (DynamoValue e : l.value()) {
                    count += countValues(e);
                }
                return count;
            }
            return 1;
        }

        private static String random(Random r, String alphabet, int length) {
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            return sb.toString();
        }

        private static DynamoValue s(String v) {
            return new DynamoValue.S(v);
        }

        private static DynamoValue n(String v) {
            return new DynamoValue.N(v);
        }

        private static DynamoValue m(Map<String, DynamoValue> v) {
            return new DynamoValue.M(v);
        }
    }
}
