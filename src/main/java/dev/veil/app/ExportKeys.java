package dev.veil.app;

import dev.veil.dynamo.TableCatalog;
import dev.veil.model.KeySchema;
import dev.veil.model.TableProfile;
import dev.veil.model.VeilFailure;
import dev.veil.workspace.SampleRun;
import dev.veil.workspace.Workspace;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where an export's key attribute names come from. An export's manifest holds no key schema, yet
 * kinds of item told apart by the literal leading their keys need the key's names: they come from
 * the live table when it can be described, else from the newest stored sampling run of the table
 * that knew its key, else there are none and only marker attributes tell kinds apart.
 *
 * @param schema the key schema, empty when neither source had one
 * @param origin where it came from
 */
record ExportKeys(Optional<KeySchema> schema, Origin origin) {

    /** The source of the key schema. */
    enum Origin {
        /** DescribeTable of the live table. */
        TABLE,
        /** The newest stored sampling run that recorded the table's key. */
        WORKSPACE,
        /** Neither: kinds of item are told apart by markers only. */
        NONE
    }

    /**
     * Asks the live table first (any failure to reach or describe it falls through, since the
     * export is readable without it), then the workspace.
     */
    static ExportKeys find(String table, Supplier<TableCatalog> catalog, Workspace workspace) {
        try {
            return new ExportKeys(Optional.of(catalog.get().describe(table).keySchema()), Origin.TABLE);
        } catch (RuntimeException e) {
            if (!(e instanceof VeilFailure)) {
                throw e; // a bug, not an unreachable table
            }
        }
        Optional<TableProfile> latest = workspace.latestProfile(table);
        if (latest.isPresent() && latest.get().keySchema().isPresent()) {
            return new ExportKeys(latest.get().keySchema(), Origin.WORKSPACE);
        }
        List<SampleRun> runs = workspace.runs(table);
        for (int i = runs.size() - 1; i >= 0; i--) {
            Optional<KeySchema> keys = workspace.profile(runs.get(i).id()).keySchema();
            if (keys.isPresent()) {
                return new ExportKeys(keys, Origin.WORKSPACE);
            }
        }
        return new ExportKeys(Optional.empty(), Origin.NONE);
    }

    /** One sentence for the person who sampled, saying how kinds of item were told apart. */
    String note() {
        return switch (origin) {
            case TABLE -> "Key attribute names (" + names() + ") from the live table; kinds of item are told "
                    + "apart by marker attributes and by the literal leading their key values.";
            case WORKSPACE -> "The live table could not be described; key attribute names (" + names()
                    + ") from the newest stored sampling run of the table; kinds of item are told apart by "
                    + "marker attributes and by the literal leading their key values.";
            case NONE -> "The live table could not be described and no stored sampling run of it records its key, "
                    + "so kinds of item are told apart by marker attributes only. Sample the table once, or make "
                    + "it reachable, to tell kinds apart by their key prefixes too.";
        };
    }

    private String names() {
        KeySchema k = schema.orElseThrow();
        return k.partitionKey().name() + k.sortKey().map(s -> ", " + s.name()).orElse("");
    }
}
