package dev.veil.policy;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.DecisionSource;
import dev.veil.model.DynamoType;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.Review;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Attribute names with quotes, dots, line breaks, control characters, Unicode and emoji survive files. */
class HostileNamesTest {
    private static final List<String> NASTY = List.of("\"", ".", "a.b", "\n", "line\r\nbreak", "tab\there", "\\", "\\u0041",
            "\u0000", "\u001f", "\u007f", "\u2028", "😀", "zoë", "名前", "\uFF21", "[]", "a[]", "~/~1", " ", "digest", "fields",
            "items", "class", "{\"json\": true}", "'", "`", "<b>", "\uFEFF");

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12)
                .filter(s -> !CanonicalJson.hasLoneSurrogate(s));
        return Arbitraries.oneOf(Arbitraries.of(NASTY), any);
    }

    @Provide
    Arbitrary<List<String>> nameLists() {
        return names().list().ofMinSize(1).ofMaxSize(6).uniqueElements();
    }

    private static Policy policyNamed(List<String> names) {
        Map<String, PolicyRule> attributes = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            Review r = new Review(n, Instant.parse("2024-05-01T09:30:00.000001Z"), "note: " + n, DecisionSource.MANUAL);
            PolicyRule leaf = PolicyRule.leaf(Classification.values()[i % 3], List.of(DynamoType.S), Optional.of(r));
            PolicyRule nested = leaf.withFields(Map.of(n, leaf))
                    .withItems(Optional.of(Fixtures.classless(Map.of(n, leaf))));
            attributes.put(n, nested);
        }
        return Policy.draft("users", 1, Optional.empty(), Optional.of(names.get(0)), attributes);
    }

    @Property(tries = 200)
    void hostileNamesRoundTripThroughTheFileFormat(@ForAll("nameLists") List<String> names) {
        Policy p = policyNamed(names);
        String text = PolicyJson.write(p);
        assertThat(PolicyJson.parse(text, "hostile.json")).isEqualTo(Fixtures.sealed(p));
        assertThat(PolicyDocument.check(text, true).issues()).isEmpty();
        assertThat(text).doesNotContain("\r").endsWith("}\n");
    }

    @Property(tries = 200)
    void hostileNamesKeepTheirPathsInDiffs(@ForAll("nameLists") List<String> names) {
        Policy p = policyNamed(names);
        Policy empty = Policy.draft("users", 1, Optional.empty(), Optional.empty(), Map.of());
        List<PolicyChange> changes = PolicyDiff.between(empty, p);
        assertThat(changes).filteredOn(c -> c.kind() == PolicyChange.Kind.ADDED)
                .allSatisfy(c -> assertThat(AttributePath.parse(c.path().toString())).isEqualTo(c.path()));
        assertThat(PolicyDiffText.text("users", 0, 1, changes).lines().count()).isEqualTo(changes.size() + 1);
    }

    @Property(tries = 25)
    void hostileNamesRoundTripThroughTheStore(@ForAll("nameLists") List<String> names) throws IOException {
        Path root = Files.createTempDirectory("veil-hostile");
        try {
            PolicyStore store = new PolicyStore(root);
            Policy p = policyNamed(names);
            store.publish(p);
            assertThat(store.latest("users")).contains(Fixtures.sealed(p));
            assertThat(PolicyValidator.validate(root)).isEmpty();
            assertThat(Files.readString(store.changelog("users")).lines())
                    .as("one line per change, nothing breaks out of its line")
                    .filteredOn(l -> l.startsWith("- ")).hasSize(PolicyDiff.between(
                            Policy.draft("users", 1, Optional.empty(), Optional.empty(), Map.of()), p).size());
        } finally {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    @Test
    void aNameWithALoneSurrogateIsWrittenAsAnEscapeButRejectedOnReading() {
        Policy p = policyNamed(List.of("x\uD800"));
        String text = PolicyJson.write(p);
        assertThat(text).contains("\"x\\ud800\"");
        assertThatThrownBy(() -> PolicyJson.parse(text, "lone.json")).isInstanceOf(PolicyFormatException.class)
                .hasMessageContaining("lone surrogate");
    }
}
