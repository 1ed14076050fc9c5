package dev.veil.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.SampleCoverage;
import dev.veil.model.TableProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace holds what it is given: masked examples, never the raw values they were made from. */
class NoRawValuesTest {
    private static final List<String> RAW = List.of("correct-horse-battery-staple-42", "alice.smith@example.com",
            "4111111111111111", "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW");

    @TempDir
    Path dir;

    @Test
    void noFileInTheWorkspaceHoldsARawValue() throws IOException {
        List<String> masked = RAW.stream().map(NoRawValuesTest::mask).toList();
        try (Workspace ws = Workspace.open(dir)) {
            ws.saveRun(profileWithExamples(masked), Map.of("items", "4"));
            ws.record(List.of(TestProfiles.decision("users", "password", Classification.SECRET, "masked examples only")));
        }

        List<byte[]> files = filesUnder(dir);
        assertThat(files).isNotEmpty();
        for (String example : masked) {
            assertThat(files).as("the masked example %s is stored readably", example)
                    .anyMatch(bytes -> contains(bytes, example.getBytes(StandardCharsets.UTF_8)));
        }
        for (String raw : RAW) {
            for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                assertThat(files).as("raw value in %s", cs).noneMatch(bytes -> contains(bytes, raw.getBytes(cs)));
            }
        }
    }

    private static TableProfile profileWithExamples(List<String> masked) {
        AttributeProfile password = new AttributeProfile(AttributePath.of("password"), Map.of(DynamoType.S, 4L), 4, 1.0,
                Optional.of(new AttributeProfile.LengthRange(16, 60)), Optional.empty(), Optional.empty(), 4, masked, 4,
                new java.util.TreeMap<>(Map.of("bcrypt", 1L, "email", 1L)));
        return new TableProfile("users", "table", TestProfiles.T0, 4, Optional.empty(), List.of(password),
                SampleCoverage.unsegmented(4, 4, 1.0, false), List.of());
    }

    /** Letters to {@code a}/{@code A}, digits to {@code 9}: the shape of a value without its content. */
    private static String mask(String raw) {
        StringBuilder sb = new StringBuilder();
        raw.codePoints().forEach(c -> sb.append(Character.isDigit(c) ? '9'
                : Character.isUpperCase(c) ? 'A' : Character.isLetter(c) ? 'a' : (char) c));
        return sb.toString();
    }

    private static List<byte[]> filesUnder(Path root) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.filter(Files::isRegularFile).forEach(p -> {
                try {
                    out.add(Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return out;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
