package dev.veil.workspace;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger that refuses every UPDATE and DELETE on the tables that are history (the audit log
 * and the sampling runs), so that not even a hand-written statement can rewrite the past.
 * Migration V1 attaches it by this class name: keep the name.
 */
public final class AppendOnlyTrigger implements Trigger {
    private String table = "?";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("table " + table + " is append-only: its rows are history and are never "
                + "updated or deleted; record a new row instead", "42000");
    }
}
