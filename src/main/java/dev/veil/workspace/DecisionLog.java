package dev.veil.workspace;

import dev.veil.model.AttributePath;
import dev.veil.model.PathSyntaxException;
import dev.veil.model.AuditEntry;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.DecisionSource;
import dev.veil.model.Retraction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reviewers' decisions as an append-only audit log. Nothing here updates or deletes: a decision
 * is recorded by appending an entry, and the current decision of a path is its latest entry; an
 * entry without a current class (a {@link Retraction}) leaves the path without a decision.
 */
final class DecisionLog {
    private static final String COLUMNS =
            "seq, table_name, path, previous_class, current_class, reviewer, decided_at, note, source, entity";
    private static final String LATEST = "seq = (SELECT MAX(b.seq) FROM audit_log b "
            + "WHERE b.table_name = a.table_name AND b.entity = a.entity AND b.path = a.path)";

    private DecisionLog() {
    }

    /** Told after each entry a batch has written, before the batch commits. */
    @FunctionalInterface
    interface BatchObserver {
        BatchObserver NONE = written -> { };

        void written(int entriesSoFar);
    }

    /** Thrown when a stored row cannot be read back; names the row. */
    static final class MalformedRowException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedRowException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Appends one entry per decision that changes its path's class or note; the caller holds a
     * transaction. Batches take the writer turn first, so batches from processes sharing the
     * workspace never interleave and each entry's previous class is the one it replaced.
     */
    static List<AuditEntry> append(Connection c, List<Decision> batch, Instant recordedAt, BatchObserver observer)
            throws SQLException {
        return append(c, batch, List.of(), recordedAt, observer);
    }

