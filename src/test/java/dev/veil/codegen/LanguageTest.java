package dev.veil.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LanguageTest {

    @ParameterizedTest
    @EnumSource(Language.class)
    void eachLanguagesGeneratorSaysItWritesThatLanguage(Language language) {
        assertThat(language.generator().language()).isEqualTo(language);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void labelsParseBackIgnoringCase(Language language) {
        assertThat(Language.fromLabel(language.label().toUpperCase(java.util.Locale.ROOT))).contains(language);
    }

    @Test
    void anUnknownLabelParsesToNothing() {
        assertThat(Language.fromLabel("kotlin")).isEqualTo(Optional.empty());
    }
}
