package dev.veil.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.model.EntityCorrection;
import dev.veil.model.EntityMatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Corrections of the entities of single-table designs, as an append-only log beside the decisions.
 * Nothing here updates or deletes; a reset is one more entry.
 */
final class CorrectionLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "seq, table_name, kind, entity, sources, match_attribute, match_test, "
            + "match_value, marker, reviewer, decided_at, note";

    private CorrectionLog() {
    }

    static EntityCorrection append(Connection c, EntityCorrection e, Instant recordedAt) throws SQLException {
        String sql = "INSERT INTO entity_correction_log (table_name, kind, entity, sources, match_attribute, "
                + "match_test, match_value, marker, reviewer, decided_at, note, recorded_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, e.table());
            ps.setString(2, e.kind().label());
            ps.setString(3, e.entity());
            ps.setString(4, sources(e.sources()));
            setOptional(ps, 5, e.match().map(EntityMatch::attribute));
            setOptional(ps, 6, e.match().map(m -> m.test().label()));
            setOptional(ps, 7, e.match().map(EntityMatch::value));
            setOptional(ps, 8, e.marker());
            ps.setString(9, e.reviewer());
            Sql.setInstant(ps, 10, e.at());
            ps.setString(11, e.note());
            Sql.setInstant(ps, 12, recordedAt);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return e.withSequence(keys.getLong(1));
            }
        }
    }

    /** Every correction of one table, or of all, oldest first. */
    static List<EntityCorrection> entries(Connection c, Optional<String> table) throws SQLException {
        if (table.isPresent()) {
            return Sql.query(c, "SELECT " + COLUMNS + " FROM entity_correction_log WHERE table_name = ? ORDER BY seq",
                    ps -> ps.setString(1, table.get()), CorrectionLog::entry);
        }
        return Sql.query(c, "SELECT " + COLUMNS + " FROM entity_correction_log ORDER BY seq", ps -> { },
                CorrectionLog::entry);
    }

    private static EntityCorrection entry(ResultSet rs) throws SQLException {
        Optional<EntityMatch> match = Optional.empty();
        String attribute = rs.getString("match_attribute");
        if (attribute != null) {
            String test = rs.getString("match_test");
            String value = rs.getString("match_value");
            match = Optional.of(EntityMatch.Test.BEGINS_WITH.label().equals(test)
                    ? EntityMatch.beginningWith(attribute, value) : EntityMatch.equalTo(attribute, value));
        }
        return new EntityCorrection(rs.getLong("seq"), rs.getString("table_name"),
                EntityCorrection.Kind.of(rs.getString("kind")), rs.getString("entity"),
                sources(rs.getString("sources")), match, Optional.ofNullable(rs.getString("marker")),
                rs.getString("reviewer"), Sql.getInstant(rs, "decided_at"), rs.getString("note"));
    }

    private static void setOptional(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    private static String sources(List<String> names) {
        try {
            return JSON.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("entity names always serialize", e);
        }
    }

    private static List<String> sources(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new DecisionLog.MalformedRowException("an entity correction's sources are not a JSON list: "
                    + e.getOriginalMessage(), e);
        }
    }
}
