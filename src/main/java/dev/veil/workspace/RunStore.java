package dev.veil.workspace;

import dev.veil.model.TableProfile;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sampling runs: one append-only row per run, its profile kept as JSON. */
final class RunStore {
    private static final String COLUMNS = "id, table_name, sampled_at, items_sampled, source, settings_json";

    private RunStore() {
    }

    /** A stored run and its profile, still as text. */
    record StoredProfile(long runId, String format, String json) {
    }

    static SampleRun save(Connection c, TableProfile profile, Map<String, String> settings, Instant recordedAt)
            throws SQLException {
        String sql = "INSERT INTO sample_run (table_name, sampled_at, items_sampled, source, settings_json, "
                + "profile_format, profile_json, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, profile.table());
            Sql.setInstant(ps, 2, profile.sampledAt());
            ps.setLong(3, profile.itemsSampled());
            ps.setString(4, profile.source());
            ps.setString(5, ProfileJson.writeSettings(settings));
            ps.setString(6, ProfileJson.FORMAT);
            ps.setString(7, ProfileJson.write(profile));
            Sql.setInstant(ps, 8, recordedAt);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new SampleRun(keys.getLong(1), profile.table(), profile.sampledAt(), profile.itemsSampled(),
                        profile.source(), settings);
            }
        }
    }

    /** The run of {@code table} stored at {@code recordedAt}, if one was. */
    static Optional<SampleRun> recordedAt(Connection c, String table, Instant recordedAt) throws SQLException {
        return Sql.query(c, "SELECT " + COLUMNS + " FROM sample_run WHERE table_name = ? AND recorded_at = ?",
                ps -> {
                    ps.setString(1, table);
                    Sql.setInstant(ps, 2, recordedAt);
                }, RunStore::run).stream().findFirst();
    }

    static List<SampleRun> runs(Connection c, String table) throws SQLException {
        return Sql.query(c, "SELECT " + COLUMNS + " FROM sample_run WHERE table_name = ? ORDER BY sampled_at, id",
                ps -> ps.setString(1, table), RunStore::run);
    }

    static Optional<StoredProfile> latest(Connection c, String table) throws SQLException {
        return Sql.query(c, "SELECT id, profile_format, profile_json FROM sample_run WHERE table_name = ? "
                        + "ORDER BY sampled_at DESC, id DESC FETCH FIRST ROW ONLY",
                ps -> ps.setString(1, table), RunStore::stored).stream().findFirst();
    }

    static Optional<StoredProfile> byId(Connection c, long runId) throws SQLException {
        return Sql.query(c, "SELECT id, profile_format, profile_json FROM sample_run WHERE id = ?",
                ps -> ps.setLong(1, runId), RunStore::stored).stream().findFirst();
    }

    static List<String> tables(Connection c) throws SQLException {
        return Sql.query(c, "SELECT DISTINCT table_name FROM sample_run ORDER BY table_name", ps -> { },
                rs -> rs.getString(1));
    }

    private static SampleRun run(ResultSet rs) throws SQLException {
        return new SampleRun(rs.getLong("id"), rs.getString("table_name"), Sql.getInstant(rs, "sampled_at"),
                rs.getLong("items_sampled"), rs.getString("source"),
                ProfileJson.readSettings(rs.getString("settings_json")));
    }

    private static StoredProfile stored(ResultSet rs) throws SQLException {
        return new StoredProfile(rs.getLong("id"), rs.getString("profile_format"), rs.getString("profile_json"));
    }
}
