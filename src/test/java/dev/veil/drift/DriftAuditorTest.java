package dev.veil.drift;

import static dev.veil.drift.Fixtures.RUN_1;
import static dev.veil.drift.Fixtures.RUN_2;
import static dev.veil.drift.Fixtures.attr;
import static dev.veil.drift.Fixtures.decision;
import static dev.veil.drift.Fixtures.gsi;
import static dev.veil.drift.Fixtures.path;
import static dev.veil.drift.Fixtures.profile;
import static dev.veil.drift.Fixtures.suggest;
import static dev.veil.drift.Fixtures.users;
import static dev.veil.drift.Fixtures.usersAttributes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.Finding;
import dev.veil.model.FindingKind;
import dev.veil.model.IndexInfo;
import dev.veil.model.Severity;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DriftAuditorTest {

    private final DriftAuditor auditor = new DriftAuditor(Clock.fixed(RUN_2, ZoneOffset.UTC));

    private List<Finding> audit(TableAuditInput in) {
        return auditor.auditTable(in);
    }

    private static List<Finding> ofKind(List<Finding> findings, FindingKind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    private static List<AttributeProfile> with(AttributeProfile... extra) {
        List<AttributeProfile> out = usersAttributes();
        out.addAll(List.of(extra));
        return out;
    }

    private static List<AttributeProfile> without(String removed) {
        List<AttributeProfile> out = usersAttributes();
        out.removeIf(a -> a.path().toString().equals(removed) || a.path().toString().startsWith(removed + "."));
        return out;
    }

    @Test
    void aTableThatMatchesItsPolicyHasNoFindings() {
        assertThat(audit(users(usersAttributes()).build())).isEmpty();
    }

    @Nested
    class NewAttribute {

        @Test
        void anAttributeThePolicyDoesNotNameIsReportedWithItsPresenceAndSampleSize() {
            List<Finding> findings = audit(users(with(attr("ssn", 0.37, 500, DynamoType.S))).build());

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(FindingKind.NEW_ATTRIBUTE);
                assertThat(f.path()).contains(path("ssn"));
                assertThat(f.message()).contains("`ssn`", "37%", "500 sampled items", "policy v3");
            });
        }

        @Test
        void isHighWhenVeilSuggestsSecretAndTheActionTagsItSo() {
            Finding f = audit(users(with(attr("ssn", 0.37, 500, DynamoType.S)))
                    .suggestions(Map.of(path("ssn"), suggest(Classification.SECRET))).build()).get(0);

            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.action()).contains("veil tag users ssn secret", "veil publish users");
        }

        @Test
        void isHighWhenVeilSuggestsOwnerOnly() {
            Finding f = audit(users(with(attr("phone", 0.5, 500, DynamoType.S)))
                    .suggestions(Map.of(path("phone"), suggest(Classification.OWNER_ONLY))).build()).get(0);

            assertThat(f.severity()).isEqualTo(Severity.HIGH);
        }

        @Test
        void isMediumWhenVeilSuggestsPublicOrNothing() {
            Finding f = audit(users(with(attr("theme", 0.5, 500, DynamoType.S))).build()).get(0);

            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        }

        @Test
        void aNewFieldOfAMapWithFieldRulesIsReportedAtItsNestedPath() {
            List<Finding> findings = audit(users(with(attr("address.zip", 0.8, 500, DynamoType.S))).build());

            assertThat(findings).extracting(Finding::path).containsExactly(Optional.of(path("address.zip")));
        }

        @Test
        void aNewSubtreeIsReportedOnceAtItsRoot() {
            List<Finding> findings = audit(users(with(attr("billing", 0.5, 500, DynamoType.M),
                    attr("billing.iban", 0.5, 500, DynamoType.S))).build());

            assertThat(findings).extracting(Finding::path).containsExactly(Optional.of(path("billing")));
        }

        @Test
        void fieldsInsideAValueThePolicyPassesWholeAreNotNew() {
            List<AttributeProfile> attributes = with(attr("nickname", 0.6, 500, DynamoType.S));
            attributes.removeIf(a -> a.path().equals(path("nickname")));
            attributes.add(attr("prefs", 0.5, 500, DynamoType.M));
            attributes.add(attr("prefs.lang", 0.5, 500, DynamoType.S));
            var policy = Fixtures.usersPolicy();
            var rules = new java.util.TreeMap<>(policy.attributes());
            rules.put("prefs", Fixtures.leaf(Classification.OWNER_ONLY, DynamoType.M));
            rules.remove("nickname");

            List<Finding> findings = audit(users(attributes).policy(Fixtures.policy("users", 4, rules)).build());

            assertThat(findings).isEmpty();
        }

        @Test
        void anUnpublishedDecisionIsMentionedAndTheActionIsToPublish() {
            Finding f = audit(users(with(attr("ssn", 0.37, 500, DynamoType.S)))
                    .decisions(List.of(decision("users", "ssn", Classification.SECRET))).build()).get(0);

            assertThat(f.kind()).isEqualTo(FindingKind.NEW_ATTRIBUTE);
            assertThat(f.message()).contains("tagged secret by alice");
            assertThat(f.action()).contains("veil publish users").doesNotContain("veil tag");
        }

        @Test
        void pathsThatNeedQuotingAreQuotedForTheShell() {
            Finding f = audit(users(with(attr(AttributePath.of("it's.odd"), 0.5, 500, Map.of(DynamoType.S, 250L),
                    Map.of()))).build()).get(0);

            assertThat(f.action()).contains("veil tag users '\"it'\\''s.odd\"' public|owner-only|secret");
        }
    }

    @Nested
    class TypeChange {

        @Test
        void aNumberNowStoredAsAStringIsAMediumTypeChange() {
            List<AttributeProfile> attributes = without("age");
            attributes.add(attr(path("age"), 1.0, 500, Map.of(DynamoType.N, 300L, DynamoType.S, 200L), Map.of()));

            Finding f = audit(users(attributes).build()).get(0);

            assertThat(f.kind()).isEqualTo(FindingKind.TYPE_CHANGE);
            assertThat(f.path()).contains(path("age"));
            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(f.message()).contains("S (string)", "N (number)", "policy v3");
        }

        @Test
        void aScalarThatBecameAMapIsHighBecauseItsContentPassesWhole() {
            List<AttributeProfile> attributes = without("nickname");
            attributes.add(attr("nickname", 0.6, 500, DynamoType.M));
            attributes.add(attr("nickname.first", 0.6, 500, DynamoType.S));

            List<Finding> changes = ofKind(audit(users(attributes).build()), FindingKind.TYPE_CHANGE);

            assertThat(changes).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
                assertThat(f.message()).contains("whole");
            });
        }

        @Test
        void aMapThatBecameAListIsHigh() {
            List<AttributeProfile> attributes = without("address");
            attributes.add(attr("address", 0.8, 500, DynamoType.L));

            List<Finding> changes = ofKind(audit(users(attributes).build()), FindingKind.TYPE_CHANGE);

            assertThat(changes).singleElement().satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
        }

        @Test
        void aScalarChangeOfASecretIsLow() {
            List<AttributeProfile> attributes = without("password_hash");
            attributes.add(attr("password_hash", 1.0, 500, DynamoType.B));

            Finding f = audit(users(attributes).build()).get(0);

            assertThat(f.severity()).isEqualTo(Severity.LOW);
        }

        @Test
        void nullValuesAreNotATypeChange() {
            List<AttributeProfile> attributes = without("age");
            attributes.add(attr(path("age"), 1.0, 500, Map.of(DynamoType.N, 450L, DynamoType.NULL, 50L), Map.of()));

            assertThat(audit(users(attributes).build())).isEmpty();
        }
    }

    @Nested
    class MissingAttribute {

        @Test
        void anAttributeAnEarlierRunSawOftenButThisLargeSampleLacksIsMissing() {
            var earlier = profile("users", RUN_1, 480, usersAttributes().toArray(AttributeProfile[]::new));

            List<Finding> findings = audit(users(without("nickname")).history(List.of(earlier)).build());

            assertThat(ofKind(findings, FindingKind.MISSING_ATTRIBUTE)).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(FindingKind.MISSING_ATTRIBUTE);
                assertThat(f.path()).contains(path("nickname"));
                assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(f.message()).contains("500 sampled items", "60% of 480 items", "2024-05-01");
            });
        }

        @Test
        void aRareAttributeIsNotMissingFromASampleTooSmallToExpectIt() {
            List<AttributeProfile> before = usersAttributes();
            before.removeIf(a -> a.path().equals(path("nickname")));
            before.add(attr("nickname", 0.004, 480, DynamoType.S));
            var earlier = profile("users", RUN_1, 480, before.toArray(AttributeProfile[]::new));

            assertThat(audit(users(without("nickname")).history(List.of(earlier)).build())).isEmpty();
        }

        @Test
        void withoutHistoryASampleOf459ItemsIsEnoughButOf458IsNot() {
            var attributes = without("nickname").toArray(AttributeProfile[]::new);
            var small = users(List.of()).latestProfile(profile("users", RUN_2, 458, attributes)).build();
            var large = users(List.of()).latestProfile(profile("users", RUN_2, 459, attributes)).build();

            assertThat(ofKind(audit(small), FindingKind.MISSING_ATTRIBUTE)).isEmpty();
            assertThat(ofKind(audit(large), FindingKind.MISSING_ATTRIBUTE)).singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.LOW));
        }

        @Test
        void aMissingMapIsReportedWithoutItsFields() {
            List<Finding> findings = audit(users(without("address")).build());

            assertThat(findings).extracting(Finding::path).containsExactly(Optional.of(path("address")));
        }

        @Test
        void keyAttributesAreNeverMissing() {
            assertThat(audit(users(without("user_id")).build())).isEmpty();
        }
    }

    @Nested
    class Unreviewed {

        @Test
        void aDecisionNarrowerThanThePublishedClassIsHigh() {
            Finding f = audit(users(usersAttributes())
                    .decisions(List.of(decision("users", "email", Classification.SECRET))).build()).get(0);

            assertThat(f.kind()).isEqualTo(FindingKind.UNREVIEWED);
            assertThat(f.severity()).isEqualTo(Severity.HIGH);
            assertThat(f.message()).contains("tagged secret by alice", "still says owner-only");
            assertThat(f.action()).contains("veil publish users");
        }

        @Test
        void aDecisionWiderThanThePublishedClassIsMedium() {
            Finding f = audit(users(usersAttributes())
                    .decisions(List.of(decision("users", "email", Classification.PUBLIC))).build()).get(0);

            assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        }

        @Test
        void aDecisionThePolicyAlreadyCarriesIsNotReported() {
            assertThat(audit(users(usersAttributes())
                    .decisions(List.of(decision("users", "email", Classification.OWNER_ONLY))).build())).isEmpty();
        }

        @Test
        void theNewestDecisionForAPathCounts() {
            var old = decision("users", "email", Classification.SECRET);
            var newer = new dev.veil.model.Decision("users", path("email"), Classification.OWNER_ONLY, "bob",
                    Fixtures.DECIDED.plusSeconds(60), "", dev.veil.model.DecisionSource.MANUAL);

            assertThat(audit(users(usersAttributes()).decisions(List.of(newer, old)).build())).isEmpty();
        }
    }

    @Nested
    class NoPolicy {

        @Test
        void aTableWithoutAPublishedPolicyIsOneHighTableWideFinding() {
            var in = TableAuditInput.builder("sessions").info(Fixtures.table("sessions"))
                    .latestProfile(profile("sessions", RUN_2, 200, attr("user_id", 1, 200, DynamoType.S),
                            attr("token", 1, 200, DynamoType.S)))
                    .suggestions(Map.of(path("token"), suggest(Classification.SECRET))).build();

            assertThat(audit(in)).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(FindingKind.NO_POLICY);
                assertThat(f.path()).isEmpty();
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
                assertThat(f.message()).contains("all 2 attribute paths seen in 200 sampled items are unreviewed",
                        "suggests secret for 1");
                assertThat(f.action()).contains("veil publish sessions");
            });
        }

        @Test
        void aTableWithoutASampleIsNotAuditedAndHasNoFinding() {
            var in = TableAuditInput.builder("orders").policy(Fixtures.policy("orders", 1, Map.of())).build();

            DriftReport report = new DriftAuditor().audit(List.of(in));

            assertThat(report.findings()).isEmpty();
            assertThat(report.unaudited()).singleElement().satisfies(u -> {
                assertThat(u.cause()).isEqualTo(UnauditedTable.Cause.BAD_INPUT);
                assertThat(u.message()).contains("veil sample orders");
            });
        }
    }

    @Nested
    class Exposure {

        @Test
        void anIndexProjectingAllAttributesExposesAPublishedSecret() {
            var in = users(usersAttributes())
                    .info(Fixtures.table("users", gsi("by-status", "age", IndexInfo.Projection.ALL))).build();

            assertThat(audit(in)).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(FindingKind.INDEX_EXPOSURE);
                assertThat(f.path()).contains(path("password_hash"));
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
                assertThat(f.message()).contains("GSI `by-status`", "ALL", "secret in policy v3");
            });
        }

        @Test
        void anIndexIncludingASecretExposesIt() {
            var in = users(usersAttributes()).info(Fixtures.table("users",
                    gsi("by-age", "age", IndexInfo.Projection.INCLUDE, "nickname", "password_hash"))).build();

            assertThat(audit(in)).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(FindingKind.INDEX_EXPOSURE);
                assertThat(f.message()).contains("INCLUDE nickname, password_hash");
            });
        }

        @Test
        void indexesThatDoNotCarryTheSecretAreFine() {
            var in = users(usersAttributes()).info(Fixtures.table("users",
                    gsi("by-age", "age", IndexInfo.Projection.INCLUDE, "nickname"),
                    gsi("by-email", "email", IndexInfo.Projection.KEYS_ONLY))).build();

            assertThat(audit(in)).isEmpty();
        }

        @Test
        void aSecretOnlyVeilSuggestsIsAMediumExposure() {
            var in = users(with(attr("ssn", 0.4, 500, DynamoType.S)))
                    .info(Fixtures.table("users", gsi("by-age", "age", IndexInfo.Projection.INCLUDE, "ssn")))
                    .suggestions(Map.of(path("ssn"), suggest(Classification.SECRET))).build();

            assertThat(ofKind(audit(in), FindingKind.INDEX_EXPOSURE)).singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.MEDIUM));
        }

        @Test
        void aSecretThatKeysAnIndexIsAKeyExposure() {
            var in = users(with(attr("ssn", 0.4, 500, DynamoType.S)))
                    .info(Fixtures.table("users", gsi("by-ssn", "ssn", IndexInfo.Projection.KEYS_ONLY)))
                    .decisions(List.of(decision("users", "ssn", Classification.SECRET))).build();

            assertThat(ofKind(audit(in), FindingKind.KEY_EXPOSURE)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Severity.HIGH);
                assertThat(f.message()).contains("partition key of GSI `by-ssn`", "tagged secret by alice");
            });
        }

        @Test
        void aSecretTablePartitionKeyIsAKeyExposure() {
            var in = users(usersAttributes())
                    .decisions(List.of(decision("users", "user_id", Classification.SECRET))).build();

            assertThat(ofKind(audit(in), FindingKind.KEY_EXPOSURE)).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("partition key of table `users`"));
        }
    }

    @Nested
    class History {

        @Test
        void attributesThatAppearedOrVanishedBetweenRunsAreReportedWithTheRunsDates() {
            var earlier = profile("users", RUN_1, 480, usersAttributes().toArray(AttributeProfile[]::new));
            List<AttributeProfile> now = without("nickname");
            now.add(attr("theme", 0.5, 500, DynamoType.S));

            List<Finding> history = ofKind(audit(users(now).history(List.of(earlier)).build()), FindingKind.HISTORY);

            assertThat(history).extracting(f -> f.path().orElseThrow().toString())
                    .containsExactlyInAnyOrder("nickname", "theme");
            assertThat(history).allSatisfy(f -> {
                assertThat(f.severity()).isEqualTo(Severity.LOW);
                assertThat(f.message()).contains("2024-05-01 09:00 UTC", "2024-05-08 09:00 UTC");
            });
            assertThat(history).anySatisfy(f -> assertThat(f.message()).startsWith("`theme` appeared"));
            assertThat(history).anySatisfy(f -> assertThat(f.message()).startsWith("`nickname` vanished"));
        }

        @Test
        void aRareAttributeFlickeringBetweenRunsIsSamplingNoise() {
            var earlier = profile("users", RUN_1, 480, with(attr("legacy", 0.002, 480, DynamoType.S))
                    .toArray(AttributeProfile[]::new));

            assertThat(ofKind(audit(users(usersAttributes()).history(List.of(earlier)).build()), FindingKind.HISTORY))
                    .isEmpty();
        }

        @Test
        void theAuditedSamplePassedAgainInTheHistoryIsNotComparedWithItself() {
            var latest = profile("users", RUN_2, 500, usersAttributes().toArray(AttributeProfile[]::new));

            assertThat(audit(users(usersAttributes()).history(List.of(latest)).build())).isEmpty();
        }
    }

    @Test
    void findingsComeMostSevereFirstThenByTableAndPath() {
        var in = users(with(attr("ssn", 0.4, 500, DynamoType.S), attr("theme", 0.5, 500, DynamoType.S),
                attr("alias", 0.5, 500, DynamoType.S)))
                .suggestions(Map.of(path("ssn"), suggest(Classification.SECRET))).build();

        assertThat(audit(in)).extracting(f -> f.path().orElseThrow().toString())
                .containsExactly("ssn", "alias", "theme");
    }
}
