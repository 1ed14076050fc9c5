package dev.veil.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceLifecycleTest {
    @TempDir
    Path tmp;

    @Test
    void openingAMissingDirectoryCreatesAnEmptyMigratedWorkspace() throws SQLException {
        Path dir = tmp.resolve("a/b/workspace");
        try (Workspace ws = Workspace.open(dir)) {
            assertThat(ws.profiledTables()).isEmpty();
            assertThat(ws.reviewedTables()).isEmpty();
            assertThat(ws.auditLog(Optional.empty())).isEmpty();
        }
        assertThat(dir.resolve("veil.mv.db")).isRegularFile();
        try (Connection c = RawH2.connect(dir);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT \"version\", \"success\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("1");
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }

    @Test
    void aNewWorkspaceDirectoryIsReadableByItsOwnerOnly() throws Exception {
        Path dir = tmp.resolve("private");
        Workspace.open(dir).close();

        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        }
    }

    @Test
    void openingAWorkspacePrintsNothingOnStandardOutput() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (Workspace ws = Workspace.open(tmp.resolve("quiet"))) {
            ws.saveRun(TestProfiles.simple("t", TestProfiles.T0, "a"), Map.of());
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anOpenWorkspaceIsServedToOtherProcessesOnTheLoopbackInterfaceOnly() throws Exception {
        Path dir = tmp.resolve("served");
        assertThat(WorkspaceDatabase.sharing()).isTrue();
        try (Workspace ws = Workspace.open(dir)) {
            Properties lock = new Properties();
            try (var in = Files.newInputStream(dir.resolve("veil.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");

            assertThat(server).as("lock file %s", lock).isNotNull();
            assertThat(InetAddress.getByName(server.substring(0, server.lastIndexOf(':'))).isLoopbackAddress()).isTrue();
        }
    }

    @Test
    void aClosedWorkspaceRefusesWorkAndSaysSo() {
        Workspace ws = Workspace.open(tmp.resolve("w"));
        ws.close();
        ws.close();

        assertThatThrownBy(() -> ws.runs("users")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void twoInstancesInOneProcessShareTheWorkspace() {
        Path dir = tmp.resolve("w");
        try (Workspace a = Workspace.open(dir); Workspace b = Workspace.open(dir)) {
            a.saveRun(TestProfiles.simple("t", TestProfiles.T0, "x"), Map.of());

            assertThat(b.profiledTables()).containsExactly("t");
        }
    }

    // As H2 reported them when the process serving the file exited during another's LOB read.
    @ParameterizedTest
    @ValueSource(strings = {
        "Connection is broken: \"\"session closed\"\" [90067-252]",
        "Database may be already in use: \"\"Locked by another process: ws/veil.lock.db\"\" [90020-252]",
        "Error opening database: \"\"Lock file recently modified\"\" [8000-252]"})
    void aReadMeetingAHandOverWrappedInAnIoErrorIsALostConnection(String inner) {
        SQLException wrapped = new SQLException("IO Exception: \"java.io.IOException: org.h2.message.DbException: "
                + inner + "\"; \"SPACE(11701 /* table: -3 id: 7 */)\" [90031-252]", "90031", 90031);

        assertThat(lostConnection(wrapped)).isTrue();
    }

    // As H2's lock file reports two processes taking it at once (one failed a four-process review test).
    @ParameterizedTest
    @ValueSource(strings = {
        "Error opening database: \"Concurrent update\" [8000-252]",
        "Error opening database: \"Another process was faster\" [8000-252]",
        "Error opening database: \"Lock file recently modified\" [8000-252]"})
    void aLockRaceWhileReopeningIsALostConnection(String message) {
        SQLException race = new SQLException(message, "HY000", ErrorCode.ERROR_OPENING_DATABASE_1);

        assertThat(lostConnection(race)).isTrue();
    }

    // As a client heard them when the process serving the file exited mid-answer (in CI runs).
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "90121 | Database is already closed (to disable automatic closing at VM shutdown, add "
                + "\";DB_CLOSE_ON_EXIT=FALSE\" to the db URL) [90121-252]",
        "90028 | IO Exception: \"java.io.EOFException\" [90028-252]",
        "90028 | IO Exception: \"java.net.SocketException: Connection reset\" [90028-252]"})
    void theServingProcessExitingMidAnswerIsALostConnection(int code, String message) {
        SQLException exited = new SQLException(message, "HY000", code);

        assertThat(lostConnection(exited)).isTrue();
    }

    @Test
    void anIoErrorOtherThanACutReplyIsNoLostConnection() {
        SQLException file = new SQLException("IO Exception: \"java.io.FileNotFoundException: ws/veil.mv.db\" "
                + "[90028-252]", "HY000", ErrorCode.IO_EXCEPTION_1);

        assertThat(lostConnection(file)).isFalse();
    }

    @Test
    void anOpeningErrorThatIsNoLockRaceIsNoLostConnection() {
        SQLException other = new SQLException("Error opening database: \"Unsupported lock method fs\" [8000-252]",
                "HY000", ErrorCode.ERROR_OPENING_DATABASE_1);

        assertThat(lostConnection(other)).isFalse();
    }

    @Test
    void anIoErrorOfTheDiskIsNoLostConnection() {
        SQLException disk = new SQLException("IO Exception: \"No space left on device\" [90031-252]", "90031", 90031);

        assertThat(lostConnection(disk)).isFalse();
    }

    // How the workspace database of a directory not yet opened reads the error: no H2 file is touched.
    private boolean lostConnection(SQLException e) {
        WorkspaceDatabase db = WorkspaceDatabase.in(tmp.resolve("w"), WorkspaceDatabase.PATIENCE, WaitListener.SILENT);
        return db.lostConnection(e);
    }
}
