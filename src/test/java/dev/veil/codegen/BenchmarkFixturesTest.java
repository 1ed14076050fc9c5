package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.codegen.bench.HandWrittenAllowList;
import dev.veil.codegen.bench.UsersSanitizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark honest: its generated sanitizer is current, and the hand-written one is equivalent. */
class BenchmarkFixturesTest {

    @Test
    void theBenchmarkUsesTheGeneratorsCurrentOutput() throws IOException {
        GeneratedFile fresh = GeneratedCode.generate(Language.JAVA, CodegenFixtures.users(), "dev.veil.codegen.bench").get(0);
        Path committed = Toolchains.projectDir().resolve("src/test/java").resolve(fresh.relativePath());
        if (Boolean.getBoolean("veil.updateGolden")) {
            Files.writeString(committed, fresh.content());
        }
        assertThat(Files.readString(committed)).isEqualTo(fresh.content());
    }

    @Test
    void theHandWrittenAllowListKeepsWhatTheGeneratedSanitizerKeeps() {
        for (int i = 0; i < 4; i++) {
            var item = SanitizerBenchmark.item(i);
            for (String requester : new String[] {"usr_" + i, "usr_other", null}) {
                assertThat(HandWrittenAllowList.sanitize(item, requester)).isEqualTo(UsersSanitizer.sanitize(item, requester));
            }
        }
    }
}
