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
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;
import org.h2.engine.SysProperties;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The H2 file database of a workspace directory: opens it, brings its schema up to date with
 * Flyway, and reads H2's failures.
 *
 * <p>Several Veil processes share one workspace through H2's automatic mixed mode
 * ({@code AUTO_SERVER=TRUE}): the first process opens the file and serves it to the others over a
 * loopback socket guarded by a random key kept in the lock file; when it exits another process
 * takes over. The console and the command line can therefore run at the same time. The server is
 * bound to the loopback interface only; if H2 was configured otherwise before Veil could set that,
 * the workspace is opened exclusively instead, and a second process is told that it is in use.
 *
 * <p>Processes take turns ({@link OpenTurn}) to open, migrate and close, and an attempt that
 * still meets a hand-over in progress (H2's "Lock file recently modified", "Concurrent update",
 * "already in use") waits and tries again, up to a bounded patience, saying so once it has waited
 * long. Only what is not a lock is reported as damage.
 *
 * <p>{@code WRITE_DELAY=0} makes every commit reach the file before it returns, so a process that
 * is killed loses nothing it reported as recorded.
 */
final class WorkspaceDatabase implements Database {
    /** The database file's name without H2's {@code .mv.db} suffix. */
    static final String NAME = "veil";
    static final String FILE_NAME = NAME + ".mv.db";
    /** How long a batch waits for another process's batch to finish, in milliseconds. */
    static final int LOCK_TIMEOUT_MILLIS = 30_000;
    /** How long opening waits for other processes to finish opening or handing over the file. */
    static final Duration PATIENCE = Duration.ofSeconds(90);
    /** When a waiting process says that it waits (or halfway through a shorter patience). */
    static final Duration TELL_AFTER = Duration.ofSeconds(5);

