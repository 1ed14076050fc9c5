package dev.veil.workspace;

import dev.veil.model.AttributePath;
import dev.veil.model.AuditEntry;
import dev.veil.model.Decision;
import dev.veil.model.PublishEntry;
import dev.veil.model.TableProfile;
import dev.veil.workspace.DecisionLog.BatchObserver;
import dev.veil.workspace.WorkspaceException.Problem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.h2.api.ErrorCode;

/**
 * A Veil workspace: an H2 database in a directory holding every sampling run with its profile,
 * and the reviewers' decisions as an append-only audit log. Nothing stored is ever rewritten or
 * deleted, so the history of a table's attributes and of its decisions stays readable.
 *
 * <p>Stores only what it is given: profiles hold counts and masked examples, never item data.
 * Several Veil processes may open the same directory at once (see {@code WorkspaceDatabase});
 * one instance may be used from several threads. Every failure is a {@link WorkspaceException}.
 */
public final class Workspace implements AutoCloseable {
    private final Path directory;
    private final Connection connection;
    private boolean closed;

    private Workspace(Path directory, Connection connection) {
        this.directory = directory;
        this.connection = connection;
    }

    /** Opens the workspace in {@code dir}, creating the directory and an empty workspace if needed. */
    public static Workspace open(Path dir) {
        Path directory = dir.toAbsolutePath().normalize();
        return new Workspace(directory, WorkspaceDatabase.open(directory));
    }

    /** The workspace directory. */
    public Path directory() {
        return directory;
    }

    /** The H2 database file inside the directory. */
    public Path databaseFile() {
        return directory.resolve(WorkspaceDatabase.FILE_NAME);
    }

    // --- sampling runs ---

    /** Stores a sampling run: the profile and the settings it was taken with. */
    public SampleRun saveRun(TableProfile profile, Map<String, String> settings) {
        Objects.requireNonNull(profile, "profile");
        settings.forEach((k, v) -> Objects.requireNonNull(v, () -> "value of setting " + k));
        return sql("store the sampling run of table " + profile.table(),
                c -> RunStore.save(c, profile, settings, Instant.now()));
    }

    /** The runs of {@code table}, oldest first (by sampling time, then storing order). */
    public List<SampleRun> runs(String table) {
        return sql("list the sampling runs of table " + table, c -> RunStore.runs(c, table));
    }

    /** The profile of the most recently sampled run of {@code table}, if any. */
    public Optional<TableProfile> latestProfile(String table) {
        return sql("read the latest profile of table " + table, c -> RunStore.latest(c, table)).map(this::decode);
    }

    /** The profile of run {@code runId}; throws {@link IllegalArgumentException} when there is no such run. */
    public TableProfile profile(long runId) {
        return decode(sql("read sampling run " + runId, c -> RunStore.byId(c, runId)).orElseThrow(() ->
                new IllegalArgumentException("workspace " + directory + " holds no sampling run " + runId
                        + "; runs(table) lists the stored runs")));
    }

    /** Tables with at least one stored run, sorted. */
    public List<String> profiledTables() {
        return sql("list the profiled tables", RunStore::tables);
    }

    // --- decisions and audit log ---

    /** The current decision of every decided path of {@code table}, sorted by path. */
    public List<Decision> decisions(String table) {
        return sql("read the decisions of table " + table, c -> DecisionLog.current(c, table));
    }

    /** The current decision of one path, if it was ever decided. */
    public Optional<Decision> decision(String table, AttributePath path) {
        return sql("read the decision of " + table + " " + path, c -> DecisionLog.current(c, table, path));
    }

    /**
     * Records a batch of decisions, all or none, and returns the audit entries written: one per
     * decision that changes its path's class or note (a repeat of the current class and note is
     * skipped). Decisions apply in list order, so a later one in the batch sees an earlier one.
     */
    public List<AuditEntry> record(List<Decision> batch) {
        return record(batch, BatchObserver.NONE);
    }

    /** {@link #record(List)} telling {@code observer} of each entry before the batch commits; for tests. */
    List<AuditEntry> record(List<Decision> batch, BatchObserver observer) {
        List<Decision> decisions = List.copyOf(batch);
        if (decisions.isEmpty()) {
            return List.of();
        }
        return sql("record " + decisions.size() + " decision(s)", c -> inTransaction(c,
                () -> DecisionLog.append(c, decisions, Instant.now(), observer)));
    }

    /** Every audit entry, of one table or of all, oldest first. */
    public List<AuditEntry> auditLog(Optional<String> table) {
        return sql("read the audit log", c -> DecisionLog.entries(c, table));
    }

    /** Records that a policy version was published; returns the entry with its sequence number. */
    public PublishEntry recordPublication(PublishEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return sql("record the publishing of " + entry.table() + " v" + entry.version(),
                c -> PublishLog.append(c, entry, Instant.now()));
    }

    /** Every publishing recorded, of one table or of all, oldest first. */
    public List<PublishEntry> publications(Optional<String> table) {
        return sql("read the log of publishings", c -> PublishLog.entries(c, table));
    }

    /** Tables with at least one decision, sorted. */
    public List<String> reviewedTables() {
        return sql("list the reviewed tables", DecisionLog::tables);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close the workspace", e);
        }
    }

    // --- plumbing ---

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlBlock<T> {
        T run() throws SQLException;
    }

    // One connection, one caller at a time: a batch's transaction must not interleave with other work.
    private synchronized <T> T sql(String action, SqlWork<T> work) {
        if (closed) {
            throw new IllegalStateException("workspace " + directory + " is closed; open it again to " + action);
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(action, e);
        } catch (DecisionLog.MalformedRowException e) {
            throw damaged(e.getMessage(), e);
        }
    }

    private static <T> T inTransaction(Connection c, SqlBlock<T> block) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = block.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback(c, e);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private TableProfile decode(RunStore.StoredProfile stored) {
        if (!ProfileJson.FORMAT.equals(stored.format())) {
            throw new WorkspaceException(Problem.NEWER_VERSION, directory, "sampling run " + stored.runId()
                    + " in workspace " + directory + " is stored as " + stored.format() + ", which this Veil cannot "
                    + "read; upgrade Veil, or sample the table again");
        }
        try {
            return ProfileJson.read(stored.json());
        } catch (ProfileJson.MalformedProfileException e) {
            throw damaged("the stored profile of sampling run " + stored.runId() + " is damaged: " + e.getMessage()
                    + "; sample the table again to store a fresh run", e);
        }
    }

    private WorkspaceException damaged(String what, RuntimeException cause) {
        return new WorkspaceException(Problem.UNREADABLE, directory, "workspace " + directory + ": " + what, cause);
    }

    private WorkspaceException failure(String action, SQLException e) {
        String h2 = WorkspaceDatabase.firstLine(e.getMessage());
        return switch (e.getErrorCode()) {
            case ErrorCode.LOCK_TIMEOUT_1 -> new WorkspaceException(Problem.BUSY, directory, "could not " + action
                    + ": workspace " + directory + " stayed busy with another Veil process's work for "
                    + WorkspaceDatabase.LOCK_TIMEOUT_MILLIS / 1000 + " s; wait for it to finish and try again", e);
            case ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_IS_CLOSED -> new WorkspaceException(Problem.FAILED,
                    directory, "could not " + action + ": lost the connection to workspace " + directory + " ("
                    + h2 + "), probably because the Veil process sharing it exited; try again", e);
            default -> new WorkspaceException(Problem.FAILED, directory, "could not " + action + " in workspace "
                    + directory + " (" + h2 + "); check free disk space and the permissions of " + directory
                    + ", and try again", e);
        };
    }
}
