package dev.veil.drift;

import static dev.veil.drift.Fixtures.RUN_2;
import static dev.veil.drift.Fixtures.attr;
import static dev.veil.drift.Fixtures.decision;
import static dev.veil.drift.Fixtures.detected;
import static dev.veil.drift.Fixtures.leaf;
import static dev.veil.drift.Fixtures.path;
import static dev.veil.drift.Fixtures.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.Finding;
import dev.veil.model.FindingKind;
import dev.veil.model.PolicyRule;
import dev.veil.model.Severity;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InconsistentClassTest {

    private final DriftAuditor auditor = new DriftAuditor(Clock.fixed(RUN_2, ZoneOffset.UTC));

    private static TableAuditInput table(String name, Map<String, PolicyRule> rules, AttributeProfile... sample) {
        return TableAuditInput.builder(name).info(Fixtures.table(name))
                .latestProfile(profile(name, RUN_2, 100, sample)).policy(Fixtures.policy(name, 2, rules)).build();
    }

    private List<Finding> inconsistencies(TableAuditInput... tables) {
        return auditor.audit(List.of(tables)).findings().stream()
                .filter(f -> f.kind() == FindingKind.INCONSISTENT_CLASS).toList();
    }

    @Test
    void emailPublicInOneTableAndOwnerOnlyInAnotherFlagsThePublicOneAsHigh() {
        var users = table("users", Map.of("user_id", leaf(Classification.PUBLIC, DynamoType.S),
                "email", leaf(Classification.PUBLIC, DynamoType.S)),
                attr("user_id", 1, 100, DynamoType.S), attr("email", 1, 100, DynamoType.S));
        var accounts = table("accounts", Map.of("user_id", leaf(Classification.PUBLIC, DynamoType.S),
                "email", leaf(Classification.OWNER_ONLY, DynamoType.S)),
                attr("user_id", 1, 100, DynamoType.S), attr("email", 1, 100, DynamoType.S));

        assertThat(inconsistencies(users, accounts)).singleElement().satisfies(f -> {
            assertThat(f.table()).isEqualTo("users");
            assertThat(f.path()).contains(path("email"));
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("public in `users`", "owner-only as `email` in `accounts`");
            assertThat(f.action()).contains("veil tag users email owner-only");
        });
    }

    @Test
    void ownerOnlyAgainstSecretIsMedium() {
        var a = table("a", Map.of("ssn", leaf(Classification.OWNER_ONLY, DynamoType.S)));
        var b = table("b", Map.of("ssn", leaf(Classification.SECRET, DynamoType.S)));

        assertThat(inconsistencies(a, b)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
    }

    @Test
    void aNestedBooleanIsNotComparedWithATopLevelAttributeOfTheSameLeafName() {
        var users = table("users", Map.of("email", leaf(Classification.OWNER_ONLY, DynamoType.S)),
                attr("email", 1, 100, DynamoType.S));
        var appData = table("app_data", Map.of("preferences", leaf(Classification.OWNER_ONLY, DynamoType.M)
                .withFields(Map.of("notifications", leaf(Classification.PUBLIC, DynamoType.M)
                        .withFields(Map.of("email", leaf(Classification.PUBLIC, DynamoType.BOOL)))))));

        assertThat(inconsistencies(users, appData)).isEmpty();
    }

    @Test
    void theSameFullPathInTwoTablesIsCompared() {
        var a = table("a", Map.of("contact", leaf(Classification.OWNER_ONLY, DynamoType.M)
                .withFields(Map.of("email", leaf(Classification.PUBLIC, DynamoType.S)))));
        var b = table("b", Map.of("contact", leaf(Classification.OWNER_ONLY, DynamoType.M)
                .withFields(Map.of("email", leaf(Classification.OWNER_ONLY, DynamoType.S)))));

        assertThat(inconsistencies(a, b)).singleElement().satisfies(f -> {
            assertThat(f.path()).contains(path("contact.email"));
            assertThat(f.message()).contains("`contact.email` is public in `a`", "owner-only as `contact.email` in `b`");
        });
    }

    @Test
    void theSamePathHoldingIncompatibleTypesIsNotCompared() {
        var a = table("a", Map.of("flag", leaf(Classification.PUBLIC, DynamoType.BOOL)),
                attr("flag", 1, 100, DynamoType.BOOL));
        var b = table("b", Map.of("flag", leaf(Classification.SECRET, DynamoType.S)),
                attr("flag", 1, 100, DynamoType.S));

        assertThat(inconsistencies(a, b)).isEmpty();
    }

    @Test
    void namesDifferingOnlyInCaseOrSeparatorsAreNotTheSamePath() {
        var a = table("a", Map.of("emailAddress", leaf(Classification.PUBLIC, DynamoType.S)));
        var b = table("b", Map.of("email_address", leaf(Classification.OWNER_ONLY, DynamoType.S)));

        assertThat(inconsistencies(a, b)).isEmpty();
    }

    @Test
    void sameNamesHoldingDifferentKindsOfValuesAreNotCompared() {
        var products = table("products", Map.of("name", leaf(Classification.PUBLIC, DynamoType.S)),
                detected("name", 100, "product-code"));
        var people = table("people", Map.of("name", leaf(Classification.OWNER_ONLY, DynamoType.S)),
                detected("name", 100, "person-name"));

        assertThat(inconsistencies(products, people)).isEmpty();
    }

    @Test
    void anUnpublishedDecisionStandsInWhereThePolicyIsSilent() {
        var a = table("a", Map.of("email", leaf(Classification.PUBLIC, DynamoType.S)));
        var b = TableAuditInput.builder("b").decisions(List.of(decision("b", "email", Classification.SECRET)))
                .latestProfile(profile("b", RUN_2, 10)).build();

        assertThat(inconsistencies(a, b)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("secret as `email` in `b` (tagged, not yet published)"));
    }

    @Test
    void differencesWithinOneTableAreNotInconsistencies() {
        var a = table("a", Map.of("email", leaf(Classification.PUBLIC, DynamoType.S),
                "backup", leaf(Classification.SECRET, DynamoType.M)
                        .withFields(Map.of("email", leaf(Classification.SECRET, DynamoType.S)))));

        assertThat(inconsistencies(a)).isEmpty();
    }
}
