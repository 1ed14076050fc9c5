package dev.veil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.testing.PostgresExtension;
import dev.veil.testing.PostgresServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What a steward sees when a shared workspace URL is wrong: exit 3 or 2, where and what, never the password. */
@ExtendWith(PostgresExtension.class)
class SharedWorkspaceErrorsTest {
    private static final String WRONG = "not-the-Pass-9f3k";

    @TempDir
    Path dir;

    @Test
    void anUnreachableServerIsExit3NamingHostAndPort() throws IOException {
        int port = closedPort();

        CliRun.Result r = CliRun.raw("audit-log", "--workspace",
                "jdbc:postgresql://127.0.0.1:" + port + "/veil?user=ana&password=" + WRONG);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).contains("cannot reach the PostgreSQL server at 127.0.0.1:" + port)
                .contains("password=***").doesNotContain(WRONG);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aWrongPasswordInTheUrlIsExit3WithoutEchoingIt(PostgresServer postgres) {
        String url = postgres.newDatabase() + "&password=" + WRONG;

        CliRun.Result r = CliRun.raw("audit-log", "--workspace", url);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).contains("127.0.0.1:" + postgres.port() + " refused user \"" + PostgresServer.USER + "\"")
                .contains("PGPASSWORD").doesNotContain(WRONG);
    }

    @Test
    void aWrongPasswordInPgpasswordIsExit3WithoutEchoingIt(PostgresServer postgres) {
        CliRun.Result r = CliRun.withEnvironment(Map.of("PGPASSWORD", WRONG), "audit-log", "--workspace",
                postgres.newDatabase());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).contains("refused user").doesNotContain(WRONG);
    }

    @Test
    void noPasswordAtAllIsExit3SayingWhereToPutIt(PostgresServer postgres) {
        CliRun.Result r = CliRun.raw("audit-log", "--workspace", postgres.newDatabase());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).contains("asks user \"" + PostgresServer.USER + "\" for a password").contains("PGPASSWORD");
    }

    @Test
    void theRightPasswordInPgpasswordOpensTheSharedWorkspace(PostgresServer postgres) {
        CliRun.Result r = CliRun.withEnvironment(Map.of("PGPASSWORD", PostgresServer.PASSWORD), "audit-log",
                "--workspace", postgres.newDatabase());

        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @Test
    void aDatabaseThatDoesNotExistIsExit3SayingHowToCreateIt(PostgresServer postgres) {
        CliRun.Result r = CliRun.withEnvironment(Map.of("PGPASSWORD", PostgresServer.PASSWORD), "audit-log",
                "--workspace", postgres.url("nosuch_db"));

        assertThat(r.exitCode()).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(r.err()).contains("no database \"nosuch_db\"").contains("createdb");
    }

    @Test
    void aUrlWithoutAUserIsExit2() {
        CliRun.Result r = CliRun.raw("audit-log", "--workspace", "jdbc:postgresql://127.0.0.1:5432/veil?password=" + WRONG);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("names no database user").contains("?user=U").doesNotContain(WRONG);
    }

    @Test
    void aJdbcUrlOfAnotherDatabaseIsExit2() {
        CliRun.Result r = CliRun.raw("audit-log", "--workspace", "jdbc:mysql://127.0.0.1:3306/veil?user=a&password=" + WRONG);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("a directory (an H2 file) or a PostgreSQL URL").doesNotContain(WRONG);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
