package dev.veil.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.app.Disclosure;
import dev.veil.inference.ProfileAccumulator;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.inference.suggest.SuggestionEngine;
import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.DynamoValue;
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

/**
 * Raw values planted in sampled items never reach a workspace file: they go through the real
 * accumulator, as the sampler feeds it, so a masking regression there fails this test. A number
 * range holds two raw values the accumulator keeps, so a secret number goes on through the
 * disclosure rule as the sampler applies it before storing, and a regression there fails too.
 */
class NoRawValuesTest {
    private static final List<String> RAW = List.of("correct-horse-battery-staple-42", "alice.smith@example.com",
            "4111111111111111", "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW");

    @TempDir
    Path dir;

    @Test
    void noFileInTheWorkspaceHoldsARawValueOfTheSampledItems() throws IOException {
        TableProfile profile = profileOf(RAW);
        List<String> examples = profile.attributes().stream().flatMap(a -> a.maskedExamples().stream()).toList();
        assertThat(examples).as("the accumulator keeps masked examples to store").isNotEmpty();
        try (Workspace ws = Workspace.open(dir)) {
            ws.saveRun(profile, Map.of("items", String.valueOf(RAW.size())));
            ws.record(List.of(TestProfiles.decision("users", "password", Classification.SECRET, "masked examples only")));
        }

        List<byte[]> files = filesUnder(dir);
        assertThat(files).isNotEmpty();
        assertThat(examples).as("the search finds what the workspace stores readably (a masked example)")
                .anyMatch(example -> files.stream().anyMatch(bytes -> contains(bytes, example.getBytes(StandardCharsets.UTF_8))));
        for (String raw : RAW) {
            for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                assertThat(files).as("raw value %s in %s", raw, cs).noneMatch(bytes -> contains(bytes, raw.getBytes(cs)));
            }
        }
    }

    @Test
    void aSecretNumbersMinimumAndMaximumReachNoFileWhileAPublicCountersRangeDoes() throws IOException {
        ProfileAccumulator accumulator = new ProfileAccumulator(ValueDetectors.standard());
        List<String> pins = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String pin = String.valueOf(48_151_623 + i * 1_578_131);
            pins.add(pin);
            accumulator.add(Map.of("pin", new DynamoValue.N(pin), "visits", new DynamoValue.N(String.valueOf(1_000 + i))));
        }
        TableProfile raw = accumulator.toProfile("users", "table", TestProfiles.T0, Optional.empty(),
                SampleCoverage.unsegmented(pins.size(), pins.size(), 1.0, false));
        assertThat(raw.attribute(AttributePath.of("pin")).orElseThrow().numberRange())
                .as("the accumulator holds the raw extremes, so what is stored depends on the rule").isPresent();
        try (Workspace ws = Workspace.open(dir)) {
            ws.record(List.of(TestProfiles.decision("users", "pin", Classification.SECRET, "the card's PIN")));
            // What the sampler stores: the accumulator's profile as the one disclosure rule lets it leave.
            ws.saveRun(Disclosure.apply(raw, SuggestionEngine.standard().suggest(raw),
                    p -> p.equals(AttributePath.of("pin")) ? Optional.of(Classification.SECRET) : Optional.empty()),
                    Map.of("items", String.valueOf(pins.size())));
        }

        List<byte[]> files = filesUnder(dir);
        assertThat(files).as("a public counter's maximum is stored, so the search below can fail")
                .anyMatch(bytes -> contains(bytes, "1029".getBytes(StandardCharsets.UTF_8)));
        for (String extreme : List.of(pins.get(0), pins.get(pins.size() - 1))) {
            for (Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                assertThat(files).as("the PIN %s in %s", extreme, cs).noneMatch(bytes -> contains(bytes, extreme.getBytes(cs)));
            }
        }
    }

    /** The profile the sampler would store: every raw value planted in items, through the real accumulator. */
    private static TableProfile profileOf(List<String> raw) {
        ProfileAccumulator accumulator = new ProfileAccumulator(ValueDetectors.standard());
        for (String value : raw) {
            accumulator.add(Map.of("password", new DynamoValue.S(value), "note", new DynamoValue.S("hello " + value)));
        }
        return accumulator.toProfile("users", "table", TestProfiles.T0, Optional.empty(),
                SampleCoverage.unsegmented(raw.size(), raw.size(), 1.0, false));
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
