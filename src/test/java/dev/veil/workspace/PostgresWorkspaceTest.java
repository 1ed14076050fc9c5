package dev.veil.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.model.AuditEntry;
import dev.veil.model.Classification;
import dev.veil.model.EntityCorrection;
import dev.veil.model.EntityMatch;
import dev.veil.testing.PostgresExtension;
import dev.veil.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A shared workspace on a real PostgreSQL server: the same behaviour and schema as the H2 file. */
@ExtendWith(PostgresExtension.class)
class PostgresWorkspaceTest {
    private static final Instant SAMPLED = Instant.parse("2024-05-06T07:08:09.123456Z");

    @TempDir
    Path tmp;

    private PostgresServer server;
    private String database;
    private WorkspaceLocation location;

    @BeforeEach
    void freshDatabase(PostgresServer postgres) {
        server = postgres;
        String url = postgres.newDatabase();
        database = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
        location = WorkspaceLocation.parse(url, Optional.of(PostgresServer.PASSWORD));
    }

    @Test
    void decisionsAndRunsRecordedInOneProcessAreReadByAnother() {
        try (Workspace writer = Workspace.open(location, WaitListener.SILENT)) {
            writer.saveRun(TestProfiles.simple("users", SAMPLED, "email"), Map.of("items", "10"));
            writer.record(List.of(TestProfiles.decision("users", "email", Classification.OWNER_ONLY, "first"),
                    TestProfiles.decision("users", "email", Classification.SECRET, "second")));
        }
        try (Workspace reader = Workspace.open(location, WaitListener.SILENT)) {
            assertThat(reader.profiledTables()).containsExactly("users");
            assertThat(reader.runs("users")).singleElement()
                    .satisfies(r -> assertThat(r.sampledAt()).isEqualTo(SAMPLED));
            assertThat(reader.latestProfile("users")).isPresent();
            assertThat(reader.auditLog(Optional.of("users"))).extracting(AuditEntry::note, AuditEntry::current)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("first", Optional.of(Classification.OWNER_ONLY)),
                            org.assertj.core.groups.Tuple.tuple("second", Optional.of(Classification.SECRET)));
            assertThat(reader.auditLog(Optional.of("users")).get(1).previous()).contains(Classification.OWNER_ONLY);
        }
    }

    @Test
    void historyRefusesUpdatesDeletesAndTruncation() throws SQLException {
        try (Workspace ws = Workspace.open(location, WaitListener.SILENT)) {
            ws.saveRun(TestProfiles.simple("users", SAMPLED, "email"), Map.of());
            ws.record(List.of(TestProfiles.decision("users", "email", Classification.SECRET, "")));
        }
        for (String rewrite : List.of("UPDATE audit_log SET current_class = 'public'", "DELETE FROM audit_log",
                "TRUNCATE audit_log", "DELETE FROM sample_run", "TRUNCATE sample_run")) {
            try (Connection c = server.connect(database); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute(rewrite)).as(rewrite).hasMessageContaining("append-only");
            }
        }
        try (Workspace ws = Workspace.open(location, WaitListener.SILENT)) {
            assertThat(ws.decisions("users")).singleElement()
                    .satisfies(d -> assertThat(d.classification()).isEqualTo(Classification.SECRET));
        }
    }

    @Test
    void entityCorrectionsReadBackInOrderAndTheirLogRefusesRewrites() throws SQLException {
        EntityCorrection rename = new EntityCorrection(0, "app", EntityCorrection.Kind.RENAME, "PURCHASE",
                List.of("ORDER", "weird \"name\"\n"), Optional.of(EntityMatch.beginningWith("sk", "ORDER#")),
                Optional.empty(), "ana", SAMPLED, "clearer name");
        EntityCorrection marker = new EntityCorrection(0, "app", EntityCorrection.Kind.MARKER, "", List.of(),
                Optional.empty(), Optional.of("kind"), "bo", SAMPLED, "");
        try (Workspace ws = Workspace.open(location, WaitListener.SILENT)) {
            ws.recordCorrection(rename);
            ws.recordCorrection(marker);
        }
        for (String rewrite : List.of("UPDATE entity_correction_log SET entity = 'X'", "DELETE FROM entity_correction_log",
                "TRUNCATE entity_correction_log")) {
            try (Connection c = server.connect(database); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute(rewrite)).as(rewrite).hasMessageContaining("append-only");
            }
        }
        try (Workspace ws = Workspace.open(location, WaitListener.SILENT)) {
            List<EntityCorrection> read = ws.corrections(Optional.of("app"));
            assertThat(read).hasSize(2);
            assertThat(read.get(0).withSequence(0)).isEqualTo(rename);
            assertThat(read.get(1).withSequence(0)).isEqualTo(marker);
            assertThat(read.get(1).sequence()).isGreaterThan(read.get(0).sequence());
        }
    }

    @Test
    void itsSchemaHasTheSameVersionsTablesAndColumnsAsAnH2Workspace() throws SQLException {
        Workspace.open(location, WaitListener.SILENT).close();
        Workspace.open(tmp.resolve("h2")).close();

        try (Connection pg = server.connect(database); Connection h2 = RawH2.connect(tmp.resolve("h2"))) {
            assertThat(versions(pg, "flyway_schema_history")).isEqualTo(versions(h2, "\"flyway_schema_history\""))
                    .isNotEmpty();
            assertThat(columns(pg)).isEqualTo(columns(h2));
        }
    }

    private static List<String> versions(Connection c, String history) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT \"version\", \"description\" FROM " + history + " WHERE \"version\" IS NOT NULL "
                        + "ORDER BY \"installed_rank\"")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    private static List<String> columns(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT LOWER(table_name), LOWER(column_name), is_nullable FROM information_schema.columns "
                        + "WHERE LOWER(table_name) IN ('sample_run', 'audit_log', 'writer_turn', 'entity_correction_log') "
                        + "ORDER BY LOWER(table_name), ordinal_position")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "." + rs.getString(2) + " nullable=" + rs.getString(3));
            }
        }
        return out;
    }
}
