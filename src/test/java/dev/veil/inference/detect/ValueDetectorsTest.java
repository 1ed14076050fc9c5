package dev.veil.inference.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueDetectorsTest {

    @Test
    void everyShippedDetectorHasAUniqueId() {
        List<String> ids = ValueDetectors.standard().stream().map(ValueDetector::id).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z0-9-]+"));
    }

    @Test
    void theStandardSetCoversTheFamiliesTheIssueNames() {
        assertThat(ValueDetectors.standard()).extracting(ValueDetector::id).contains("email", "phone", "payment-card", "iban",
                "national-id", "ip-address", "jwt", "bcrypt", "argon2", "scrypt", "pbkdf2", "crypt", "hex-digest",
                "base64-digest", "aws-access-key-id", "aws-secret-access-key", "github-token", "slack-token", "stripe-key",
                "google-credential", "pem-private-key", "random-token", "geo-coordinates", "date-of-birth", "example-value");
    }

    @Test
    void credentialsLeanSecretAndPersonalDataLeansOwnerOnly() {
        assertThat(ValueDetectors.byId("bcrypt")).map(LeaningDetector::leaning).contains(Leaning.SECRET);
        assertThat(ValueDetectors.byId("aws-access-key-id")).map(LeaningDetector::leaning).contains(Leaning.SECRET);
        assertThat(ValueDetectors.byId("email")).map(LeaningDetector::leaning).contains(Leaning.OWNER_ONLY);
        assertThat(ValueDetectors.byId("iban")).map(LeaningDetector::leaning).contains(Leaning.OWNER_ONLY);
    }

    @Test
    void everyDescriptionReadsAsAPluralNoun() {
        assertThat(ValueDetectors.standard()).allSatisfy(d -> assertThat(d.description()).isNotBlank().doesNotEndWith("."));
    }

    @Test
    void anUnknownIdFindsNothing() {
        assertThat(ValueDetectors.byId("no-such-detector")).isEmpty();
    }
}
