package dev.veil.policy;

import dev.veil.model.Classification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyValidatorTest {
    @TempDir
    Path root;

    static Path bad() {
        try {
            return Path.of(PolicyValidatorTest.class.getResource("/dev/veil/policy/bad").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<Arguments> corpus() throws IOException {
        return Files.readAllLines(bad().resolve("expected.tsv")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .map(f -> Arguments.of(f[0], f[1], f[2], f[3]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBadFileGetsOneLocatedMessageSayingWhatIsWrong(String target, String file, String lineColumn, String fragment) {
        List<PolicyProblem> problems = PolicyValidator.validate(bad().resolve(target));
        assertThat(problems).as("problems of %s", target).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(bad().resolve(file));
            assertThat(p.line() + ":" + p.column()).isEqualTo(lineColumn);
            assertThat(p.message()).contains(fragment);
            assertThat(p.hint()).isNotBlank();
            assertThat(p.toString()).isEqualTo(p.file() + ":" + lineColumn + ": " + p.message() + " — " + p.hint());
        });
    }

    @Test
    void everyCaseInTheCorpusHasAnExpectation() throws IOException {
        Set<String> expected = corpus().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        try (Stream<Path> s = Files.list(bad())) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("expected.tsv")))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void aValidStoreHasNoProblems() {
        PolicyStore store = new PolicyStore(root);
        store.publish(Fixtures.users());
        store.publish(Fixtures.withRule(Fixtures.users(), "x", Fixtures.rule(Classification.SECRET)));
        assertThat(PolicyValidator.validate(root)).isEmpty();
        assertThat(PolicyValidator.validate(root.resolve("users"))).isEmpty();
        assertThat(PolicyValidator.validate(store.file("users", 2))).isEmpty();
    }

    @Test
    void aCopyOfTheSchemaInTheStoreRootIsNotAPolicy() throws IOException {
        new PolicyStore(root).publish(Fixtures.users());
        Files.writeString(root.resolve("veil-policy-1.schema.json"), PolicySchema.text());
        assertThat(PolicyValidator.validate(root)).isEmpty();
    }

    @Test
    void changingOneClassPointsAtTheDigestLine() throws IOException {
        PolicyStore store = new PolicyStore(root);
        store.publish(Fixtures.users());
        Path f = store.file("users", 1);
        String text = Files.readString(f).replace("\"class\": \"secret\"", "\"class\": \"public\"");
        Files.writeString(f, text);
        assertThat(PolicyValidator.validate(root)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(f);
            assertThat(p.line()).isEqualTo(PolicyJsonTest.lineOf(text, "\"digest\""));
            assertThat(p.column()).isEqualTo(13);
            assertThat(p.message()).contains("digest does not match");
        });
    }

    @Test
    void aSingleVersionFileIsCheckedAgainstTheVersionBeforeIt() throws IOException {
        PolicyStore store = new PolicyStore(root);
        store.publish(Fixtures.users());
        store.publish(Fixtures.withRule(Fixtures.users(), "x", Fixtures.rule(Classification.SECRET)));
        Path v1 = store.file("users", 1);
        Files.delete(v1);
        new PolicyStore(root.resolve("other")).publish(Fixtures.withOwner(Fixtures.users(), java.util.Optional.empty()));
        Files.copy(root.resolve("other").resolve("users").resolve("v1.json"), v1);
        assertThat(PolicyValidator.validate(store.file("users", 2))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("broken chain"));
    }

    @Test
    void aPathThatDoesNotExistIsAStoreError() {
        assertThatThrownBy(() -> PolicyValidator.validate(root.resolve("missing")))
                .isInstanceOf(PolicyStoreException.class).hasMessageContaining("missing");
    }

    @Test
    void theSchemaShipsInTheJarAndDescribesTheFormat() throws Exception {
        var schema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(PolicySchema.text());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("properties").get("format").get("const").asText()).isEqualTo("veil-policy/1");
        assertThat(schema.get("$defs").get("rule").get("description").asText()).isNotBlank();
    }

    @Test
    void theDesignDocumentExampleFitsTheSchema() {
        String example = """
                {
                  "format": "veil-policy/1",
                  "table": "users",
                  "version": 3,
                  "previous": "sha256:%s",
                  "owner": "user_id",
                  "attributes": {
                    "user_id":       { "class": "public",     "types": ["S"] },
                    "email":         { "class": "owner-only", "types": ["S"] },
                    "password_hash": { "class": "secret",     "types": ["S"] },
                    "address":       { "class": "owner-only", "types": ["M"],
                                       "fields": { "city": { "class": "public" } } },
                    "orders":        { "class": "owner-only", "types": ["L"],
                                       "items": { "fields": { "total": { "class": "owner-only" } } } }
                  },
                  "digest": "sha256:%s"
                }
                """.formatted("0".repeat(64), "0".repeat(64));
        PolicyDocument.Checked c = PolicyDocument.check(example, false);
        assertThat(c.issues()).singleElement().satisfies(i -> assertThat(i.message()).contains("digest does not match"));
    }
}
