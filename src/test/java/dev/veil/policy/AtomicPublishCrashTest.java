package dev.veil.policy;

import dev.veil.model.Classification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a child JVM (SIGKILL, no shutdown hooks) while it publishes versions as fast as it can,
 * several times over one store, and checks after each kill that the store still validates (but
 * for a changelog that lags, which the next write repairs), its versions run 1..N without a gap,
 * and publishing carries on. Half the rounds kill at a random
 * moment; the other half kill as soon as a temporary file shows up, inside the write window.
 */
class AtomicPublishCrashTest {
    private static final int ROUNDS = 4;

    @TempDir
    Path root;

    @Test
    void aPublisherKilledAtAnyMomentLeavesAValidContiguousStore() throws Exception {
        Random random = new Random(42);
        PolicyStore store = new PolicyStore(root);
        for (int round = 0; round < ROUNDS; round++) {
            int before = store.versions("users").size();
            Process child = start("r" + round);
            try {
                awaitPublished(child, 2 + random.nextInt(3));
                if (round % 2 == 0) {
                    Thread.sleep(random.nextInt(15));
                } else {
                    awaitTemporaryFile(root.resolve("users"));
                }
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("killed child exits").isTrue();
            }
            // A kill between a version and its changelog leaves the changelog lagging, and one inside
            // a write leaves a temporary file: validate says so, and the next writer repairs both.
            assertThat(PolicyValidator.validate(root)).as("problems after kill in round " + round)
                    .allSatisfy(p -> assertThat(p.message()).containsAnyOf("CHANGELOG.md does not match",
                            "stray temporary file"));
            store.refreshChangelog("users");
            assertThat(PolicyValidator.validate(root)).as("problems after the next write in round " + round).isEmpty();
            List<Integer> versions = store.versions("users");
            assertThat(versions).as("contiguous versions").isEqualTo(IntStream.rangeClosed(1, versions.size()).boxed().toList());
            assertThat(versions.size()).isGreaterThan(before);
            assertThat(store.latest("users")).isPresent();
        }
        PublishResult after = store.publish(Fixtures.withRule(Fixtures.users(), "counter",
                Fixtures.rule(Classification.SECRET, "parent", "after the crashes")));
        assertThat(after).isInstanceOf(PublishResult.Written.class);
        assertThat(PolicyValidator.validate(root)).isEmpty();
        assertThat(java.nio.file.Files.list(root.resolve("users")).map(p -> p.getFileName().toString()))
                .as("no temporary files left after a clean publish").noneMatch(n -> n.endsWith(".tmp"));
    }

    private Process start(String tag) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PublishLoop.class.getName(), root.toString(), tag)
                .redirectErrorStream(true).start();
    }

    /** Polls until a publisher's temporary file exists (or a bound passes, should the child be slow). */
    private static void awaitTemporaryFile(Path dir) throws IOException {
        for (int i = 0; i < 200_000; i++) {
            try (var files = java.nio.file.Files.list(dir)) {
                if (files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"))) {
                    return;
                }
            }
        }
    }

    /** Waits until the child has published {@code count} versions; fails with its output if it dies first. */
    private static void awaitPublished(Process child, int count) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        int published = 0;
        while (published < count) {
            String line = out.readLine();
            if (line == null) {
                throw new AssertionError("the publishing child exited early:\n" + seen);
            }
            seen.append(line).append('\n');
            if (line.startsWith("published ")) {
                published++;
            }
        }
    }
}
