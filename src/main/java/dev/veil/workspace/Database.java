package dev.veil.workspace;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database behind a {@link Workspace}: how to get a connection to it (schema migrated), how
 * to give it back, and what its failures mean. One per kind of workspace: the H2 file
 * ({@link WorkspaceDatabase}) and the shared PostgreSQL database ({@link PostgresDatabase}).
 */
interface Database {
    /** Where the workspace lives, for messages. */
    WorkspaceLocation location();

    /** Opens a connection, waiting a bounded time where another process holds the database. */
    Connection connect();

    /** Closes a connection this database opened. */
    void disconnect(Connection connection);

    /** True when {@code e} means the connection was lost and a fresh one may do the work. */
    boolean lostConnection(SQLException e);

    /** What a failure of {@code action} means, where, and what to do. */
    WorkspaceException failure(String action, SQLException e);
}
