package dev.veil.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.veil.workspace.WorkspaceException.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace that cannot be used says what is wrong, where, and what to do. */
class CorruptWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void aGarbageDatabaseFileIsReportedAsUnreadable() throws Exception {
        byte[] garbage = new byte[64 * 1024];
        new Random(7).nextBytes(garbage);
        Files.write(dir.resolve("veil.mv.db"), garbage);

        assertProblem(() -> Workspace.open(dir), Problem.UNREADABLE, "veil.mv.db", "aside");
    }

    @Test
    void aDatabaseFileWithItsHeaderOverwrittenIsReportedAsUnreadable() throws Exception {
        try (Workspace ws = Workspace.open(dir)) {
            ws.saveRun(TestProfiles.rich("users", TestProfiles.T0), Map.of());
        }
        byte[] bytes = Files.readAllBytes(dir.resolve("veil.mv.db"));
        byte[] junk = "this is not an H2 store header at all".repeat(200).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(junk, 0, bytes, 0, Math.min(junk.length, bytes.length));
        Files.write(dir.resolve("veil.mv.db"), bytes);

        assertProblem(() -> Workspace.open(dir), Problem.UNREADABLE, "veil.mv.db", "aside");
    }

    @Test
    void aPathThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");

        assertProblem(() -> Workspace.open(file), Problem.UNREADABLE, "not a directory", "choose another workspace");
        assertThat(catchThrowable(() -> Workspace.open(file))).isInstanceOfSatisfying(WorkspaceException.class,
                e -> assertThat(e.settings()).containsExactly(dev.veil.model.Setting.WORKSPACE));
    }

    @Test
    void anH2DatabaseThatIsNotAWorkspaceIsRefused() throws SQLException {
        try (Connection c = RawH2.connect(dir);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE invoices (id INT)");
        }

        assertProblem(() -> Workspace.open(dir), Problem.UNREADABLE, "not a Veil workspace", "aside");
    }

    @Test
    void aWorkspaceWithEveryShippedMigrationIsUpToDateAndAFreshOneIsNot() throws SQLException {
        JdbcDataSource fresh = new JdbcDataSource();
        fresh.setURL("jdbc:h2:mem:fresh" + System.nanoTime());
        assertThat(Migrations.upToDate(fresh)).as("a database without history").isFalse();

        Workspace.open(dir).close();
        assertThat(Migrations.upToDate(rawDataSource())).as("a workspace Veil has just opened").isTrue();
    }

    @Test
    void aFailedMigrationIsNotUpToDate() throws SQLException {
        Workspace.open(dir).close();
        try (Connection c = RawH2.connect(dir);
             Statement s = c.createStatement()) {
            s.execute("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '4'");
        }
        assertThat(Migrations.upToDate(rawDataSource())).isFalse();
    }

    private JdbcDataSource rawDataSource() {
        WorkspaceDatabase.sharing();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve(WorkspaceDatabase.NAME));
        ds.setUser("veil");
        return ds;
    }

    @Test
    void aWorkspaceFromANewerVeilIsRefusedWithTheVersions() throws SQLException {
        Workspace.open(dir).close();
        try (Connection c = RawH2.connect(dir);
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                    + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                    + "VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 0, 'veil', 1, TRUE)");
        }

        assertProblem(() -> Workspace.open(dir), Problem.NEWER_VERSION, "schema version 99", "upgrade Veil");
    }

    @Test
    void aDamagedStoredProfileIsReportedWithItsRun() throws SQLException {
        Workspace.open(dir).close();
        try (Connection c = RawH2.connect(dir);
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO sample_run (table_name, sampled_at, items_sampled, source, settings_json, "
                    + "profile_format, profile_json, recorded_at) VALUES ('users', CURRENT_TIMESTAMP, 1, 'table', '{}', "
                    + "'" + ProfileJson.FORMAT + "', '{\"format\":\"" + ProfileJson.FORMAT + "\"', CURRENT_TIMESTAMP)");
        }
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.runs("users")).hasSize(1);
            assertProblem(() -> ws.latestProfile("users"), Problem.UNREADABLE, "sampling run 1", "sample the table again");
        }
    }

    private void assertProblem(ThrowingCallable open, Problem problem, String what, String todo) {
        assertThatThrownBy(open)
                .isInstanceOfSatisfying(WorkspaceException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.location().toString()).startsWith(dir.toString());
                })
                .hasMessageContaining(what)
                .hasMessageContaining(todo)
                .hasMessageContaining(dir.toString());
    }
}
