package dev.veil.inference;

import dev.veil.inference.detect.ValueDetector;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.model.DynamoValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

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
 * What each shipped detector costs on its own: the accumulator of {@link InferenceBenchmark} on
 * the same users-like items, running exactly one shipped detector ({@code detector} is its id),
 * or none, or all of them. The {@code values} counter is attribute values per second, so a
 * detector's cost per value is {@code 1/rate(detector) - 1/rate(none)}. Run:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main DetectorCostBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class DetectorCostBenchmark {

    private static final int POOL = 4096;

    /** The accumulator under test, running one detector, and a pool of items to feed it. */
    @State(Scope.Thread)
    public static class Run {
        @Param({"none", "all",
                "email", "phone", "payment-card", "iban", "national-id", "identity-document", "bic",
                "mac-address", "ip-address", "geo-coordinates", "date-of-birth", "jwt",
                "bcrypt", "argon2", "scrypt", "pbkdf2", "crypt",
                "aws-access-key-id", "github-token", "gitlab-token", "code-hosting", "saas-token",
                "cloud-credential", "google-credential", "ai-api-key", "slack-token", "stripe-key",
                "url-credential", "hex-digest", "base64-digest", "aws-secret-access-key",
                "pem-private-key", "random-token", "example-value"})
        public String detector;

        List<Map<String, DynamoValue>> pool;
        int[] valueCounts;
        List<ValueDetector> detectors;
        ProfileAccumulator accumulator;
        int next;

        @Setup(Level.Trial)
        public void items() {
            Random random = new Random(42);
            pool = new ArrayList<>(POOL);
            valueCounts = new int[POOL];
            for (int i = 0; i < POOL; i++) {
                pool.add(InferenceBenchmark.UserItems.user(random, i));
                valueCounts[i] = InferenceBenchmark.UserItems.countValues(pool.get(i));
            }
            detectors = switch (detector) {
                case "none" -> List.of();
                case "all" -> ValueDetectors.standard();
                default -> List.of(ValueDetectors.byId(detector).orElseThrow(
                        () -> new IllegalArgumentException("no shipped detector is called " + detector)));
            };
        }

        @Setup(Level.Iteration)
        public void freshAccumulator() {
            accumulator = new ProfileAccumulator(detectors);
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
}
