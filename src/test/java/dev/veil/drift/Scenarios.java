package dev.veil.drift;

import static dev.veil.drift.Fixtures.RUN_1;
import static dev.veil.drift.Fixtures.RUN_2;
import static dev.veil.drift.Fixtures.attr;
import static dev.veil.drift.Fixtures.decision;
import static dev.veil.drift.Fixtures.gsi;
import static dev.veil.drift.Fixtures.leaf;
import static dev.veil.drift.Fixtures.path;
import static dev.veil.drift.Fixtures.profile;
import static dev.veil.drift.Fixtures.suggest;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.EntityMatch;
import dev.veil.model.EntityPolicy;
import dev.veil.model.EntityProfile;
import dev.veil.model.KeySchema;
import dev.veil.model.TableInfo;
import dev.veil.model.TableProfile;
import dev.veil.model.FindingKind;
import dev.veil.model.IndexInfo;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The drift the issue names, each as the audit of a policy store in {@code dir}: the finding it must
 * produce and whether the default {@code --fail-on high} fails on it.
 */
enum Scenarios {
    ADDED_ATTRIBUTE(FindingKind.NEW_ATTRIBUTE, "ssn", true),
    CHANGED_TYPE(FindingKind.TYPE_CHANGE, "age", false),
    DROPPED_ATTRIBUTE(FindingKind.MISSING_ATTRIBUTE, "nickname", false),
    EMAIL_CLASSIFIED_DIFFERENTLY(FindingKind.INCONSISTENT_CLASS, "email", true),
    INDEX_PROJECTS_A_SECRET(FindingKind.INDEX_EXPOSURE, "password_hash", true);

    final FindingKind kind;
    final AttributePath path;
    final boolean failsByDefault;

    Scenarios(FindingKind kind, String path, boolean failsByDefault) {
        this.kind = kind;
        this.path = AttributePath.parse(path);
        this.failsByDefault = failsByDefault;
    }

    DriftReport audit(Path dir) {
        return new DriftAuditor(Clock.fixed(RUN_2, ZoneOffset.UTC)).audit(inputs(dir));
    }

    private List<TableAuditInput> inputs(Path dir) {
        Path usersFile = Fixtures.writePolicy(dir, Fixtures.usersPolicy());
        List<AttributeProfile> sample = Fixtures.usersAttributes();
        TableAuditInput.Builder users = Fixtures.users(sample).policyFile(usersFile);
        switch (this) {
            case ADDED_ATTRIBUTE -> {
                sample.add(attr("ssn", 0.37, 500, DynamoType.S));
                users = Fixtures.users(sample).policyFile(usersFile)
                        .suggestions(Map.of(path("ssn"), suggest(Classification.SECRET)));
            }
            case CHANGED_TYPE -> {
                sample.removeIf(a -> a.path().equals(path("age")));
                sample.add(attr(path("age"), 1.0, 500, Map.of(DynamoType.N, 300L, DynamoType.S, 200L), Map.of()));
                users = Fixtures.users(sample).policyFile(usersFile);
            }
            case DROPPED_ATTRIBUTE -> {
                var earlier = profile("users", RUN_1, 480, sample.toArray(AttributeProfile[]::new));
                sample.removeIf(a -> a.path().equals(path("nickname")));
                users = Fixtures.users(sample).policyFile(usersFile).history(List.of(earlier));
            }
            case EMAIL_CLASSIFIED_DIFFERENTLY -> {
                Map<String, PolicyRule> rules = new TreeMap<>(Fixtures.usersPolicy().attributes());
                rules.put("email", leaf(Classification.PUBLIC, DynamoType.S));
                Policy v4 = Fixtures.policy("users", 4, rules);
                users = Fixtures.users(sample).policy(v4).policyFile(Fixtures.writePolicy(dir, v4));
                Policy accounts = Fixtures.policy("accounts", 1, Map.of(
                        "user_id", leaf(Classification.PUBLIC, DynamoType.S),
                        "email", leaf(Classification.OWNER_ONLY, DynamoType.S)));
                return List.of(users.build(), TableAuditInput.builder("accounts").info(Fixtures.table("accounts"))
                        .latestProfile(profile("accounts", RUN_2, 300, attr("user_id", 1, 300, DynamoType.S),
                                attr("email", 1, 300, DynamoType.S)))
                        .policy(accounts).policyFile(Fixtures.writePolicy(dir, accounts)).build());
            }
            case INDEX_PROJECTS_A_SECRET -> users = users.info(Fixtures.table("users",
                    gsi("by-age", "age", IndexInfo.Projection.ALL)));
            default -> throw new IllegalStateException("unreachable");
        }
        return List.of(users.build());
    }

