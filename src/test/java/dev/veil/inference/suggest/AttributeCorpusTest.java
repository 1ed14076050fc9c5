package dev.veil.inference.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.Suggestion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the engine over the labelled corpus (src/test/resources/.../attribute-corpus.csv):
 * values are generated per attribute from a fixed seed, profiled through the shipped
 * detectors, and suggested per table. Prints precision and recall per class.
 */
class AttributeCorpusTest {

    private static final String CORPUS = "/dev/veil/inference/suggest/attribute-corpus.csv";
    private static final String HOLDOUT = "/dev/veil/inference/suggest/attribute-corpus-holdout.csv";
    private static final int VALUES_PER_ATTRIBUTE = 80;
    private static final String NONE = "none";

    /** One labelled attribute and what the engine made of it. */
    record Row(String domain, String table, AttributePath path, DynamoType type, Classification expected, String values,
               Optional<Suggestion> suggestion) {
        String predicted() {
            return suggestion.map(s -> s.classification().label()).orElse(NONE);
        }
    }

    private static List<Row> rows;
    private static List<Row> holdout;

    @BeforeAll
    static void runCorpus() throws IOException {
        rows = evaluate(CORPUS);
        System.out.println(report("Suggestion corpus", rows));
        holdout = evaluate(HOLDOUT);
        System.out.println(report("Held-out corpus (not used for tuning)", holdout));
    }

    static List<Row> evaluate(String resource) throws IOException {
        List<Row> labelled = read(resource);
        Map<String, List<Row>> byTable = labelled.stream()
                .collect(Collectors.groupingBy(Row::table, LinkedHashMap::new, Collectors.toList()));
        SuggestionEngine engine = SuggestionEngine.standard();
        List<Row> out = new ArrayList<>();
        byTable.forEach((table, tableRows) -> {
            List<AttributeProfile> profiles = tableRows.stream().map(AttributeCorpusTest::profile).toList();
            Map<AttributePath, Suggestion> suggestions = engine.suggest(Profiles.table(table, profiles));
            for (Row r : tableRows) {
                out.add(new Row(r.domain(), table, r.path(), r.type(), r.expected(), r.values(),
                        Optional.ofNullable(suggestions.get(r.path()))));
            }
        });
        return out;
    }

    @Test
    void theCorpusHasAtLeast150AttributesAcrossFiveDomains() {
        assertThat(rows).hasSizeGreaterThanOrEqualTo(150);
        assertThat(rows.stream().map(Row::domain).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("users", "payments", "health", "iot", "saas");
    }

    @Test
    void secretRecallIsAtLeast95Percent() {
        assertThat(recall(rows, Classification.SECRET)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void noSecretAttributeIsEverSuggestedPublic() {
        assertThat(leaks(rows)).isEmpty();
    }

    @Test
    void ownerOnlyRecallStaysAbove80Percent() {
        assertThat(recall(rows, Classification.OWNER_ONLY)).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void publicSuggestionsAreRarelyWrong() {
        assertThat(precision(rows, Classification.PUBLIC)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void theHeldOutCorpusNeverSuggestsASecretPublicEither() {
        assertThat(holdout).hasSizeGreaterThanOrEqualTo(50);
        assertThat(leaks(holdout)).isEmpty();
    }

    private static List<String> leaks(List<Row> of) {
        return of.stream()
                .filter(r -> r.expected() == Classification.SECRET && r.predicted().equals(Classification.PUBLIC.label()))
                .map(r -> r.table() + " " + r.path())
                .toList();
    }

    @Test
    void everySuggestionCarriesReasonsAndAConfidenceInRange() {
        assertThat(rows).allSatisfy(r -> r.suggestion().ifPresent(s -> {
            assertThat(s.reasons()).isNotEmpty();
            assertThat(s.confidence()).isBetween(0.0, 1.0);
        }));
    }

    static double recall(List<Row> rows, Classification c) {
        long expected = rows.stream().filter(r -> r.expected() == c).count();
        long hit = rows.stream().filter(r -> r.expected() == c && r.predicted().equals(c.label())).count();
        return expected == 0 ? 1 : (double) hit / expected;
    }

    static double precision(List<Row> rows, Classification c) {
        long predicted = rows.stream().filter(r -> r.predicted().equals(c.label())).count();
        long hit = rows.stream().filter(r -> r.expected() == c && r.predicted().equals(c.label())).count();
        return predicted == 0 ? 1 : (double) hit / predicted;
    }

    private static String report(String title, List<Row> rows) {
        StringBuilder sb = new StringBuilder("\n").append(title).append(": ").append(rows.size()).append(" attributes\n");
        sb.append(String.format(Locale.ROOT, "%-11s %9s %9s %9s   %s%n", "class", "expected", "precision", "recall",
                "predicted as public / owner-only / secret / none"));
        for (Classification c : Classification.values()) {
            List<Row> of = rows.stream().filter(r -> r.expected() == c).toList();
            sb.append(String.format(Locale.ROOT, "%-11s %9d %9.3f %9.3f   %d / %d / %d / %d%n", c.label(), of.size(),
                    precision(rows, c), recall(rows, c), count(of, "public"), count(of, "owner-only"), count(of, "secret"),
                    count(of, NONE)));
        }
        sb.append("Misses (expected -> suggested, first reason):\n");
        rows.stream().filter(r -> !r.predicted().equals(r.expected().label())).forEach(r -> sb.append(String.format(Locale.ROOT,
                "  %-9s %-36s %-10s -> %-10s %s%n", r.domain(), r.path(), r.expected().label(), r.predicted(),
                r.suggestion().map(s -> s.reasons().get(0)).orElse(""))));
        return sb.toString();
    }

    private static long count(List<Row> of, String label) {
        return of.stream().filter(r -> r.predicted().equals(label)).count();
    }

    private static AttributeProfile profile(Row r) {
        if (r.type().isContainer()) {
            return Profiles.container(r.path(), r.type(), VALUES_PER_ATTRIBUTE);
        }
        Random random = new Random((r.domain() + "/" + r.path()).hashCode());
        return Profiles.of(r.path(), r.type(), CorpusValues.generate(r.values(), random, VALUES_PER_ATTRIBUTE));
    }

    private static List<Row> read(String resource) throws IOException {
        List<Row> out = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(AttributeCorpusTest.class.getResourceAsStream(resource), resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                out.add(parse(resource, line, number));
            }
        }
        return out;
    }

    private static Row parse(String resource, String line, int number) {
        String[] f = line.split(",", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException(resource + ":" + number + ": expected 6 comma-separated fields, found " + f.length);
        }
        Classification expected = Classification.fromLabel(f[4]).orElseThrow(() -> new IllegalArgumentException(
                resource + ":" + number + ": unknown class `" + f[4] + "`; use " + Classification.labels()));
        DynamoType type = DynamoType.fromCode(f[3]).orElseThrow(() -> new IllegalArgumentException(
                resource + ":" + number + ": unknown type `" + f[3] + "`"));
        if (!Set.of("users", "payments", "health", "iot", "saas").contains(f[0])) {
            throw new IllegalArgumentException(resource + ":" + number + ": unknown domain `" + f[0] + "`");
        }
        return new Row(f[0], f[1], AttributePath.parse(f[2]), type, expected, f[5], Optional.empty());
    }
}
