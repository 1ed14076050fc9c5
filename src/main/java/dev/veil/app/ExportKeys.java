package dev.veil.app;

import dev.veil.dynamo.TableCatalog;
import dev.veil.model.KeySchema;
import dev.veil.model.TableProfile;
import dev.veil.model.VeilFailure;
import dev.veil.workspace.SampleRun;
import dev.veil.workspace.Workspace;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Where an export's key attribute names come from. An export's manifest holds no key schema, yet
 * kinds of item told apart by the literal leading their keys need the key's names: they are the
 * ones the user named, else they come from the live table when it can be described, else from the
 * newest stored sampling run of the table that knew its key, else there are none and only marker
 * attributes tell kinds apart.
 *
 * @param schema the key schema, empty when neither source had one
 * @param origin where it came from
 */
record ExportKeys(Optional<KeySchema> schema, Origin origin) {

    /** The source of the key schema. */
    enum Origin {
        /** Named by the user: nothing was asked. */
        GIVEN,
        /** DescribeTable of the live table. */
        TABLE,
        /** The newest stored sampling run that recorded the table's key. */
        WORKSPACE,
        /** Neither: kinds of item are told apart by markers only. */
        NONE
    }

    /**
     * Starts looking for the keys of {@code table}: the {@code given} ones at once, else the live
     * table on a thread of its own, since building the SDK client and reaching (or failing to
     * reach) the table can take a second that opening the workspace and the export can use.
     * {@link Lookup#finish} then answers in the order of the record's description: the live table
     * (any failure to reach or describe it falls through, since the export is readable without
     * it), then the workspace.
     */
    static Lookup start(String table, Optional<KeySchema> given, Supplier<TableCatalog> catalog) {
        if (given.isPresent()) {
            return new Lookup(table, Optional.of(new ExportKeys(given, Origin.GIVEN)), Optional.empty());
        }
        FutureTask<Optional<ExportKeys>> describe = new FutureTask<>(() -> fromTable(table, catalog));
        Thread t = new Thread(describe, "veil-export-keys");
        t.setDaemon(true); // an unreachable endpoint never holds the process open
        t.start();
        return new Lookup(table, Optional.empty(), Optional.of(describe));
    }

    /** A key lookup under way; closing it abandons the table's answer if it has not come yet. */
    static final class Lookup implements AutoCloseable {
        private final String table;
        private final Optional<ExportKeys> given;
        private final Optional<FutureTask<Optional<ExportKeys>>> describe;

        private Lookup(String table, Optional<ExportKeys> given, Optional<FutureTask<Optional<ExportKeys>>> describe) {
            this.table = table;
            this.given = given;
            this.describe = describe;
        }

        /** The given keys, else waits for the live table's, else reads the workspace's. */
        ExportKeys finish(Workspace workspace) {
            if (given.isPresent()) {
                return given.get();
            }
            Optional<ExportKeys> live;
            try {
                live = describe.orElseThrow().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException("reading the export was interrupted; nothing was stored");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r; // a bug, not an unreachable table
                }
                throw new IllegalStateException("describing " + table + " failed", e.getCause());
            }
            return live.orElseGet(() -> fromWorkspace(table, workspace));
        }

        @Override
        public void close() {
            describe.ifPresent(d -> d.cancel(true));
        }
    }

    private static Optional<ExportKeys> fromTable(String table, Supplier<TableCatalog> catalog) {
        try {
            return Optional.of(new ExportKeys(Optional.of(catalog.get().describe(table).keySchema()), Origin.TABLE));
        } catch (RuntimeException e) {
            if (!(e instanceof VeilFailure)) {
                throw e; // a bug, not an unreachable table
            }
            return Optional.empty();
        }
    }

    private static ExportKeys fromWorkspace(String table, Workspace workspace) {
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
            case GIVEN -> "Key attribute names (" + names() + ") as given; kinds of item are told apart by marker "
                    + "attributes and by the literal leading their key values.";
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
