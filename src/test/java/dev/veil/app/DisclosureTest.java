package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.SampleCoverage;
import dev.veil.model.Suggestion;
import dev.veil.model.TableProfile;
import dev.veil.testing.ProfileBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DisclosureTest {

    private static AttributeProfile number(String path, Map<String, Long> hits) {
        return ProfileBuilder.attribute(path).type(DynamoType.N, 4).numbers("1234", "9876").distinct(4)
                .examples(List.of("9999")).scanned(4).hits(hits).build();
    }

    private static Suggestion suggestion(Classification c) {
        return new Suggestion(c, 0.9, List.of("because"));
    }

    private static Disclosure.Facts facts(Optional<Classification> decided, Optional<Suggestion> suggested,
                                          AttributeProfile p) {
        return new Disclosure.Facts(decided, suggested, Optional.of(p));
    }

    @Test
    void aSuggestedSecretNumberLosesItsRangeAndExamples() {
        AttributeProfile pin = number("pin", Map.of());
        AttributeProfile out = Disclosure.apply(pin, facts(Optional.empty(), Optional.of(suggestion(Classification.SECRET)), pin));
        assertThat(out.numberRange()).isEmpty();
        assertThat(out.maskedExamples()).isEmpty();
    }

    @Test
    void aDecidedSecretIsWithheldWhateverTheSuggestion() {
        AttributeProfile pin = number("pin", Map.of());
        assertThat(Disclosure.withholdsExamples(facts(Optional.of(Classification.SECRET),
                Optional.of(suggestion(Classification.PUBLIC)), pin))).isTrue();
    }

    @Test
    void oneCredentialDetectorHitIsEnoughToWithholdExamples() {
        AttributeProfile notes = number("notes", Map.of("aws-access-key-id", 1L));
        assertThat(Disclosure.withholdsExamples(facts(Optional.empty(), Optional.empty(), notes))).isTrue();
    }

    @Test
    void anOwnerOnlyNumberKeepsMaskedExamplesButLosesItsRawRange() {
        AttributeProfile card = number("card", Map.of());
        AttributeProfile out = Disclosure.apply(card, facts(Optional.empty(),
                Optional.of(suggestion(Classification.OWNER_ONLY)), card));
        assertThat(out.numberRange()).isEmpty();
        assertThat(out.maskedExamples()).containsExactly("9999");
    }

    @Test
    void aPublicNumberKeepsItsRangeAndExamples() {
        AttributeProfile age = number("age", Map.of());
        AttributeProfile out = Disclosure.apply(age, facts(Optional.empty(), Optional.of(suggestion(Classification.PUBLIC)), age));
        assertThat(out).isEqualTo(age);
    }

    @Test
    void aFieldOfASecretMapIsWithheldThroughItsAncestor() {
        AttributeProfile pin = number("credentials.pin", Map.of());
        TableProfile table = ProfileBuilder.table("t").items(4).attributes(List.of(pin))
                .coverage(SampleCoverage.unsegmented(4, 0, 0, false)).build();
        TableProfile out = Disclosure.apply(table, Map.of(),
                p -> p.equals(AttributePath.parse("credentials")) ? Optional.of(Classification.SECRET) : Optional.empty());
        assertThat(out.attributes().get(0).numberRange()).isEmpty();
        assertThat(out.attributes().get(0).maskedExamples()).isEmpty();
    }
}