    /**
     * A single-table design governed per entity: its sample found USER (covered by the policy) and
     * INVITE (covered by nothing: new-entity), and no CART item in 500 (missing-entity).
     */
    static TableAuditInput app() {
        Policy policy = Policy.draftOfEntities("app", 2, java.util.Optional.empty(), Map.of(
                "USER", EntityPolicy.of(EntityMatch.equalTo("sk", "USER"), java.util.Optional.empty(),
                        Map.of("pk", leaf(Classification.PUBLIC, DynamoType.S), "sk", leaf(Classification.PUBLIC, DynamoType.S),
                                "name", leaf(Classification.PUBLIC, DynamoType.S))),
                "CART", EntityPolicy.of(EntityMatch.beginningWith("sk", "CART#"), java.util.Optional.empty(),
                        Map.of("lines", leaf(Classification.OWNER_ONLY, DynamoType.N)))));
        AttributeProfile pk = attr("pk", 1, 500, DynamoType.S);
        AttributeProfile sk = attr("sk", 1, 500, DynamoType.S);
        TableProfile sample = profile("app", RUN_2, 500, pk, sk, attr("name", 0.8, 400, DynamoType.S),
                attr("invitee", 0.2, 100, DynamoType.S)).withEntities(List.of(
                new EntityProfile("USER", EntityMatch.equalTo("sk", "USER"), 400,
                        List.of(attr("pk", 1, 400, DynamoType.S), attr("sk", 1, 400, DynamoType.S),
                                attr("name", 1, 400, DynamoType.S))),
                new EntityProfile("INVITE", EntityMatch.beginningWith("sk", "INVITE#"), 100,
                        List.of(attr("pk", 1, 100, DynamoType.S), attr("sk", 1, 100, DynamoType.S),
                                attr("invitee", 1, 100, DynamoType.S)))));
        return TableAuditInput.builder("app").info(new TableInfo("app", new KeySchema(
                        new KeySchema.KeyAttribute("pk", DynamoType.S),
                        java.util.Optional.of(new KeySchema.KeyAttribute("sk", DynamoType.S))), 500, 50_000, List.of(), "ACTIVE"))
                .latestProfile(sample).policy(policy).build();
    }

    /**
     * One report holding every kind of finding: the scenarios above, a table without a policy, an
     * unpublished narrowing decision, a secret key, a history change and an unreadable table.
     */
    static DriftReport everything(Path dir) {
        Path usersFile = Fixtures.writePolicy(dir, Fixtures.usersPolicy());
        List<AttributeProfile> earlierSample = Fixtures.usersAttributes();
        List<AttributeProfile> sample = Fixtures.usersAttributes();
        sample.removeIf(a -> a.path().equals(path("nickname")) || a.path().equals(path("age")));
        sample.add(attr(path("age"), 1.0, 500, Map.of(DynamoType.N, 300L, DynamoType.S, 200L), Map.of()));
        sample.add(attr("ssn", 0.37, 500, DynamoType.S));
        TableAuditInput users = Fixtures.users(sample).policyFile(usersFile)
                .history(List.of(profile("users", RUN_1, 480, earlierSample.toArray(AttributeProfile[]::new))))
                .info(Fixtures.table("users", gsi("by-age", "age", IndexInfo.Projection.ALL),
                        gsi("by-ssn", "ssn", IndexInfo.Projection.KEYS_ONLY)))
                .suggestions(Map.of(path("ssn"), suggest(Classification.SECRET)))
                .decisions(List.of(decision("users", "email", Classification.SECRET))).build();
        Policy accounts = Fixtures.policy("accounts", 1, Map.of(
                "user_id", leaf(Classification.PUBLIC, DynamoType.S),
                "nickname", leaf(Classification.OWNER_ONLY, DynamoType.S)));
        TableAuditInput accountsIn = TableAuditInput.builder("accounts").info(Fixtures.table("accounts"))
                .latestProfile(profile("accounts", RUN_2, 300, attr("user_id", 1, 300, DynamoType.S),
                        attr("nickname", 1, 300, DynamoType.S)))
                .policy(accounts).policyFile(Fixtures.writePolicy(dir, accounts)).build();
        TableAuditInput sessions = TableAuditInput.builder("sessions").info(Fixtures.table("sessions"))
                .latestProfile(profile("sessions", RUN_2, 50, attr("user_id", 1, 50, DynamoType.S))).build();
        // An expired waiver (its finding counts again) and one that matches nothing: both are findings.
        java.time.LocalDate today = java.time.LocalDate.ofInstant(RUN_2, ZoneOffset.UTC);
        List<WaiverFile.Located> waivers = Waivers.written(dir, List.of(
                new Waiver("users", path("email"), FindingKind.UNREVIEWED, java.util.Optional.empty(),
                        "pending the privacy review", "ana", today.minusDays(1)),
                new Waiver("accounts", path("nickname"), FindingKind.KEY_EXPOSURE, java.util.Optional.empty(),
                        "nickname keys were migrated", "ben", today.plusDays(30))));
        return new DriftAuditor(Clock.fixed(RUN_2, ZoneOffset.UTC)).audit(List.of(users, accountsIn, sessions, app()), waivers,
                List.of(new UnauditedTable("orders", UnauditedTable.Cause.UNAVAILABLE,
                        "DynamoDB refused to scan `orders`: AccessDeniedException")));
    }
}
