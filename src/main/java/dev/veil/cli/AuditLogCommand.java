package dev.veil.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.app.Veil;
import dev.veil.model.AuditEntry;
import dev.veil.model.Classification;
import dev.veil.model.EntityCorrection;
import dev.veil.model.PublishEntry;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code veil audit-log}: every decision ever recorded, oldest first. */
@Command(name = "audit-log", description = {"Every decision change: who, when, old class, new class, why.",
    "Then every policy version published from this workspace: who, when, why, how many changes widened exposure.",
    "Then every correction of a single-table design's entities (veil entity): who, when, what, why."})
final class AuditLogCommand extends BaseCommand {

    @Parameters(arity = "0..1", paramLabel = "TABLE", description = "Only this table.")
    String table;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    protected int doCall() {
        try (Veil veil = openVeil()) {
            List<AuditEntry> entries = veil.reviewing().auditLog(Optional.ofNullable(table));
            List<PublishEntry> publications = veil.publishing().publishLog(Optional.ofNullable(table));
            List<EntityCorrection> corrections = veil.entityEditing().log(Optional.ofNullable(table));
            if (json) {
                ObjectNode root = Json.object();
                ArrayNode arr = root.putArray("entries");
                for (AuditEntry e : entries) {
                    ObjectNode n = arr.addObject();
                    n.put("sequence", e.sequence());
                    n.put("table", e.table());
                    n.put("path", e.path().toString());
                    n.put("old", e.previous().map(Classification::label).orElse(null));
                    n.put("new", e.current().map(Classification::label).orElse(null));
                    n.put("reviewer", e.reviewer());
                    n.put("time", e.at().toString());
                    n.put("note", e.note());
                    n.put("source", e.source().label());
                }
                ArrayNode pubs = root.putArray("publications");
                for (PublishEntry e : publications) {
                    ObjectNode n = pubs.addObject();
                    n.put("sequence", e.sequence());
                    n.put("table", e.table());
                    n.put("version", e.version());
                    n.put("digest", e.digest());
                    n.put("by", e.publication().by());
                    n.put("time", e.publication().at().toString());
                    n.put("note", e.publication().note());
                    n.put("wideningChanges", e.wideningChanges());
                    n.put("store", e.store());
                }
                ArrayNode fixes = root.putArray("entityCorrections");
                corrections.forEach(c -> EntityCommand.correction(fixes.addObject(), c));
                Json.print(out(), root);
            } else if (entries.isEmpty() && publications.isEmpty() && corrections.isEmpty()) {
                out().println("The audit log is empty" + (table == null ? "." : " for " + table + "."));
            } else {
                TextTable t = new TextTable("#", "TIME", "TABLE", "PATH", "CHANGE", "REVIEWER", "NOTE");
                for (AuditEntry e : entries) {
                    t.row(e.sequence(), e.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), e.table(), e.path(),
                            AuditEntry.label(e.previous()) + " → " + AuditEntry.label(e.current()),
                            e.reviewer(), e.note());
                }
                t.print(out());
                if (!publications.isEmpty()) {
                    out().println();
                    TextTable pt = new TextTable("#", "TIME", "TABLE", "PUBLISHED", "WIDENING", "BY", "NOTE");
                    for (PublishEntry e : publications) {
                        pt.row(e.sequence(), e.publication().at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                                e.table(), "v" + e.version(), e.wideningChanges(), e.publication().by(),
                                e.publication().note());
                    }
                    pt.print(out());
                }
                if (!corrections.isEmpty()) {
                    out().println();
                    TextTable ct = new TextTable("#", "TIME", "TABLE", "ENTITY CORRECTION", "REVIEWER", "NOTE");
                    for (EntityCorrection c : corrections) {
                        ct.row(c.sequence(), c.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), c.table(),
                                c.describe(), c.reviewer(), c.note());
                    }
                    ct.print(out());
                }
            }
            return ExitCodes.OK;
        }
    }
}
