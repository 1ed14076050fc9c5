package dev.veil.ui.event;

import dev.veil.ui.connect.Connection;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed, said by the view model that changed it, so each page reloads only what the change
 * touches: one table's decisions, one table's policy, one table's sample, a waiver, the connection.
 * Published and delivered on the UI thread through {@link ConsoleEvents}.
 */
public sealed interface ConsoleEvent {

    /** A change to one table's state in the workspace or the policy store. */
    sealed interface OfTable extends ConsoleEvent {
        String table();
    }

    /** Decisions of {@code table} were recorded: a tag, an accepted suggestion, an undo. */
    record DecisionsChanged(String table) implements OfTable {
        public DecisionsChanged {
            Objects.requireNonNull(table, "table");
        }
    }

    /** {@code table} has a new published policy version. */
    record PolicyPublished(String table, int version) implements OfTable {
        public PolicyPublished {
            Objects.requireNonNull(table, "table");
        }
    }

    /** {@code table} has a new stored sample (sampled from the Tables page or by a drift audit). */
    record TableSampled(String table) implements OfTable {
        public TableSampled {
            Objects.requireNonNull(table, "table");
        }
    }

    /** A waiver of a finding about {@code table} was written into the policy store. */
    record WaiverChanged(String table) implements OfTable {
        public WaiverChanged {
            Objects.requireNonNull(table, "table");
        }
    }

    /** The console opened another connection (or closed it): every page starts over. */
    record ConnectionChanged(Optional<Connection> connection) implements ConsoleEvent {
        public ConnectionChanged {
            Objects.requireNonNull(connection, "connection");
        }
    }
}
