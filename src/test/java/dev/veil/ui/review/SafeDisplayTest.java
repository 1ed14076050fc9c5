package dev.veil.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.Suggestion;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SafeDisplayTest {
    private static final AttributeProfile PIN = new AttributeProfile(AttributePath.of("pin"), Map.of(DynamoType.N, 10L),
            10, 1.0, Optional.empty(), Optional.empty(),
            Optional.of(new AttributeProfile.NumberRange(new BigDecimal("1234"), new BigDecimal("9876"))), 10,
            List.of("9999"), 10, new TreeMap<>());

    @Test
    void aSuggestedSecretShowsNeitherExamplesNorNumberRange() {
        boolean secret = SafeDisplay.looksSecret(Optional.empty(),
                Optional.of(new Suggestion(Classification.SECRET, 0.9, List.of("name token `pin`"))));
        assertThat(secret).isTrue();
        assertThat(SafeDisplay.examples(PIN, secret)).isEmpty();
        assertThat(SafeDisplay.numberRange(PIN, secret)).isEmpty();
    }

    @Test
    void aDecidedSecretLooksSecretWhateverTheSuggestion() {
        assertThat(SafeDisplay.looksSecret(Optional.of(Classification.SECRET),
                Optional.of(new Suggestion(Classification.PUBLIC, 0.9, List.of())))).isTrue();
    }

    @Test
    void aPublicAttributeShowsItsRangeAndMaskedExamples() {
        boolean secret = SafeDisplay.looksSecret(Optional.of(Classification.PUBLIC), Optional.empty());
        assertThat(SafeDisplay.numberRange(PIN, secret)).contains("from 1234 to 9876");
        assertThat(SafeDisplay.examples(PIN, secret)).containsExactly("9999");
    }
}
