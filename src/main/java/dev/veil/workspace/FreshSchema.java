package dev.veil.workspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.h2.util.ScriptReader;

/**
 * Creates the schema of a fresh H2 workspace exactly as Flyway's first {@code migrate} would: its
 * schema history table, the row Flyway writes on creating it, then each shipped migration in
 * order, each followed by its history row (same description, script, checksum and user). Flyway
 * costs about a CPU second there (its configuration, class-path scanning, {@code info}), and a
 * workspace is created by every CI step that starts from nothing. Flyway remains the migration
 * tool: it finds this history as its own on the next version's migration, and validates it.
 */
final class FreshSchema {
    static final String HISTORY = "flyway_schema_history";
    private static final String CREATED = "<< Flyway Schema History table created >>";

    private FreshSchema() {
    }

    /** Whether the database holds no table of its own yet (nothing to migrate from, nothing to lose). */
    static boolean isEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            rows.next();
            return rows.getLong(1) == 0;
        }
    }

    /**
     * Creates the history table and applies {@code scripts} (resource paths, in version order),
     * committing each migration with its history row as Flyway does, so that a run cut short
     * leaves what Flyway's would have.
     */
    static void create(Connection c, List<String> scripts) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            String user = currentUser(c);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE \"PUBLIC\".\"" + HISTORY + "\" (\n"
                        + "    \"installed_rank\" INT NOT NULL CONSTRAINT \"" + HISTORY + "_pk\" PRIMARY KEY,\n"
                        + "    \"version\" VARCHAR(50),\n"
                        + "    \"description\" VARCHAR(200) NOT NULL,\n"
                        + "    \"type\" VARCHAR(20) NOT NULL,\n"
                        + "    \"script\" VARCHAR(1000) NOT NULL,\n"
                        + "    \"checksum\" INT,\n"
                        + "    \"installed_by\" VARCHAR(100) NOT NULL,\n"
                        + "    \"installed_on\" TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,\n"
                        + "    \"execution_time\" INT NOT NULL,\n"
                        + "    \"success\" BOOLEAN NOT NULL\n"
                        + ")");
                s.execute("CREATE INDEX \"PUBLIC\".\"" + HISTORY + "_s_idx\" ON \"PUBLIC\".\"" + HISTORY
                        + "\" (\"success\")");
            }
            record(c, -1, null, CREATED, "TABLE", "", null, user, 0);
            c.commit();
            int rank = 1;
            for (String script : scripts) {
                String text = read(script);
                long start = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(text)) {
                        s.execute(sql);
                    }
                }
                int millis = (int) ((System.nanoTime() - start) / 1_000_000);
                String file = script.substring(script.lastIndexOf('/') + 1);
                record(c, rank++, version(file), description(file), "SQL", file, checksum(text), user, millis);
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** Creates the schema over a connection of its own from {@code dataSource}. */
    static void create(DataSource dataSource, List<String> scripts) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            create(c, scripts);
        }
    }

    /** Flyway's checksum of a script: CRC-32 of its lines' UTF-8 bytes, without line ends or a BOM. */
    static int checksum(String text) {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
        return (int) crc.getValue();
    }

    /** {@code V12__add_thing.sql} → {@code 12}. */
    static String version(String file) {
        return file.substring(1, file.indexOf("__"));
    }

    /** {@code V12__add_thing.sql} → {@code add thing}, as Flyway describes a migration. */
    static String description(String file) {
        return file.substring(file.indexOf("__") + 2, file.length() - ".sql".length()).replace('_', ' ');
    }

    private static List<String> statements(String text) {
        List<String> out = new ArrayList<>();
        try (ScriptReader reader = new ScriptReader(new StringReader(text))) {
            for (String sql = reader.readStatement(); sql != null; sql = reader.readStatement()) {
                if (!sql.isBlank()) {
                    out.add(sql);
                }
            }
        }
        return out;
    }

    private static String currentUser(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT CURRENT_USER")) {
            r.next();
            return r.getString(1);
        }
    }

    private static void record(Connection c, int rank, String version, String description, String type,
                               String script, Integer checksum, String user, int millis) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO \"PUBLIC\".\"" + HISTORY + "\" (\"installed_rank\", "
                + "\"version\", \"description\", \"type\", \"script\", \"checksum\", \"installed_by\", "
                + "\"execution_time\", \"success\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE)")) {
            p.setInt(1, rank);
            p.setString(2, version);
            p.setString(3, description);
            p.setString(4, type);
            p.setString(5, script);
            if (checksum == null) {
                p.setNull(6, java.sql.Types.INTEGER);
            } else {
                p.setInt(6, checksum);
            }
            p.setString(7, user);
            p.setInt(8, millis);
            p.executeUpdate();
        }
    }

    private static String read(String resource) {
        try (InputStream in = FreshSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the migration " + resource + " is missing from this Veil's jar");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                StringBuilder text = new StringBuilder();
                char[] buffer = new char[8192];
                for (int n = r.read(buffer); n >= 0; n = r.read(buffer)) {
                    text.append(buffer, 0, n);
                }
                return text.toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the migration " + resource, e);
        }
    }
}
