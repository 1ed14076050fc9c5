package dev.veil.policy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any one-character edit of a published file is caught: a canonical text is a function of its
 * content, so an edit either breaks the JSON, changes the content (digest mismatch) or leaves
 * the content and breaks the form. Each report names the file and a line and column inside it.
 */
class OneCharacterEditTest {
    private static final String GOLDEN = Fixtures.resource("golden/users-v1.json");

    @Provide
    Arbitrary<Character> replacement() {
        return Arbitraries.of('a', 'Z', '0', '9', ' ', '"', '{', '}', '[', ']', ',', ':', '\n', '\t', '\\', 'é', '-', '.');
    }

    @Property(tries = 300)
    void anyOneCharacterEditIsReportedWithFileLineAndColumn(@ForAll @IntRange(min = 0, max = 10_000) int at,
                                                            @ForAll("replacement") char c) throws IOException {
        int i = at % GOLDEN.length();
        net.jqwik.api.Assume.that(GOLDEN.charAt(i) != c);
        String edited = GOLDEN.substring(0, i) + c + GOLDEN.substring(i + 1);
        Path dir = Files.createTempDirectory("veil-edit");
        Path file = dir.resolve("users-v1.json");
        try {
            Files.writeString(file, edited, StandardCharsets.UTF_8);
            List<PolicyProblem> problems = PolicyValidator.validate(file);
            long lines = edited.chars().filter(ch -> ch == '\n').count() + 1;
            assertThat(problems).isNotEmpty().allSatisfy(p -> {
                assertThat(p.file()).isEqualTo(file);
                assertThat(p.line()).isBetween(1, (int) lines);
                assertThat(p.column()).isPositive();
            });
        } finally {
            Files.deleteIfExists(file);
            Files.delete(dir);
        }
    }
}
