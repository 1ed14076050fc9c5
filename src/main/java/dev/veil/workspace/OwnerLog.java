package dev.veil.workspace;

import dev.veil.model.OwnerDecision;
import dev.veil.model.OwnerRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Owner decisions as an append-only log: the current owner of a table's entity is its latest
 * entry. Nothing here updates or deletes.
 */
final class OwnerLog {
    private static final String COLUMNS = "seq, table_name, entity, attribute, template, reviewer, decided_at";
    private static final String LATEST = "seq = (SELECT MAX(b.seq) FROM owner_log b "
            + "WHERE b.table_name = a.table_name AND b.entity = a.entity)";

    private OwnerLog() {
    }

    static void append(Connection c, OwnerDecision d, Instant recordedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO owner_log (table_name, entity, attribute, "
                + "template, reviewer, decided_at, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.table());
            ps.setString(2, d.entity());
            ps.setString(3, d.owner().attribute());
            ps.setString(4, d.owner().template());
            ps.setString(5, d.reviewer());
            Sql.setInstant(ps, 6, d.decidedAt());
            Sql.setInstant(ps, 7, recordedAt);
            ps.executeUpdate();
        }
    }

    /** The current owner decision of every entity of {@code table} that has one, by entity. */
    static List<OwnerDecision> current(Connection c, String table) throws SQLException {
        return Sql.query(c, "SELECT " + COLUMNS + " FROM owner_log a WHERE a.table_name = ? AND a." + LATEST
                        + " ORDER BY a.entity",
                ps -> ps.setString(1, table),
                rs -> new OwnerDecision(rs.getString("table_name"), rs.getString("entity"),
                        new OwnerRule(rs.getString("attribute"), rs.getString("template")),
                        rs.getString("reviewer"), Sql.getInstant(rs, "decided_at")));
    }
}
