package dev.veil.workspace;

import dev.veil.model.PublishEntry;
import dev.veil.model.Publication;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Policy versions published from the workspace, as an append-only log beside the decisions. */
final class PublishLog {
    private static final String COLUMNS =
            "seq, table_name, version, digest, published_by, published_at, note, widening_changes, policy_store";

    private PublishLog() {
    }

    static PublishEntry append(Connection c, PublishEntry e, Instant recordedAt) throws SQLException {
        String sql = "INSERT INTO publish_log (table_name, version, digest, published_by, published_at, note, "
                + "widening_changes, policy_store, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, e.table());
            ps.setInt(2, e.version());
            ps.setString(3, e.digest());
            ps.setString(4, e.publication().by());
            Sql.setInstant(ps, 5, e.publication().at());
            ps.setString(6, e.publication().note());
            ps.setInt(7, e.wideningChanges());
            ps.setString(8, e.store());
            Sql.setInstant(ps, 9, recordedAt);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new PublishEntry(keys.getLong(1), e.table(), e.version(), e.digest(), e.publication(),
                        e.wideningChanges(), e.store());
            }
        }
    }

    static List<PublishEntry> entries(Connection c, Optional<String> table) throws SQLException {
        if (table.isPresent()) {
            return Sql.query(c, "SELECT " + COLUMNS + " FROM publish_log WHERE table_name = ? ORDER BY seq",
                    ps -> ps.setString(1, table.get()), PublishLog::entry);
        }
        return Sql.query(c, "SELECT " + COLUMNS + " FROM publish_log ORDER BY seq", ps -> { }, PublishLog::entry);
    }

    private static PublishEntry entry(ResultSet rs) throws SQLException {
        return new PublishEntry(rs.getLong("seq"), rs.getString("table_name"), rs.getInt("version"),
                rs.getString("digest"), new Publication(rs.getString("published_by"),
                Sql.getInstant(rs, "published_at"), rs.getString("note")),
                rs.getInt("widening_changes"), rs.getString("policy_store"));
    }
}
