package dev.veil.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.model.Classification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database itself refuses to rewrite history, whoever connects to it. */
class AppendOnlyTest {
    @TempDir
    Path dir;

    @BeforeEach
    void storeHistory() {
        try (Workspace ws = Workspace.open(dir)) {
            ws.saveRun(TestProfiles.simple("users", TestProfiles.T0, "a"), Map.of());
            ws.record(List.of(TestProfiles.decision("users", "a", Classification.SECRET, "")));
        }
    }

    @Test
    void updatingTheAuditLogIsRefused() throws SQLException {
        assertRefused("UPDATE audit_log SET current_class = 'public'");
    }

    @Test
    void deletingFromTheAuditLogIsRefused() throws SQLException {
        assertRefused("DELETE FROM audit_log");
    }

    @Test
    void updatingASamplingRunIsRefused() throws SQLException {
        assertRefused("UPDATE sample_run SET items_sampled = 0");
    }

    @Test
    void deletingASamplingRunIsRefused() throws SQLException {
        assertRefused("DELETE FROM sample_run");
    }

    @Test
    void theWorkspaceCodeNeverUpdatesOrDeletesHistory() throws IOException {
        Path sources = Path.of(System.getProperty("veil.projectDir", "."), "src/main/java/dev/veil/workspace");
        Pattern rewrite = Pattern.compile("(?i)\\b(UPDATE|DELETE\\s+FROM|TRUNCATE\\s+TABLE|MERGE\\s+INTO)\\s+(audit_log|sample_run)\\b");
        try (Stream<Path> files = Files.list(sources)) {
            List<Path> java = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertThat(java).isNotEmpty();
            for (Path f : java) {
                assertThat(rewrite.matcher(Files.readString(f)).find()).as("%s rewrites history", f).isFalse();
            }
        }
    }

    private void assertRefused(String sql) throws SQLException {
        try (Connection c = RawH2.connect(dir);
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate(sql)).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            try (ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM audit_log WHERE current_class = 'secret') "
                    + "+ (SELECT COUNT(*) FROM sample_run WHERE items_sampled = 1)")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }
}
