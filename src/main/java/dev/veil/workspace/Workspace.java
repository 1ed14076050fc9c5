package dev.veil.workspace;

import dev.veil.model.AttributePath;
import dev.veil.model.AuditEntry;
import dev.veil.model.Decision;
import dev.veil.model.EntityCorrection;
import dev.veil.model.OwnerDecision;
import dev.veil.model.PublishEntry;
import dev.veil.model.Retraction;
import dev.veil.model.TableProfile;
import dev.veil.workspace.DecisionLog.BatchObserver;
import dev.veil.workspace.WorkspaceException.Problem;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A Veil workspace: a database holding every sampling run with its profile, and the reviewers'
 * decisions as an append-only audit log. It is an H2 file in a directory (the default) or a
 * team's shared PostgreSQL database ({@link WorkspaceLocation}), with the same schema. Nothing stored is ever rewritten or
 * deleted, so the history of a table's attributes and of its decisions stays readable.
 *
 * <p>Stores only what it is given: profiles hold counts and masked examples, never item data.
 * Several Veil processes may open the same workspace at once (see {@code WorkspaceDatabase} and
 * {@code PostgresDatabase}); where the connection is lost because the process that served an H2
 * file exited, the work is done again on a fresh connection, exactly once. One instance may be
 * used from several threads. Every failure is a {@link WorkspaceException}.
 */
public final class Workspace implements AutoCloseable {
    // Fresh connections one piece of work may take after losing one; each waits its turn, bounded,
    // after a growing pause, since a hand-over between processes takes a moment to complete.
    private static final int RECONNECTS = 10;

    private final Database database;
    private Connection connection;
    private boolean closed;

    private Workspace(Database database) {
        this.database = database;
        this.connection = database.connect();
    }

    /** Opens the workspace in {@code dir}, creating the directory and an empty workspace if needed. */
    public static Workspace open(Path dir) {
        return open(WorkspaceLocation.directory(dir), WaitListener.SILENT);
    }

    /**
     * Opens the workspace at {@code location}, creating an empty one if needed; tells {@code listener}
     * when it has waited long for other processes to hand an H2 file over.
     */
    public static Workspace open(WorkspaceLocation location, WaitListener listener) {
        return open(location, WorkspaceDatabase.PATIENCE, listener);
    }

    /** {@link #open(WorkspaceLocation, WaitListener)} waiting at most {@code patience}; for tests. */
    static Workspace open(WorkspaceLocation location, Duration patience, WaitListener listener) {
        if (location instanceof PostgresLocation shared) {
            return new Workspace(new PostgresDatabase(shared));
        }
        return new Workspace(WorkspaceDatabase.in(((WorkspaceLocation.Directory) location).path(), patience, listener));
    }

    /** Where the workspace lives. */
    public WorkspaceLocation location() {
        return database.location();
    }

    // --- sampling runs ---

