package dev.veil.inference.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.Suggestion;
import dev.veil.testing.ProfileBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SuggestionEngineTest {

    private final SuggestionEngine engine = SuggestionEngine.standard();
    private final Random random = new Random(42);

    private Optional<Suggestion> suggest(AttributeProfile p) {
        return engine.suggest(p.path(), Optional.of(p));
    }

    private AttributeProfile generated(String path, String kind, int n) {
        return Profiles.of(AttributePath.parse(path), DynamoType.S, CorpusValues.generate(kind, random, n));
    }

    @Test
    void valuesAloneCanMakeAnAttributeSecretWithTheirRatioAsReason() {
        Suggestion s = suggest(generated("blob", "bcrypt", 412)).orElseThrow();
        assertThat(s.classification()).isEqualTo(Classification.SECRET);
        assertThat(s.reasons()).containsExactly("100% of 412 values look like bcrypt hashes");
    }

    @Test
    void theReasonGivesThePercentageWhenSomeValuesDiffer() {
        List<String> values = new ArrayList<>(CorpusValues.generate("bcrypt", random, 400));
        values.addAll(Collections.nCopies(12, "n/a"));
        Suggestion s = suggest(Profiles.of(AttributePath.of("blob"), DynamoType.S, values)).orElseThrow();
        assertThat(s.reasons()).containsExactly("97% of 412 values look like bcrypt hashes");
    }

    @Test
    void nameAndValuesTogetherAreSurerThanEitherAlone() {
        double both = suggest(generated("password_hash", "bcrypt", 50)).orElseThrow().confidence();
        double name = engine.suggest(AttributePath.of("password_hash"), Optional.empty()).orElseThrow().confidence();
        double values = suggest(generated("blob", "bcrypt", 50)).orElseThrow().confidence();
        assertThat(both).isGreaterThan(name).isGreaterThan(values);
    }

    @Test
    void aGenericShapeNeedsEnoughDistinctValuesToCount() {
        String digest = CorpusValues.generate("hex64", random, 1).get(0);
        AttributeProfile same = Profiles.of(AttributePath.of("blob"), DynamoType.S, Collections.nCopies(200, digest));
        assertThat(suggest(same)).isEmpty();
        AttributeProfile named = Profiles.of(AttributePath.of("password_hash"), DynamoType.S, Collections.nCopies(200, digest));
        assertThat(suggest(named).orElseThrow().reasons()).anyMatch(r -> r.contains("only 1 distinct values were seen"));
    }

    @Test
    void aSingleDistinctiveCredentialIsEnoughWhateverTheCardinality() {
        String hash = CorpusValues.generate("bcrypt", random, 1).get(0);
        AttributeProfile config = Profiles.of(AttributePath.of("value"), DynamoType.S, List.of(hash));
        assertThat(suggest(config)).map(Suggestion::classification).contains(Classification.SECRET);
    }

    @Test
    void aFewPhoneLikeValuesDoNotMakeAColumnOwnerOnly() {
        List<String> values = new ArrayList<>(CorpusValues.generate("words", random, 80));
        values.addAll(CorpusValues.generate("phone", random, 20));
        AttributeProfile notes = Profiles.of(AttributePath.of("note"), DynamoType.S, values);
        assertThat(suggest(notes)).isEmpty();
    }

    @Test
    void anIdentifierNameExplainsRandomLookingValues() {
        Suggestion s = suggest(generated("user_id", "firebase-uid", 100)).orElseThrow();
        assertThat(s.classification()).isEqualTo(Classification.PUBLIC);
        assertThat(s.reasons()).anyMatch(r -> r.endsWith("look like random token strings; read as identifiers, given the "
                + "name token `id` (identifier)"));
    }

    @Test
    void randomLookingValuesUnderAPlainNameLeanSecret() {
        assertThat(suggest(generated("value", "token", 100))).map(Suggestion::classification).contains(Classification.SECRET);
    }

    @Test
    void publishedExampleValuesLowerConfidenceButKeepTheClass() {
        Suggestion real = suggest(generated("access_key_id", "aws-key-id", 60)).orElseThrow();
        Suggestion example = suggest(generated("access_key_id", "aws-key-id-example", 60)).orElseThrow();
        assertThat(example.classification()).isEqualTo(real.classification()).isEqualTo(Classification.SECRET);
        assertThat(example.confidence()).isLessThan(real.confidence());
        assertThat(example.reasons()).contains("100% of 60 values are published example values, so confidence is lowered");
    }

    @Test
    void aNestedAttributeInheritsTheMostRestrictiveAncestorAndSaysSo() {
        Suggestion s = engine.suggest(AttributePath.parse("credentials.value"), Optional.empty()).orElseThrow();
        assertThat(s.classification()).isEqualTo(Classification.SECRET);
        assertThat(s.reasons().get(0)).startsWith("inherits secret from `credentials`");
    }

    @Test
    void aPublicLookingChildOfAPersonalMapIsOwnerOnly() {
        Suggestion s = engine.suggest(AttributePath.parse("address.country"), Optional.empty()).orElseThrow();
        assertThat(s.classification()).isEqualTo(Classification.OWNER_ONLY);
        assertThat(s.reasons()).first().asString().startsWith("inherits owner-only from `address`");
    }

    @Test
    void aChildKeepsItsOwnNarrowerClass() {
        Suggestion s = engine.suggest(AttributePath.parse("address.password"), Optional.empty()).orElseThrow();
        assertThat(s.classification()).isEqualTo(Classification.SECRET);
    }

    @Test
    void aPathWithoutEvidenceGetsNoSuggestion() {
        assertThat(engine.suggest(AttributePath.of("attr_17"), Optional.empty())).isEmpty();
        assertThat(suggest(generated("attr_17", "words", 50))).isEmpty();
    }

    @Test
    void weakRestrictiveEvidenceStillKeepsAnAttributeFromBeingPublic() {
        List<String> values = new ArrayList<>(CorpusValues.generate("words", random, 75));
        values.addAll(CorpusValues.generate("email", random, 25));
        Suggestion s = suggest(Profiles.of(AttributePath.of("description"), DynamoType.S, values)).orElseThrow();
        assertThat(s.classification()).isEqualTo(Classification.OWNER_ONLY);
        assertThat(s.confidence()).isLessThan(SuggestionEngine.THRESHOLD);
    }

    @Test
    void theTableNameIsContextForGenericNames() {
        assertThat(engine.suggest("customers", AttributePath.of("name"), Optional.empty()))
                .map(Suggestion::classification).contains(Classification.OWNER_ONLY);
        assertThat(engine.suggest("products", AttributePath.of("name"), Optional.empty()))
                .map(Suggestion::classification).contains(Classification.PUBLIC);
    }

    @Test
    void unknownDetectorIdsInAProfileAreIgnored() {
        TreeMap<String, Long> hits = new TreeMap<>(Map.of("from-a-newer-version", 100L));
        AttributeProfile p = ProfileBuilder.attribute(AttributePath.of("blob")).type(DynamoType.S, 100).distinct(100)
                .scanned(100).hits(hits).build();
        assertThat(suggest(p)).isEmpty();
    }

    @Test
    void reasonsNeverContainTheSampledValues() {
        List<String> values = CorpusValues.generate("token", random, 100);
        Suggestion s = suggest(Profiles.of(AttributePath.of("api_key"), DynamoType.S, values)).orElseThrow();
        assertThat(s.reasons()).allSatisfy(r -> assertThat(values).noneMatch(r::contains));
    }
}
