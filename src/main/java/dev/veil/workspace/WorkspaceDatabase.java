package dev.veil.workspace;

import dev.veil.workspace.WorkspaceException.Problem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.api.ErrorCode;
import org.h2.engine.SysProperties;

/**
 * Opens the H2 file database of a workspace and brings its schema up to date with Flyway.
 *
 * <p>Several Veil processes share one workspace through H2's automatic mixed mode
 * ({@code AUTO_SERVER=TRUE}): the first process opens the file and serves it to the others over a
 * loopback socket guarded by a random key kept in the lock file; when it exits another process
 * takes over. The console and the command line can therefore run at the same time. The server is
 * bound to the loopback interface only; if H2 was configured otherwise before Veil could set that,
 * the workspace is opened exclusively instead, and a second process is told that it is in use.
 *
 * <p>{@code WRITE_DELAY=0} makes every commit reach the file before it returns, so a process that
 * is killed loses nothing it reported as recorded.
 */
final class WorkspaceDatabase {
    /** The database file's name without H2's {@code .mv.db} suffix. */
    static final String NAME = "veil";
    static final String FILE_NAME = NAME + ".mv.db";
    /** How long a batch waits for another process's batch to finish, in milliseconds. */
    static final int LOCK_TIMEOUT_MILLIS = 30_000;

    static {
        // Must happen before H2 reads its system properties: keeps the sharing socket off the network.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", InetAddress.getLoopbackAddress().getHostAddress());
        }
    }

    private WorkspaceDatabase() {
    }

    /** True when processes share workspaces; false when H2's server would not be loopback-only. */
    static boolean sharing() {
        try {
            return InetAddress.getByName(SysProperties.BIND_ADDRESS).isLoopbackAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }

    /** Creates {@code dir} if needed, opens the database in it and migrates the schema. */
    static Connection open(Path dir) {
        createDirectory(dir);
        String url = url(dir);
        Connection connection = connect(dir, url);
        try {
            migrate(dir, url);
            return connection;
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void createDirectory(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            if (Files.getFileStore(existingAncestor(dir)).supportsFileAttributeView("posix")) {
                // Only the user: the workspace holds decisions and the sharing key.
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        } catch (FileAlreadyExistsException e) {
            throw new WorkspaceException(Problem.UNREADABLE, dir, "cannot use " + dir
                    + " as the workspace: it exists and is not a directory; pass --workspace DIR (or set VEIL_WORKSPACE) "
                    + "to a directory", e);
        } catch (IOException e) {
            throw new WorkspaceException(Problem.UNREADABLE, dir, "cannot create the workspace directory " + dir + ": "
                    + e + "; check the permissions of its parent, or pass --workspace DIR (or set VEIL_WORKSPACE) "
                    + "to a directory you can write", e);
        }
    }

    private static Path existingAncestor(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? dir.toAbsolutePath().getRoot() : p;
    }

    private static String url(Path dir) {
        String path = dir.toAbsolutePath().normalize().resolve(NAME).toString();
        if (path.indexOf(';') >= 0) {
            throw new WorkspaceException(Problem.UNREADABLE, dir, "cannot use " + dir + " as the workspace: the H2 "
                    + "database cannot live under a path containing ';'; pass --workspace DIR (or set VEIL_WORKSPACE) "
                    + "to another directory");
        }
        return "jdbc:h2:file:" + path + (sharing() ? ";AUTO_SERVER=TRUE" : "")
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=" + LOCK_TIMEOUT_MILLIS;
    }

    private static Connection connect(Path dir, String url) {
        try {
            return DriverManager.getConnection(url, "veil", "");
        } catch (SQLException e) {
            throw openFailure(dir, e);
        }
    }

    private static void migrate(Path dir, String url) {
        Flyway flyway = Flyway.configure(WorkspaceDatabase.class.getClassLoader())
                .dataSource(url, "veil", "")
                .locations("classpath:db/migration")
                .placeholderReplacement(false)
                .load();
        try {
            MigrationInfo[] future = Arrays.stream(flyway.info().applied())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                    .toArray(MigrationInfo[]::new);
            if (future.length > 0) {
                throw new WorkspaceException(Problem.NEWER_VERSION, dir, "workspace " + dir + " was written by a newer "
                        + "Veil (schema version " + future[future.length - 1].getVersion() + "); this Veil knows schema "
                        + "versions up to " + latestKnown(flyway) + ": upgrade Veil, or pass --workspace DIR (or set "
                        + "VEIL_WORKSPACE) to another directory");
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw new WorkspaceException(Problem.UNREADABLE, dir, "workspace database " + dir.resolve(FILE_NAME)
                    + " is not a Veil workspace or its schema is damaged (" + firstLine(e.getMessage()) + "); move "
                    + FILE_NAME + " aside (keep it for inspection) to start an empty workspace, restore it from a "
                    + "backup, or pass --workspace DIR (or set VEIL_WORKSPACE) to another directory", e);
        }
    }

    private static String latestKnown(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
                .reduce((a, b) -> b).map(m -> m.getVersion().toString()).orElse("?");
    }

    /** Translates an H2 error while opening into what happened, where and what to do. */
    static WorkspaceException openFailure(Path dir, SQLException e) {
        Path file = dir.resolve(FILE_NAME);
        String h2 = firstLine(e.getMessage());
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> new WorkspaceException(Problem.IN_USE, dir, "workspace " + dir
                    + " is in use by another program that does not share it (" + h2 + "): close that program (an "
                    + "H2 tool, or a Veil that cannot share), or pass --workspace DIR (or set VEIL_WORKSPACE) to "
                    + "another directory", e);
            case ErrorCode.WRONG_USER_OR_PASSWORD -> new WorkspaceException(Problem.UNREADABLE, dir, "workspace "
                    + "database " + file + " was not created by Veil (it asks for other credentials); move it aside, or "
                    + "pass --workspace DIR (or set VEIL_WORKSPACE) to another directory", e);
            default -> new WorkspaceException(Problem.UNREADABLE, dir, "cannot open workspace database " + file
                    + ": it is damaged or unreadable (" + h2 + "); check that you can read and write " + dir
                    + ", then move " + FILE_NAME + " aside (keep it for inspection) to start an empty workspace, "
                    + "restore it from a backup, or pass --workspace DIR (or set VEIL_WORKSPACE) to another directory", e);
        };
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Already failing; the first error is the one to report.
        }
    }
}