    /** Stores a sampling run: the profile and the settings it was taken with. */
    public SampleRun saveRun(TableProfile profile, Map<String, String> settings) {
        Objects.requireNonNull(profile, "profile");
        settings.forEach((k, v) -> Objects.requireNonNull(v, () -> "value of setting " + k));
        Instant recordedAt = now();
        return sql("store the sampling run of table " + profile.table(), (c, again) -> {
            Optional<SampleRun> done = again ? RunStore.recordedAt(c, profile.table(), recordedAt) : Optional.empty();
            return done.isPresent() ? done.get() : RunStore.save(c, profile, settings, recordedAt);
        });
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
                new IllegalArgumentException("workspace " + location() + " holds no sampling run " + runId
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

    /** The current decision of every decided path of {@code entity} of {@code table}, sorted by path. */
    public List<Decision> decisions(String table, String entity) {
        return sql("read the decisions of entity " + entity + " of table " + table,
                c -> DecisionLog.current(c, table, entity));
    }

    /** Records who owns the items of an entity (or, with an empty entity, of the table). */
    public void recordOwner(OwnerDecision decision) {
        Objects.requireNonNull(decision, "decision");
        Instant recordedAt = now();
        sql("record the owner of " + decision.table() + " " + decision.entity(), c -> {
            OwnerLog.append(c, decision, recordedAt);
            return null;
        });
    }

    /** The current owner decision of each entity of {@code table} that has one, sorted by entity. */
    public List<OwnerDecision> owners(String table) {
        return sql("read the owners of table " + table, c -> OwnerLog.current(c, table));
    }

    /** Records a correction of a table's entities; returns it with its sequence number. */
    public EntityCorrection recordCorrection(EntityCorrection correction) {
        Objects.requireNonNull(correction, "correction");
        Instant recordedAt = now();
        return sql("record a correction of the entities of " + correction.table(),
                c -> CorrectionLog.append(c, correction, recordedAt));
    }

    /** Every correction of the entities of one table, or of all, oldest first (resets included). */
    public List<EntityCorrection> corrections(Optional<String> table) {
        return sql("read the corrections of entities", c -> CorrectionLog.entries(c, table));
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

    /**
     * Records {@code batch} as {@link #record(List)} does and takes each retracted path back to
     * unreviewed, all in one transaction: one audit entry per retraction of a path that has a
     * decision. Undoing a change that gave some paths their first decision is one such call.
     */
    public List<AuditEntry> record(List<Decision> batch, List<Retraction> retractions) {
        return record(batch, retractions, BatchObserver.NONE);
    }

    /** {@link #record(List)} telling {@code observer} of each entry before the batch commits; for tests. */
    List<AuditEntry> record(List<Decision> batch, BatchObserver observer) {
        return record(batch, List.of(), observer);
    }

    private List<AuditEntry> record(List<Decision> batch, List<Retraction> retracting, BatchObserver observer) {
        List<Decision> decisions = List.copyOf(batch);
        List<Retraction> retractions = List.copyOf(retracting);
        if (decisions.isEmpty() && retractions.isEmpty()) {
            return List.of();
        }
        Instant recordedAt = now();
        return sql("record " + (decisions.size() + retractions.size()) + " decision(s)", (c, again) -> {
            // A lost connection may have lost the reply to a commit: what was committed is not done twice.
            List<AuditEntry> done = again ? DecisionLog.recordedAt(c, recordedAt) : List.of();
            return !done.isEmpty() ? done
                    : inTransaction(c, () -> DecisionLog.append(c, decisions, retractions, recordedAt, observer));
        });
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
        database.disconnect(connection);
    }

    // --- plumbing ---

    @FunctionalInterface
    private interface SqlWork<T> {
        /** {@code again}: an earlier attempt lost its connection and may or may not have committed. */
        T run(Connection c, boolean again) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlRead<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlBlock<T> {
        T run() throws SQLException;
    }

    private <T> T sql(String action, SqlRead<T> read) {
        return sql(action, (c, again) -> read.run(c));
    }

    // One connection, one caller at a time: a batch's transaction must not interleave with other work.
    private synchronized <T> T sql(String action, SqlWork<T> work) {
        if (closed) {
            throw new IllegalStateException("workspace " + location() + " is closed; open it again to " + action);
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return work.run(connection, attempt > 0);
            } catch (SQLException e) {
                if (attempt >= RECONNECTS || !database.lostConnection(e)) {
                    throw database.failure(action, e);
                }
                pauseBeforeReconnecting(attempt);
                reconnect(e);
            } catch (DecisionLog.MalformedRowException e) {
                throw damaged(e.getMessage(), e);
            }
        }
    }

    private void pauseBeforeReconnecting(int attempt) {
        long cap = Math.min(1_000, 50L << Math.min(attempt, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkspaceException(Problem.BUSY, database.location(), "interrupted while reconnecting to workspace "
                    + database.location(), e);
        }
    }

    private void reconnect(SQLException lost) {
        try {
            connection.close();
        } catch (SQLException e) {
            lost.addSuppressed(e);
        }
        connection = database.connect();
    }

    // Stored instants keep microseconds on every database, so a batch can be found by its instant.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
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
            throw new WorkspaceException(Problem.NEWER_VERSION, location(), "sampling run " + stored.runId()
                    + " in workspace " + location() + " is stored as " + stored.format() + ", which this Veil cannot "
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
        return new WorkspaceException(Problem.UNREADABLE, location(), "workspace " + location() + ": " + what, cause);
    }
}
