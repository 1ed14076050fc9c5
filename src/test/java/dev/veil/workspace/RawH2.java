package dev.veil.workspace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Plain JDBC access to a workspace's database, bypassing {@link Workspace}, as another program would. */
final class RawH2 {
    private RawH2() {
    }

    /** Opens the database in {@code dir} exclusively (no sharing), like an H2 tool would. */
    static Connection connect(Path dir) throws SQLException {
        // Let the workspace configure H2 first, whichever test class happens to load H2 first.
        WorkspaceDatabase.sharing();
        return DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve(WorkspaceDatabase.NAME),
                "veil", "");
    }
}
