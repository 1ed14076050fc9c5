package dev.veil.inference.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.inference.detect.Leaning;
import dev.veil.inference.detect.LeaningDetector;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.Suggestion;
import dev.veil.testing.ProfileBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class FailClosedPropertyTest {

    private static final List<String> WORDS = List.of("user", "id", "name", "email", "password", "token", "count", "is",
            "created", "at", "verified", "public", "key", "api", "billing", "number", "admin", "display", "tags", "x", "hash");
    private static final List<String> STRONG_SECRET = ValueDetectors.catalog().stream()
            .filter(d -> d.leaning() == Leaning.SECRET && !d.shapeOnly() && d.strength() >= 0.9)
            .map(LeaningDetector::id).toList();

    private final SuggestionEngine engine = SuggestionEngine.standard();

    @Provide
    Arbitrary<AttributePath> paths() {
        Arbitrary<String> name = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("_", l));
        return name.list().ofMinSize(1).ofMaxSize(3).map(l -> AttributePath.of(l.get(0), l.subList(1, l.size()).toArray(String[]::new)));
    }

    @Provide
    Arbitrary<DynamoType> types() {
        return Arbitraries.of(DynamoType.S, DynamoType.N, DynamoType.BOOL, DynamoType.M, DynamoType.SS);
    }

    @Property
    void confidenceAlwaysLiesInRange(@ForAll("paths") AttributePath path, @ForAll("types") DynamoType type,
                                     @ForAll @IntRange(min = 0, max = 500) int hits, @ForAll @IntRange(min = 0, max = 500) int distinct) {
        Map<String, Long> counts = Map.of(STRONG_SECRET.get(hits % STRONG_SECRET.size()), (long) hits, "example-value", (long) hits / 2);
        AttributeProfile p = profile(path, type, 500, distinct, counts);
        engine.suggest(path, Optional.of(p)).ifPresent(s -> assertThat(s.confidence()).isBetween(0.0, 1.0));
    }

    @Property
    void aColumnOfUnmistakableCredentialsIsNeverSuggestedPublic(@ForAll("paths") AttributePath path,
                                                                 @ForAll("strongSecret") String detector,
                                                                 @ForAll @IntRange(min = 70, max = 100) int percent) {
        AttributeProfile p = profile(path, DynamoType.S, 100, 100, Map.of(detector, (long) percent));
        Optional<Suggestion> s = engine.suggest(path, Optional.of(p));
        assertThat(s).map(Suggestion::classification).contains(Classification.SECRET);
    }

    @Provide
    Arbitrary<String> strongSecret() {
        return Arbitraries.of(STRONG_SECRET);
    }

    @Property
    void anyRestrictiveValueEvidenceKeepsAPathFromPublic(@ForAll("paths") AttributePath path,
                                                         @ForAll("restrictive") String detector,
                                                         @ForAll @IntRange(min = 25, max = 100) int percent) {
        AttributeProfile p = profile(path, DynamoType.S, 100, 100, Map.of(detector, (long) percent));
        boolean identifier = NameEvidence.of(path).stream().anyMatch(Evidence::explainsRandomness);
        boolean shape = ValueDetectors.byId(detector).map(LeaningDetector::shapeOnly).orElse(false);
        double needed = ValueDetectors.byId(detector).map(LeaningDetector::minRatio).orElse(0.0);
        Optional<Suggestion> s = engine.suggest(path, Optional.of(p));
        if (!(identifier && shape) && percent / 100.0 >= needed) {
            assertThat(s).map(Suggestion::classification).isNotEqualTo(Optional.of(Classification.PUBLIC));
        }
    }

    @Provide
    Arbitrary<String> restrictive() {
        return Arbitraries.of(ValueDetectors.catalog().stream().filter(d -> d.leaning() != Leaning.EXAMPLE)
                .map(LeaningDetector::id).toList());
    }

    private static AttributeProfile profile(AttributePath path, DynamoType type, long scanned, long distinct, Map<String, Long> hits) {
        return ProfileBuilder.attribute(path).type(type, scanned).distinct(distinct)
                .scanned(type == DynamoType.S || type == DynamoType.N ? scanned : 0).hits(hits).build();
    }

}
