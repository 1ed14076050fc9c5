package dev.veil.app;

import dev.veil.demo.DemoData;
import dev.veil.demo.DemoDecisions;
import dev.veil.policy.PolicyStore;
import dev.veil.work.Cancellation;
import dev.veil.work.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Produces the demo tables' published policies the way a steward would: sample each demo table
 * whole, record the reviewed decisions (and, for a table governed per entity, the owners) of
 * {@link DemoDecisions}, publish. With the same demo seed
 * the files come out byte for byte the same, which is how the repository's {@code policies/}
 * folder is kept honest.
 */
public final class DemoPolicies {

    /** Items read per table: more than any demo table holds, so the observed types are complete. */
    static final int SAMPLE_ALL = 20_000;

    private DemoPolicies() {
    }

    /** Samples, records and publishes every demo table through {@code veil}; returns the files written. */
    public static List<Path> publish(Veil veil) {
        List<Path> files = new ArrayList<>();
        for (String table : DemoData.TABLES) {
            veil.sampling().sample(SampleOptions.of(table, SAMPLE_ALL), ProgressListener.NONE, Cancellation.none());
            Failures.translate(() -> veil.workspace().record(DemoDecisions.forTable(table)));
            Failures.translate(() -> veil.workspace().record(DemoDecisions.forEntities(table)));
            DemoDecisions.owners(table).forEach(o -> Failures.run(() -> veil.workspace().recordOwner(o)));
            PublishRequest request = new PublishRequest(DemoDecisions.owner(table), false, DemoDecisions.REVIEWER,
                    "demo policy, from the demo data and the decisions kept in code");
            PublishOutcome outcome = veil.publishing().publish(table, request, DemoDecisions.REVIEWED_AT);
            outcome.published().ifPresent(p -> files.add(p.file()));
        }
        PolicyStore store = veil.policyStore();
        DemoData.TABLES.forEach(t -> files.add(store.changelog(t)));
        return files;
    }
}
