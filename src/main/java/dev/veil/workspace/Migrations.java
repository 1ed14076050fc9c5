package dev.veil.workspace;

import dev.veil.model.Setting;
import dev.veil.workspace.WorkspaceException.Problem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Brings a workspace's schema up to date with Flyway. Each kind of database reads its own folder
 * under {@code db/migration} ({@code h2}, {@code postgresql}) plus {@code common}: the first
 * version needed each database's own way of making history append-only, so it exists in both
 * dialects; a later version that both databases understand goes into {@code common} once.
 */
final class Migrations {
    static final String ROOT = "db/migration";
    static final String COMMON = "common";
    /**
     * The file names of every migration this Veil ships, in version order ({@code MigrationsLayoutTest}
     * keeps it equal to the files), each in a dialect's folder or in {@code common}.
     */
    static final List<String> SHIPPED_SCRIPTS = List.of("V1__runs_and_audit_log.sql", "V2__publish_log.sql",
            "V3__entities.sql", "V4__retractions.sql", "V5__entity_corrections.sql");
    /**
     * The versions of {@link #SHIPPED_SCRIPTS}. A workspace whose history lists exactly these, all
     * applied, is up to date, and opening it skips Flyway, which costs about half of a short
     * command's start-up.
     */
    static final List<String> SHIPPED_VERSIONS = SHIPPED_SCRIPTS.stream().map(FreshSchema::version).toList();

    private Migrations() {
    }

    /** Migrates the schema at {@code dataSource}, reading {@code dialect}'s folder and the common one. */
    static void migrate(DataSource dataSource, String dialect, WorkspaceLocation location,
                        Function<FlywayException, WorkspaceException> damaged) {
        if (upToDate(dataSource)) {
            return;
        }
        if (dialect.equals("h2") && createdFresh(dataSource, damaged)) {
            return;
        }
        Flyway flyway = flyway(dataSource, dialect);
        try {
            MigrationInfo[] future = Arrays.stream(flyway.info().applied())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                    .toArray(MigrationInfo[]::new);
            if (future.length > 0) {
                throw new WorkspaceException(Problem.NEWER_VERSION, location, "workspace " + location + " was written "
                        + "by a newer Veil (schema version " + future[future.length - 1].getVersion() + "); this Veil "
                        + "knows schema versions up to " + latestKnown(flyway) + ": upgrade Veil, or choose "
                        + "another workspace", null, Set.of(Setting.WORKSPACE));
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw damaged.apply(e);
        }
    }

    /** Flyway over {@code dataSource}, reading {@code dialect}'s folder and the common one. */
    static Flyway flyway(DataSource dataSource, String dialect) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + ROOT + "/" + dialect, "classpath:" + ROOT + "/" + COMMON)
                .placeholderReplacement(false)
                .load();
    }

    /**
     * Whether the schema history lists exactly the shipped versions, each applied successfully. Any
     * doubt (no history yet, a failed or unknown version, an unreadable table) answers no, and
     * Flyway then migrates, validates or explains as usual.
     */
    static boolean upToDate(DataSource dataSource) {
        List<String> applied = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement()) {
            // Asked first so that a new database is not queried for a table it lacks: H2 writes every
            // failed statement to a trace file beside the workspace.
            try (ResultSet tables = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_NAME = '" + FreshSchema.HISTORY + "'")) {
                if (!tables.next() || tables.getLong(1) == 0) {
                    return false;
                }
            }
            try (ResultSet rows = s.executeQuery("SELECT \"version\", \"success\" FROM \"" + FreshSchema.HISTORY + "\""
                    + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
                while (rows.next()) {
                    if (!rows.getBoolean(2)) {
                        return false;
                    }
                    applied.add(rows.getString(1));
                }
            }
        } catch (SQLException unreadable) {
            return false;
        }
        return applied.equals(SHIPPED_VERSIONS);
    }

    /**
     * Creates an empty H2 database's schema without Flyway ({@link FreshSchema}); false, and nothing
     * done, when the database already holds a table, which Flyway then migrates or explains.
     */
    private static boolean createdFresh(DataSource dataSource, Function<FlywayException, WorkspaceException> damaged) {
        try (Connection c = dataSource.getConnection()) {
            if (!FreshSchema.isEmpty(c)) {
                return false;
            }
            FreshSchema.create(c, scripts("h2"));
            return true;
        } catch (SQLException e) {
            throw damaged.apply(new FlywayException("creating the schema of a new workspace failed: " + e.getMessage(), e));
        }
    }

    /** The resource path of each shipped migration for {@code dialect}: its own folder's, else common's. */
    static List<String> scripts(String dialect) {
        List<String> out = new ArrayList<>();
        for (String file : SHIPPED_SCRIPTS) {
            String own = ROOT + "/" + dialect + "/" + file;
            out.add(Migrations.class.getClassLoader().getResource(own) != null ? own : ROOT + "/" + COMMON + "/" + file);
        }
        return out;
    }

    private static String latestKnown(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
                .reduce((a, b) -> b).map(m -> m.getVersion().toString()).orElse("?");
    }
}
