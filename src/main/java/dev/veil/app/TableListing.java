package dev.veil.app;

import dev.veil.dynamo.TableCatalog;
import dev.veil.model.TableInfo;
import dev.veil.model.TableProfile;
import dev.veil.work.Cancellation;
import dev.veil.work.Progress;
import dev.veil.work.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The account's tables with key schema, item count, indexes and Veil's badges. */
public final class TableListing {

    private final Veil veil;

    TableListing(Veil veil) {
        this.veil = veil;
    }

    /** Every table, described, with its policy version and unreviewed count. */
    public List<TableOverview> list(ProgressListener progress, Cancellation cancel) {
        return Failures.translate(() -> {
            TableCatalog catalog = new TableCatalog(veil.dynamo());
            List<String> names = catalog.tableNames();
            List<TableOverview> out = new ArrayList<>();
            for (String name : names) {
                if (cancel.isRequested()) {
                    throw new CancelledException("listing tables was cancelled");
                }
                progress.onProgress(new Progress(out.size(), names.size(), "describing " + name));
                out.add(badges(catalog.describe(name)));
            }
            progress.onProgress(new Progress(names.size(), names.size(), names.size() + " tables"));
            return out;
        });
    }

    /** One table, described. */
    public TableOverview describe(String table) {
        return Failures.translate(() -> badges(new TableCatalog(veil.dynamo()).describe(table)));
    }

    /**
     * A table described earlier, with Veil's badges read afresh from the workspace and the policy
     * store only: what a change of decisions, a sample or a publishing needs, without DynamoDB.
     */
    public TableOverview overview(TableInfo info) {
        return Failures.translate(() -> badges(info));
    }

    private TableOverview badges(TableInfo info) {
        Optional<Integer> version = veil.publishing().latestVersion(info.name());
        Optional<TableProfile> profile = veil.workspace().latestProfile(info.name());
        int unreviewed = (int) veil.reviewing().rowsOf(info.name()).stream().filter(ReviewRow::unreviewed).count();
        return new TableOverview(info, version, unreviewed, profile.map(TableProfile::sampledAt),
                profile.map(TableProfile::itemsSampled).orElse(0L));
    }
}
