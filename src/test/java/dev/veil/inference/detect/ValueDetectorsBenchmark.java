package dev.veil.inference.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of running the whole shipped detector set over one scalar value, on a mix shaped like
 * real tables: mostly ids, words, numbers and timestamps, some personal data and secrets.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class ValueDetectorsBenchmark {

    private List<ValueDetector> detectors;
    private String[] values;

    @Setup
    public void setUp() {
        detectors = ValueDetectors.standard();
        Random r = new Random(1);
        List<String> v = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            v.add(switch (i % 16) {
                case 0, 1, 2 -> new UUID(r.nextLong(), r.nextLong()).toString();
                case 3, 4 -> "The quick brown fox " + i;
                case 5, 6 -> Integer.toString(r.nextInt(100_000));
                case 7 -> "2024-05-" + (10 + i % 18) + "T10:15:30Z";
                case 8 -> "jane.doe" + i + "@gmail.com";
                case 9 -> "+44 20 7946 " + (1000 + i);
                case 10 -> "$2b$12$pgEn936Uyk8bV1.3GBlMbab/Uz0bA29BQBA4JaZkvJnO0wKI9Wc" + (char) ('A' + i % 26) + "D";
                case 11 -> "Xk9fQ2mZ7pL4vR8sT1wY3bN6" + i;
                case 12 -> "4539 5787 6362 1486";
                case 13 -> "enabled";
                case 14 -> "19.99";
                default -> "https://cdn.example.io/img/" + i + ".png";
            });
        }
        values = v.toArray(String[]::new);
    }

    /** All detectors over one value (1,024 values per invocation, reported per value). */
    @Benchmark
    @OperationsPerInvocation(1024)
    public void allDetectorsPerValue(Blackhole bh) {
        for (String value : values) {
            for (ValueDetector d : detectors) {
                bh.consume(d.matches(value));
            }
        }
    }
}
