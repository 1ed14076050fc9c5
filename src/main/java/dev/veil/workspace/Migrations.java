package dev.veil.workspace;

import dev.veil.workspace.WorkspaceException.Problem;
import java.util.Arrays;
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

    private Migrations() {
    }

    /** Migrates the schema at {@code dataSource}, reading {@code dialect}'s folder and the common one. */
    static void migrate(DataSource dataSource, String dialect, WorkspaceLocation location,
                        Function<FlywayException, WorkspaceException> damaged) {
        Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:" + ROOT + "/" + dialect, "classpath:" + ROOT + "/" + COMMON)
                .placeholderReplacement(false)
                .load();
        try {
            MigrationInfo[] future = Arrays.stream(flyway.info().applied())
                    .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                    .toArray(MigrationInfo[]::new);
            if (future.length > 0) {
                throw new WorkspaceException(Problem.NEWER_VERSION, location, "workspace " + location + " was written "
                        + "by a newer Veil (schema version " + future[future.length - 1].getVersion() + "); this Veil "
                        + "knows schema versions up to " + latestKnown(flyway) + ": upgrade Veil, or pass --workspace "
                        + "DIR (or set VEIL_WORKSPACE) to another workspace", null);
            }
            flyway.migrate();
        } catch (FlywayException e) {
            throw damaged.apply(e);
        }
    }

    private static String latestKnown(Flyway flyway) {
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED)
                .reduce((a, b) -> b).map(m -> m.getVersion().toString()).orElse("?");
    }
}
