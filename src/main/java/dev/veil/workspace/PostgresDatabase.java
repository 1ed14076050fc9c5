package dev.veil.workspace;

import dev.veil.workspace.WorkspaceException.Problem;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A team's shared workspace in PostgreSQL. Any number of processes on any machines use it at
 * once: PostgreSQL itself serialises the batches (each takes the {@code writer_turn} row lock)
 * and Flyway's advisory lock serialises migrations. The password travels only in the
 * connection's properties; no message quotes it or the server's reply to it.
 */
final class PostgresDatabase implements Database {
    /** How long a batch waits for another process's batch, in milliseconds (as on H2). */
    static final int LOCK_TIMEOUT_MILLIS = WorkspaceDatabase.LOCK_TIMEOUT_MILLIS;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final PostgresLocation location;
    private boolean migrated;

    PostgresDatabase(PostgresLocation location) {
        this.location = location;
    }

    @Override
    public WorkspaceLocation location() {
        return location;
    }

    @Override
    public synchronized Connection connect() {
        Connection c;
        try {
            c = DriverManager.getConnection(location.url(), properties());
        } catch (SQLException e) {
            throw openFailure(e);
        }
        if (!migrated) {
            try {
                Migrations.migrate(dataSource(), "postgresql", location, this::damagedSchema);
                migrated = true;
            } catch (RuntimeException e) {
                closeQuietly(c);
                throw e;
            }
        }
        return c;
    }

    private Properties properties() {
        Properties p = new Properties();
        p.setProperty("user", location.user());
        location.password().ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        p.setProperty("ApplicationName", "veil");
        p.setProperty("options", "-c lock_timeout=" + LOCK_TIMEOUT_MILLIS);
        return p;
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(location.url());
        ds.setUser(location.user());
        location.password().ifPresent(ds::setPassword);
        ds.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        ds.setApplicationName("veil");
        return ds;
    }

    @Override
    public void disconnect(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close the workspace", e);
        }
    }

    @Override
    public boolean lostConnection(SQLException e) {
        return state(e).startsWith("08");
    }

    /** Translates a failure to connect; never quotes the server's words, which may echo what was sent. */
    private WorkspaceException openFailure(SQLException e) {
        String state = state(e);
        String where = "the PostgreSQL server at " + location.hostAndPort();
        return switch (state) {
            case "28P01", "28000" -> new WorkspaceException(Problem.UNREACHABLE, location, where + " refused user \""
                    + location.user() + "\" (wrong password, or no access to database \"" + location.database()
                    + "\"): check the password in PGPASSWORD or the workspace URL, and the server's pg_hba.conf", e);
            // The driver's "server requested a password" when none was given.
            case "08004" -> location.password().isEmpty()
                    ? new WorkspaceException(Problem.UNREACHABLE, location, where + " asks user \"" + location.user()
                            + "\" for a password and none was given: set PGPASSWORD, or add &password=... to the "
                            + "workspace URL", e)
                    : new WorkspaceException(Problem.UNREACHABLE, location, where + " refused the connection of user \""
                            + location.user() + "\": check the password, the user's rights and the server's "
                            + "pg_hba.conf", e);
            case "3D000" -> new WorkspaceException(Problem.UNREACHABLE, location, where + " has no database \""
                    + location.database() + "\" for workspace " + location + ": create it (createdb "
                    + location.database() + ") or name another in the URL", e);
            default -> state.startsWith("08")
                    ? new WorkspaceException(Problem.UNREACHABLE, location, "cannot reach " + where + " for workspace "
                            + location + ": check that the server runs and accepts TCP connections there, the host "
                            + "name and port, and any firewall in between", e)
                    : new WorkspaceException(Problem.UNREACHABLE, location, "cannot open workspace " + location
                            + " (SQL state " + state + "): check the URL, the user's rights and the server's log", e);
        };
    }

    private WorkspaceException damagedSchema(FlywayException e) {
        return new WorkspaceException(Problem.UNREADABLE, location, "database \"" + location.database() + "\" at "
                + location.hostAndPort() + " is not a Veil workspace or its schema is damaged ("
                + WorkspaceDatabase.firstLine(e.getMessage()) + "); give Veil an empty database of its own, or ask "
                + "whoever manages that server to restore it from a backup", e);
    }

    @Override
    public WorkspaceException failure(String action, SQLException e) {
        String state = state(e);
        if (state.equals("55P03") || state.equals("40P01")) {
            return new WorkspaceException(Problem.BUSY, location, "could not " + action + ": workspace " + location
                    + " stayed busy with another Veil process's work for " + LOCK_TIMEOUT_MILLIS / 1000
                    + " s; wait for it to finish and try again", e);
        }
        if (state.startsWith("08")) {
            return new WorkspaceException(Problem.UNREACHABLE, location, "could not " + action + ": lost the "
                    + "connection to the PostgreSQL server at " + location.hostAndPort() + "; check that it runs and "
                    + "try again", e);
        }
        return new WorkspaceException(Problem.FAILED, location, "could not " + action + " in workspace " + location
                + " (SQL state " + state + ": " + WorkspaceDatabase.firstLine(e.getMessage()) + "); check the "
                + "server's log and the user's rights, and try again", e);
    }

    private static String state(SQLException e) {
        return e.getSQLState() == null ? "" : e.getSQLState();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Already failing; the first error is the one to report.
        }
    }
}
