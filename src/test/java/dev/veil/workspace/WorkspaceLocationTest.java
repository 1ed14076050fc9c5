package dev.veil.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkspaceLocationTest {

    @Test
    void aPlainArgumentIsADirectory() {
        assertThat(WorkspaceLocation.parse("some/dir", Optional.empty()))
                .isEqualTo(WorkspaceLocation.directory(Path.of("some/dir").toAbsolutePath()));
    }

    @Test
    void aPostgresqlUrlNamesHostPortDatabaseAndUser() {
        PostgresLocation p = (PostgresLocation) WorkspaceLocation.parse(
                "jdbc:postgresql://db.example.com:6543/governance?user=ana", Optional.empty());

        assertThat(p.hostAndPort()).isEqualTo("db.example.com:6543");
        assertThat(p.database()).isEqualTo("governance");
        assertThat(p.user()).isEqualTo("ana");
        assertThat(p.password()).isEmpty();
    }

    @Test
    void thePasswordInTheUrlWinsOverPgpasswordAndIsNeverShown() {
        PostgresLocation p = (PostgresLocation) WorkspaceLocation.parse(
                "jdbc:postgresql://h:5432/db?user=ana&password=hunter2&ssl=true", Optional.of("from-env"));

        assertThat(p.password()).contains("hunter2");
        assertThat(p.toString()).isEqualTo("jdbc:postgresql://h:5432/db?user=ana&password=***&ssl=true");
        assertThat(p.url()).isEqualTo("jdbc:postgresql://h:5432/db?user=ana&ssl=true");
    }

    @Test
    void pgpasswordIsTheFallback() {
        PostgresLocation p = (PostgresLocation) WorkspaceLocation.parse("jdbc:postgresql://h/db?user=ana",
                Optional.of("from-env"));

        assertThat(p.password()).contains("from-env");
        assertThat(p.hostAndPort()).isEqualTo("h:5432");
        assertThat(p.toString()).doesNotContain("from-env");
    }

    @Test
    void everyPasswordParameterIsRedacted() {
        assertThat(PostgresLocation.redact("jdbc:postgresql://h/db?sslpassword=a&user=u&PASSWORD=b"))
                .isEqualTo("jdbc:postgresql://h/db?sslpassword=***&user=u&PASSWORD=***");
    }

    @Test
    void aUrlWithoutUserIsRefusedWithoutQuotingThePassword() {
        assertThatThrownBy(() -> WorkspaceLocation.parse("jdbc:postgresql://h/db?password=hunter2", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no database user")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void anotherJdbcUrlIsRefused() {
        assertThatThrownBy(() -> WorkspaceLocation.parse("jdbc:h2:mem:x", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a directory (an H2 file) or a PostgreSQL URL");
    }
}
