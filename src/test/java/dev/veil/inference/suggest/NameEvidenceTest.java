package dev.veil.inference.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameEvidenceTest {

    private static List<Evidence> of(String path) {
        return NameEvidence.of(AttributePath.parse(path));
    }

    private static List<Evidence> of(String path, DynamoType type) {
        return NameEvidence.of(AttributePath.parse(path), Optional.of(type), List.of());
    }

    private static boolean argues(List<Evidence> evidence, Classification c) {
        return evidence.stream().anyMatch(e -> e.classification() == c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "password_hash", "passwordHash", "user_pwd", "api_key", "apiKey", "x-api-key",
        "client_secret", "refresh_token", "sessionId", "private_key_pem", "cvc", "card_cvv2", "pin_code", "mfa_secret",
        "Passwort", "\"contraseña\"", "mot_de_passe", "cvvCode", "pinCode", "motdepasse", "senha", "wachtwoord", "\"пароль\"", "aws_access_key_id"})
    void credentialNamesArgueSecret(String path) {
        assertThat(argues(of(path), Classification.SECRET)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACADEMIC_YEAR_CODE", "token_count", "keyboard_layout", "author_name", "cvs_store_id",
        "password_changed_at", "password_policy", "api_key_count", "max_tokens", "next_token", "sort_key", "public_key",
        "content_hash", "token_type", "passport_office_city", "spin_rate", "keynote_title", "tokenizer", "compassion_score"})
    void namesThatOnlyContainOrDescribeASecretDoNotArgueSecret(String path) {
        assertThat(argues(of(path), Classification.SECRET)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"email_verified", "passwordResetRequired", "has_password", "cookie_consent", "secret_santa_enabled",
        "phone_confirmed"})
    void booleansAreFlagsNotTheValuesTheyMention(String path) {
        List<Evidence> evidence = of(path, DynamoType.BOOL);
        assertThat(evidence).singleElement().satisfies(e -> {
            assertThat(e.classification()).isEqualTo(Classification.PUBLIC);
            assertThat(e.reason()).startsWith("a boolean flag");
        });
    }

    @Test
    void aBooleanFlagSaysWhatItIsAbout() {
        assertThat(of("email_verified", DynamoType.BOOL)).extracting(Evidence::reason)
                .containsExactly("a boolean flag about `email`, not the e-mail address itself");
    }

    @ParameterizedTest
    @ValueSource(strings = {"is_admin", "isAdmin", "is_staff", "is_pregnant", "smoker"})
    void factFlagsKeepTheirClass(String path) {
        assertThat(argues(of(path, DynamoType.BOOL), Classification.PUBLIC)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "emailAddress", "e-mail", "correo", "phone_number", "telefono", "date_of_birth", "dob",
        "geburtsdatum", "fecha_de_nacimiento", "first_name", "surname", "ssn", "passport_number", "iban", "card_number",
        "ip_address", "lat", "diagnosis_codes", "hiv_status", "address", "postcode", "medications", "allergies"})
    void personalNamesArgueOwnerOnly(String path) {
        assertThat(argues(of(path), Classification.OWNER_ONLY)).isTrue();
    }

    @Test
    void matchingIsByWholeTokenNeverBySubstring() {
        assertThat(of("keyboard")).isEmpty();
        assertThat(of("passwordless_login_enabled_tokenizer")).noneMatch(e -> e.classification() == Classification.SECRET);
        assertThat(of("emailer_service")).isEmpty();
        assertThat(of("author")).noneMatch(e -> e.classification() == Classification.SECRET);
    }

    @Test
    void theParentPathGivesAGenericWordItsMeaning() {
        assertThat(of("billing.number")).anySatisfy(e -> {
            assertThat(e.classification()).isEqualTo(Classification.OWNER_ONLY);
            assertThat(e.reason()).isEqualTo("name token `number` next to `billing` (payment data)");
        });
        assertThat(of("ticket.number")).isEmpty();
    }

    @Test
    void personContextMakesANameAPersonName() {
        assertThat(argues(of("patient.name"), Classification.OWNER_ONLY)).isTrue();
        assertThat(argues(of("product_name"), Classification.OWNER_ONLY)).isFalse();
        assertThat(argues(NameEvidence.of(AttributePath.of("name"), Optional.empty(), List.of("customers")),
                Classification.OWNER_ONLY)).isTrue();
        assertThat(argues(NameEvidence.of(AttributePath.of("name"), Optional.empty(), List.of("tenants")),
                Classification.OWNER_ONLY)).isFalse();
    }

    @Test
    void anAuthorizationWordYieldsToTheValueItQualifies() {
        assertThat(of("admin_email")).extracting(Evidence::classification).containsOnly(Classification.OWNER_ONLY);
        assertThat(of("internal_role")).extracting(Evidence::reason)
                .contains("name token `role` (authorization data)", "name prefix `internal` (internal-only data)");
    }

    @Test
    void identifierNamesExplainRandomLookingValues() {
        assertThat(of("user_id")).anyMatch(Evidence::explainsRandomness);
        assertThat(of("content_hash")).anyMatch(Evidence::explainsRandomness);
        assertThat(of("session_id")).noneMatch(Evidence::explainsRandomness);
    }

    @Test
    void aNameWithoutKnownWordsHasNoEvidence() {
        assertThat(of("attr_17")).isEmpty();
        assertThat(of("x")).isEmpty();
    }
}
