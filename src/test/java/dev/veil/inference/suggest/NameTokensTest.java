package dev.veil.inference.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameTokensTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "passwordResetRequired | password reset required",
        "ACADEMIC_YEAR_CODE    | academic year code",
        "email-verified        | email verified",
        "billing.card.number   | billing card number",
        "HTTPServerURL         | http server url",
        "IPAddress             | ip address",
        "address2              | address 2",
        "sha256Hex             | sha 256 hex",
        "cvv2                  | cvv 2",
        "mot_de_passe          | mot de passe",
        "contraseña            | contraseña",
        "__internal__notes     | internal notes",
        "x                     | x"})
    void splitsAtSeparatorsCaseChangesAndDigits(String name, String tokens) {
        assertThat(NameTokens.split(name)).containsExactly(tokens.split(" "));
    }

    @Test
    void aNameWithoutLettersOrDigitsHasNoTokens() {
        assertThat(NameTokens.split("__--..")).isEmpty();
    }

    @Test
    void scriptsWithoutCaseStayOneToken() {
        assertThat(NameTokens.split("пароль")).containsExactly("пароль");
        assertThat(NameTokens.split("user_パスワード")).containsExactly("user", "パスワード");
    }

    @Test
    void foldingDropsAccentsForMatching() {
        assertThat(NameTokens.fold("contraseña")).isEqualTo("contrasena");
        assertThat(NameTokens.fold("Straße")).isEqualTo("strasse");
        assertThat(NameTokens.fold("téléphone")).isEqualTo("telephone");
    }

    @Property
    void tokensAreNonEmptyLowerCaseAndMadeOfLettersOrDigits(@ForAll String name) {
        List<String> tokens = NameTokens.split(name);
        assertThat(tokens).allSatisfy(t -> {
            assertThat(t).isNotEmpty();
            // lower-casing may add a combining mark (U+0130 becomes i + U+0307)
            assertThat(t.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || isMark(cp))).isTrue();
            assertThat(t).isEqualTo(t.toLowerCase(Locale.ROOT));
        });
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }
}