    static {
        // Must happen before H2 reads its system properties: keeps the sharing socket off the network.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", InetAddress.getLoopbackAddress().getHostAddress());
        }
    }

    private final Path dir;
    private final String url;
    private final Duration patience;
    private final WaitListener listener;
    private boolean migrated;

    private WorkspaceDatabase(Path dir, String url, Duration patience, WaitListener listener) {
        this.dir = dir;
        this.url = url;
        this.patience = patience;
        this.listener = listener;
    }

    /** True when processes share workspaces; false when H2's server would not be loopback-only. */
    static boolean sharing() {
        try {
            return InetAddress.getByName(SysProperties.BIND_ADDRESS).isLoopbackAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }

    /** The database in {@code dir}, creating the directory if needed; nothing is opened yet. */
    static WorkspaceDatabase in(Path dir, Duration patience, WaitListener listener) {
        createDirectory(dir);
        return new WorkspaceDatabase(dir, url(dir), patience, listener);
    }

    @Override
    public WorkspaceLocation location() {
        return WorkspaceLocation.directory(dir);
    }

    /** Opens the database and, the first time, migrates the schema; waits its turn, bounded. */
    @Override
    public synchronized Connection connect() {
        Duration tellAfter = TELL_AFTER.compareTo(patience.dividedBy(2)) < 0 ? TELL_AFTER : patience.dividedBy(2);
        OpenTurn.Patience wait = new OpenTurn.Patience(patience, tellAfter, listener);
        for (int attempt = 0; ; attempt++) {
            SQLException busy;
            try (OpenTurn turn = OpenTurn.take(dir, wait.deadline(), wait)) {
                return openAndMigrate();
            } catch (HandOverException e) {
                busy = e.lock;
            }
            if (System.nanoTime() >= wait.deadline()) {
                throw busyTooLong(busy);
            }
            wait.pause(dir, wait.deadline(), attempt);
        }
    }

    // Inside the turn; a lock error (another process still handing over) is a HandOverException.
    private Connection openAndMigrate() {
        Connection c;
        try {
            c = DriverManager.getConnection(url, "veil", "");
        } catch (SQLException e) {
            if (handOver(e)) {
                throw new HandOverException(e, e);
            }
            throw openFailure(dir, e);
        }
        if (!migrated) {
            try {
                Migrations.migrate(dataSource(), "h2", location(), this::damagedSchema);
                migrated = true;
            } catch (RuntimeException e) {
                closeQuietly(c);
                throw e;
            }
        }
        return c;
    }

    private JdbcDataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("veil");
        ds.setPassword("");
        return ds;
    }

    /** Closes in turn, so that handing the file over to another process never meets an opening one. */
    @Override
    public void disconnect(Connection connection) {
        OpenTurn.Patience wait = new OpenTurn.Patience(patience, TELL_AFTER, WaitListener.SILENT);
        try (OpenTurn turn = OpenTurn.take(dir, wait.deadline(), wait)) {
            connection.close();
        } catch (SQLException e) {
            // Every commit reached the file before it returned (WRITE_DELAY=0): a hand-over met
            // while closing loses nothing, so it is no failure of this command.
            if (!lostConnection(e)) {
                throw failure("close the workspace", e);
            }
        } catch (WorkspaceException e) {
            // Could not take the turn: close anyway; the others retry a hand-over they meet.
            closeQuietly(connection);
        }
    }

    @Override
    public boolean lostConnection(SQLException e) {
        return switch (e.getErrorCode()) {
            // A client hears the process serving the file exit mid-answer as a broken connection,
            // a database closed (by that process's shutdown hook) or its socket's own error.
            case ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_IS_CLOSED,
                    ErrorCode.DATABASE_CALLED_AT_SHUTDOWN -> true;
            case ErrorCode.IO_EXCEPTION_1 -> cutReply(String.valueOf(e.getMessage()));
            default -> handOver(e);
        };
    }

    // H2's client gives up reconnecting with the socket's own error: the serving process exited.
    private static boolean cutReply(String message) {
        return message.contains("java.io.EOFException") || message.contains("java.net.SocketException");
    }

    // H2's ways of saying that another process is opening, serving or handing over the file.
    private static boolean handOver(SQLException e) {
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1, ErrorCode.CONNECTION_BROKEN_1 -> true;
            case ErrorCode.ERROR_OPENING_DATABASE_1 -> lockRace(String.valueOf(e.getMessage()));
            // A read that meets the file just handed to another process, or a session the serving
            // process closed as it exited, reports it as an I/O error wrapping the real cause.
            case ErrorCode.IO_EXCEPTION_2 -> wrapsHandOver(String.valueOf(e.getMessage()));
            default -> false;
        };
    }

    // A LOB read, say, that reopens the file behind the scenes reports the hand-over it met wrapped
    // in an I/O error: H2 keeps the inner error's text and code ("... [90020-252]") in the message.
    private static boolean wrapsHandOver(String message) {
        if (message.contains("Locked by another process") || lockRace(message)) {
            return true;
        }
        Matcher code = H2_CODE.matcher(message);
        while (code.find()) {
            switch (Integer.parseInt(code.group(1))) {
                case ErrorCode.DATABASE_ALREADY_OPEN_1, ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_IS_CLOSED,
                        ErrorCode.DATABASE_CALLED_AT_SHUTDOWN -> {
                    return true;
                }
                default -> { }
            }
        }
        return false;
    }

    private static final Pattern H2_CODE = Pattern.compile("\\[(\\d{4,5})-\\d+]");

    /**
     * H2's lock file saying that another process took, renewed or gave up the file while this one
     * was taking it: "Lock file recently modified", and, when two processes write the lock file
     * within the same few milliseconds, "Concurrent update" or "Another process was faster". All
     * pass once the other process is done, so they are hand-overs, not damage.
     */
    private static boolean lockRace(String message) {
        return message.contains("Lock file") || message.contains("Concurrent update")
                || message.contains("Another process was faster");
    }

    /** A migration that failed on a lock: the turn is retried, the schema is not damaged. */
    private static final class HandOverException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SQLException lock;

        HandOverException(SQLException lock, Throwable cause) {
            super(lock.getMessage(), cause);
            this.lock = lock;
        }
    }

    private WorkspaceException damagedSchema(FlywayException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (handOver(sql) || sql.getErrorCode() == ErrorCode.LOCK_TIMEOUT_1)) {
                throw new HandOverException(sql, e);
            }
        }
        return WorkspaceException.elsewhere(Problem.UNREADABLE, dir, "workspace database " + dir.resolve(FILE_NAME)
                + " is not a Veil workspace or its schema is damaged (" + firstLine(e.getMessage()) + "); move "
                + FILE_NAME + " aside (keep it for inspection) to start an empty workspace, restore it from a "
                + "backup, or choose another workspace directory", e);
    }

    private WorkspaceException busyTooLong(SQLException last) {
        if (last.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
            return WorkspaceException.elsewhere(Problem.IN_USE, dir, "workspace " + dir + " is in use by another program "
                    + "that does not share it (" + firstLine(last.getMessage()) + "), and stayed so for "
                    + patience.toSeconds() + " s: close that program (an H2 tool, or a Veil that cannot share), or "
                    + "choose another workspace directory", last);
        }
        return new WorkspaceException(Problem.BUSY, dir, "workspace " + dir + " stayed busy: other Veil processes "
                + "kept opening or handing it over for " + patience.toSeconds() + " s (" + firstLine(last.getMessage())
                + "); nothing was changed and the workspace is not damaged: try again when they are done", last);
    }

    @Override
    public WorkspaceException failure(String action, SQLException e) {
        String h2 = firstLine(e.getMessage());
        return switch (e.getErrorCode()) {
            case ErrorCode.LOCK_TIMEOUT_1 -> new WorkspaceException(Problem.BUSY, dir, "could not " + action
                    + ": workspace " + dir + " stayed busy with another Veil process's work for "
                    + LOCK_TIMEOUT_MILLIS / 1000 + " s; wait for it to finish and try again", e);
            case ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_IS_CLOSED -> new WorkspaceException(Problem.FAILED,
                    dir, "could not " + action + ": lost the connection to workspace " + dir + " ("
                    + h2 + "), probably because the Veil process sharing it exited; try again", e);
            default -> new WorkspaceException(Problem.FAILED, dir, "could not " + action + " in workspace "
                    + dir + " (" + h2 + "); check free disk space and the permissions of " + dir
                    + ", and try again", e);
        };
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
            throw WorkspaceException.elsewhere(Problem.UNREADABLE, dir, "cannot use " + dir
                    + " as the workspace: it exists and is not a directory; choose another "
                    + "workspace directory", e);
        } catch (IOException e) {
            throw WorkspaceException.elsewhere(Problem.UNREADABLE, dir, "cannot create the workspace directory " + dir + ": "
                    + e + "; check the permissions of its parent, or choose another "
                    + "workspace directory, one you can write", e);
        }
    }

    private static Path existingAncestor(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? dir.toAbsolutePath().getRoot() : p;
    }

    static String url(Path dir) {
        String path = dir.toAbsolutePath().normalize().resolve(NAME).toString();
        if (path.indexOf(';') >= 0) {
            throw WorkspaceException.elsewhere(Problem.UNREADABLE, dir, "cannot use " + dir + " as the workspace: the H2 "
                    + "database cannot live under a path containing ';'; choose another "
                    + "workspace directory", null);
        }
        return "jdbc:h2:file:" + path + (sharing() ? ";AUTO_SERVER=TRUE" : "")
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=" + LOCK_TIMEOUT_MILLIS;
    }

    /** Translates an H2 error while opening into what happened, where and what to do. */
    static WorkspaceException openFailure(Path dir, SQLException e) {
        Path file = dir.resolve(FILE_NAME);
        String h2 = firstLine(e.getMessage());
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> WorkspaceException.elsewhere(Problem.IN_USE, dir, "workspace " + dir
                    + " is in use by another program that does not share it (" + h2 + "): close that program (an "
                    + "H2 tool, or a Veil that cannot share), or choose another "
                    + "workspace directory", e);
            case ErrorCode.WRONG_USER_OR_PASSWORD -> WorkspaceException.elsewhere(Problem.UNREADABLE, dir, "workspace "
                    + "database " + file + " was not created by Veil (it asks for other credentials); move it aside, or "
                    + "choose another workspace directory", e);
            default -> WorkspaceException.elsewhere(Problem.UNREADABLE, dir, "cannot open workspace database " + file
                    + ": it is damaged or unreadable (" + h2 + "); check that you can read and write " + dir
                    + ", then move " + FILE_NAME + " aside (keep it for inspection) to start an empty workspace, "
                    + "restore it from a backup, or choose another workspace directory", e);
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
