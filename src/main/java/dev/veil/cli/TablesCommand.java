package dev.veil.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.work.Cancellation;
import dev.veil.app.TableOverview;
import dev.veil.app.Veil;
import dev.veil.model.IndexInfo;
import dev.veil.model.KeySchema;
import dev.veil.model.TableInfo;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code veil tables}: the account's tables with key schema, item count and indexes. */
@Command(name = "tables", description = "List tables with key schema, item count, indexes and policy status.")
final class TablesCommand extends BaseCommand {

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    protected int doCall() {
        try (Veil veil = openVeil()) {
            List<TableOverview> tables = veil.tables().list(new ProgressPrinter(this), Cancellation.none());
            if (json) {
                ObjectNode root = Json.object();
                ArrayNode arr = root.putArray("tables");
                tables.forEach(t -> arr.add(tableJson(t)));
                Json.print(out(), root);
            } else if (tables.isEmpty()) {
                out().println("No tables at " + veil.settings().endpoint().map(Object::toString).orElse("AWS") + ".");
            } else {
                TextTable table = new TextTable("TABLE", "KEY", "ITEMS", "INDEXES", "POLICY", "UNREVIEWED");
                for (TableOverview t : tables) {
                    table.row(t.name(), keyText(t.info().keySchema()), t.itemsEstimate(),
                            t.info().indexes().isEmpty() ? "-" : t.info().indexes().stream()
                                    .map(i -> i.name() + " (" + i.kind().shortName() + ")")
                                    .collect(Collectors.joining(", ")),
                            t.policyVersion().map(v -> "v" + v).orElse("none"),
                            t.lastSampled().isPresent() ? String.valueOf(t.unreviewed()) : "not sampled");
                }
                table.print(out());
            }
            return ExitCodes.OK;
        }
    }

    static String keyText(KeySchema k) {
        return k.partitionKey().name() + " " + k.partitionKey().type().code()
                + k.sortKey().map(s -> " / " + s.name() + " " + s.type().code()).orElse("");
    }

    private static ObjectNode tableJson(TableOverview t) {
        TableInfo info = t.info();
        ObjectNode n = Json.object();
        n.put("name", info.name());
        n.set("keySchema", SampleJson.keySchema(Optional.of(info.keySchema())));
        n.put("itemCount", info.itemCount());
        n.put("sizeBytes", info.sizeBytes());
        n.put("status", info.status());
        ArrayNode idx = n.putArray("indexes");
        for (IndexInfo i : info.indexes()) {
            ObjectNode in = idx.addObject();
            in.put("name", i.name());
            in.put("kind", i.kind().shortName());
            in.set("keySchema", SampleJson.keySchema(Optional.of(i.keySchema())));
            in.put("projection", i.projection().name());
            ArrayNode nk = in.putArray("nonKeyAttributes");
            i.nonKeyAttributes().forEach(nk::add);
        }
        n.put("policyVersion", t.policyVersion().orElse(null));
        // null, not 0, for a table never sampled: nobody knows what in it is unreviewed
        if (t.unreviewedIfSampled().isPresent()) {
            n.put("unreviewed", t.unreviewedIfSampled().getAsInt());
        } else {
            n.putNull("unreviewed");
        }
        n.put("itemsSampled", t.itemsSampled());
        n.put("lastSampled", t.lastSampled().map(Object::toString).orElse(null));
        return n;
    }
}
