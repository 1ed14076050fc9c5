package dev.veil.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace created without Flyway ({@link FreshSchema}) is the one Flyway creates: the same
 * schema, data and history (but for when each migration ran and how long it took), and Flyway
 * validates it as its own.
 */
class FreshSchemaTest {

    @TempDir
    Path dir;

    private static JdbcDataSource raw(Path dir) {
        WorkspaceDatabase.sharing(); // let the workspace configure H2 first, as RawH2 does
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(WorkspaceDatabase.url(dir)); // the workspace's own settings (WRITE_DELAY, ...)
        ds.setUser("veil");
        ds.setPassword("");
        return ds;
    }

    private Path createdByVeil() {
        Path ws = dir.resolve("veil");
        Workspace.open(ws).close();
        return ws;
    }

    private Path createdByFlyway() {
        Path ws = dir.resolve("flyway");
        Migrations.flyway(raw(ws), "h2").migrate();
        return ws;
    }

    private static List<String> lines(Path ws, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = RawH2.connect(ws); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(i > 1 ? " | " : "").append(r.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    private static List<String> withoutTimes(List<String> script) {
        return script.stream().map(l -> l.replaceAll("TIMESTAMP '[^']*', \\d+, TRUE\\)", "TIMESTAMP '*', *, TRUE)"))
                .map(l -> l.replaceAll("SALT '[0-9a-f]+' HASH '[0-9a-f]+'", "SALT '*' HASH '*'")) // the database's, not the schema's
                .toList();
    }

    @Test
    void theSchemaAndDataAreThoseFlywayCreates() throws SQLException {
        Path veil = createdByVeil();
        Path flyway = createdByFlyway();

        // SCRIPT prints every object and row; a history row's time and duration differ by nature.
        assertThat(withoutTimes(lines(veil, "SCRIPT"))).isEqualTo(withoutTimes(lines(flyway, "SCRIPT")))
                .anyMatch(l -> l.contains("CREATE CACHED TABLE \"PUBLIC\".\"SAMPLE_RUN\""))
                .anyMatch(l -> l.contains("INSERT INTO \"PUBLIC\".\"WRITER_TURN\""));
    }

    @Test
    void theHistoryIsFlywaysButForTimes() throws SQLException {
        Path veil = createdByVeil();
        Path flyway = createdByFlyway();

        String history = "SELECT \"installed_rank\", \"version\", \"description\", \"type\", \"script\", \"checksum\", "
                + "\"installed_by\", \"success\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\"";
        assertThat(lines(veil, history)).isEqualTo(lines(flyway, history)).hasSize(Migrations.SHIPPED_SCRIPTS.size() + 1);
    }

    @Test
    void flywayValidatesAWorkspaceCreatedWithoutIt() {
        Path veil = createdByVeil();

        Flyway flyway = Migrations.flyway(raw(veil), "h2");

        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void aDatabaseThatAlreadyHoldsATableIsLeftToFlyway() throws SQLException {
        Path ws = dir.resolve("used");
        try (Connection c = raw(ws).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE someone_elses (id INT)");
            assertThat(FreshSchema.isEmpty(c)).isFalse();
        }
        try (Connection c = raw(dir.resolve("new")).getConnection()) {
            assertThat(FreshSchema.isEmpty(c)).isTrue();
        }
    }

    @Test
    void creatingAWorkspaceLeavesNoH2TraceFileBehind() {
        Path ws = createdByVeil();
        // H2 writes each failed statement to veil.trace.db; creating and reopening fails none
        Workspace.open(ws).close();
        assertThat(ws.resolve("veil.mv.db")).exists();
        assertThat(Files.exists(ws.resolve("veil.trace.db"))).as("an H2 trace file in %s", ws).isFalse();
    }
}