    /**
     * {@link #append(Connection, List, Instant, BatchObserver)} followed by one entry per
     * retraction of a path that has a decision (a path without one has nothing to take back).
     */
    static List<AuditEntry> append(Connection c, List<Decision> batch, List<Retraction> retractions,
                                   Instant recordedAt, BatchObserver observer) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet turn = s.executeQuery("SELECT id FROM writer_turn WHERE id = 1 FOR UPDATE")) {
            turn.next();
        }
        Map<String, Map<AttributePath, Decision>> current = new HashMap<>();
        List<AuditEntry> written = new ArrayList<>();
        String sql = "INSERT INTO audit_log (table_name, path, previous_class, current_class, reviewer, decided_at, "
                + "note, source, recorded_at, entity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (Decision d : batch) {
                Map<AttributePath, Decision> ofTable = currentOf(c, current, d.table(), d.entity());
                Optional<Decision> before = Optional.ofNullable(ofTable.get(d.path()));
                if (before.isPresent() && sameOutcome(before.get(), d)) {
                    continue;
                }
                written.add(insert(ps, d, before.map(Decision::classification), recordedAt));
                ofTable.put(d.path(), d);
                observer.written(written.size());
            }
            for (Retraction r : retractions) {
                Decision before = currentOf(c, current, r.table(), r.entity()).remove(r.path());
                if (before != null) {
                    written.add(insert(ps, r, before.classification(), recordedAt));
                    observer.written(written.size());
                }
            }
        }
        return written;
    }

    private static Map<AttributePath, Decision> currentOf(Connection c, Map<String, Map<AttributePath, Decision>> cache,
                                                          String table, String entity) throws SQLException {
        String key = table + "\u0000" + entity;
        Map<AttributePath, Decision> ofTable = cache.get(key);
        if (ofTable == null) {
            ofTable = new HashMap<>();
            for (Decision existing : current(c, table, entity)) {
                ofTable.put(existing.path(), existing);
            }
            cache.put(key, ofTable);
        }
        return ofTable;
    }

    // A decision that repeats the class and note changes nothing a reader of the log cares about.
    private static boolean sameOutcome(Decision a, Decision b) {
        return a.classification() == b.classification() && a.note().equals(b.note());
    }

    private static AuditEntry insert(PreparedStatement ps, Decision d, Optional<Classification> previous,
                                     Instant recordedAt) throws SQLException {
        ps.setString(1, d.table());
        ps.setString(2, d.path().toString());
        ps.setString(3, previous.map(Classification::label).orElse(null));
        ps.setString(4, d.classification().label());
        ps.setString(5, d.reviewer());
        Sql.setInstant(ps, 6, d.decidedAt());
        ps.setString(7, d.note());
        ps.setString(8, d.source().label());
        Sql.setInstant(ps, 9, recordedAt);
        ps.setString(10, d.entity());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return new AuditEntry(keys.getLong(1), d.table(), d.path(), previous, Optional.of(d.classification()),
                    d.reviewer(), d.decidedAt(), d.note(), d.source(), d.entity());
        }
    }

    private static AuditEntry insert(PreparedStatement ps, Retraction r, Classification previous, Instant recordedAt)
            throws SQLException {
        ps.setString(1, r.table());
        ps.setString(2, r.path().toString());
        ps.setString(3, previous.label());
        ps.setNull(4, java.sql.Types.VARCHAR);
        ps.setString(5, r.reviewer());
        Sql.setInstant(ps, 6, r.at());
        ps.setString(7, r.note());
        ps.setString(8, DecisionSource.MANUAL.label());
        Sql.setInstant(ps, 9, recordedAt);
        ps.setString(10, r.entity());
        ps.executeUpdate();
        try (ResultSet keys = ps.getGeneratedKeys()) {
            keys.next();
            return new AuditEntry(keys.getLong(1), r.table(), r.path(), Optional.of(previous), Optional.empty(),
                    r.reviewer(), r.at(), r.note(), DecisionSource.MANUAL, r.entity());
        }
    }

    /** The current decision of every decided path of {@code table}, sorted by path. */
    static List<Decision> current(Connection c, String table) throws SQLException {
        return current(c, table, "");
    }

    /** The current decision of every decided path of {@code entity} of {@code table}, sorted by path. */
    static List<Decision> current(Connection c, String table, String entity) throws SQLException {
        List<Decision> out = new ArrayList<>(Sql.query(c,
                "SELECT " + COLUMNS + " FROM audit_log a WHERE a.table_name = ? AND a.entity = ? AND a." + LATEST
                        + " AND a.current_class IS NOT NULL",
                ps -> {
                    ps.setString(1, table);
                    ps.setString(2, entity);
                }, rs -> decision(entry(rs)).orElseThrow()));
        out.sort(Comparator.comparing(Decision::path));
        return out;
    }

    static Optional<Decision> current(Connection c, String table, AttributePath path) throws SQLException {
        return Sql.query(c, "SELECT " + COLUMNS + " FROM audit_log a WHERE a.table_name = ? AND a.path = ? "
                        + "AND a.entity = '' ORDER BY a.seq DESC FETCH FIRST ROW ONLY",
                ps -> {
                    ps.setString(1, table);
                    ps.setString(2, path.toString());
                }, rs -> decision(entry(rs))).stream().findFirst().flatMap(d -> d);
    }

    static List<AuditEntry> entries(Connection c, Optional<String> table) throws SQLException {
        if (table.isPresent()) {
            return Sql.query(c, "SELECT " + COLUMNS + " FROM audit_log WHERE table_name = ? ORDER BY seq",
                    ps -> ps.setString(1, table.get()), DecisionLog::entry);
        }
        return Sql.query(c, "SELECT " + COLUMNS + " FROM audit_log ORDER BY seq", ps -> { }, DecisionLog::entry);
    }

    /** The entries one batch wrote, found by the instant it recorded them at; oldest first. */
    static List<AuditEntry> recordedAt(Connection c, Instant recordedAt) throws SQLException {
        return Sql.query(c, "SELECT " + COLUMNS + " FROM audit_log WHERE recorded_at = ? ORDER BY seq",
                ps -> Sql.setInstant(ps, 1, recordedAt), DecisionLog::entry);
    }

    static List<String> tables(Connection c) throws SQLException {
        return Sql.query(c, "SELECT DISTINCT table_name FROM audit_log ORDER BY table_name", ps -> { },
                rs -> rs.getString(1));
    }

    // Empty for a retraction: the path has no decision after it.
    private static Optional<Decision> decision(AuditEntry e) {
        return e.current().map(c -> new Decision(e.table(), e.path(), c, e.reviewer(), e.at(), e.note(), e.source(),
                e.entity()));
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        String previous = rs.getString("previous_class");
        String current = rs.getString("current_class");
        return new AuditEntry(seq, rs.getString("table_name"), path(seq, rs.getString("path")),
                previous == null ? Optional.empty() : Optional.of(classification(seq, previous)),
                current == null ? Optional.empty() : Optional.of(classification(seq, current)), rs.getString("reviewer"),
                Sql.getInstant(rs, "decided_at"), rs.getString("note"), source(seq, rs.getString("source")),
                rs.getString("entity"));
    }

    private static AttributePath path(long seq, String text) {
        try {
            return AttributePath.parse(text);
        } catch (PathSyntaxException e) {
            throw new MalformedRowException("audit entry " + seq + " holds an unreadable path: " + e.getMessage(), e);
        }
    }

    private static Classification classification(long seq, String label) {
        return Classification.fromLabel(label).orElseThrow(() -> new MalformedRowException(
                "audit entry " + seq + " holds an unknown class \"" + label + "\"", null));
    }

    private static DecisionSource source(long seq, String label) {
        return DecisionSource.fromLabel(label).orElseThrow(() -> new MalformedRowException(
                "audit entry " + seq + " holds an unknown source \"" + label + "\"", null));
    }
}
