package dev.veil.app;

import dev.veil.model.EntityProfile;
import dev.veil.model.TableProfile;

/** An entity of a table seen as a table of its own, so that table-wide rules apply to it alone. */
final class EntityViews {

    private EntityViews() {
    }

    /** {@code entity}'s items as a profile of their own (same table, key, coverage and indexes). */
    static TableProfile asTable(TableProfile table, EntityProfile entity) {
        return new TableProfile(table.table(), table.source(), table.sampledAt(), entity.itemsSampled(),
                table.keySchema(), entity.attributes(), table.coverage(), table.indexes());
    }
}
