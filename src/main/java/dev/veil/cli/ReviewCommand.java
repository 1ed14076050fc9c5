package dev.veil.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.app.ReviewRow;
import dev.veil.app.Veil;
import dev.veil.model.Decision;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code veil review}: each path's decision next to the current suggestion. */
@Command(name = "review", description = {
    "List each attribute's decision next to the current suggestion.",
    "Marks what is unreviewed, new since the last decision, or disagrees with the suggestion."})
final class ReviewCommand extends BaseCommand {

    @Parameters(paramLabel = "TABLE", description = "The table.")
    String table;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--entity", paramLabel = "E",
            description = "Only this entity of a single-table design (default: every entity, when it has any).")
    String entity;

    /** Each row with the entity it belongs to (empty: the table as a whole). */
    private record Entry(String entity, ReviewRow row) {
    }

    private List<Entry> entries(Veil veil) {
        List<Entry> out = new java.util.ArrayList<>();
        if (entity != null) {
            veil.entities().rows(table, entity).forEach(r -> out.add(new Entry(entity, r)));
            return out;
        }
        List<String> names = veil.entities().governedPerEntity(table) ? veil.entities().names(table) : List.of();
        if (names.isEmpty()) {
            veil.reviewing().rows(table).forEach(r -> out.add(new Entry("", r)));
        }
        for (String name : names) {
            veil.entities().rows(table, name).forEach(r -> out.add(new Entry(name, r)));
        }
        return out;
    }

    @Override
    protected int doCall() {
        try (Veil veil = openVeil()) {
            List<Entry> entries = entries(veil);
            List<ReviewRow> rows = entries.stream().map(Entry::row).toList();
            boolean withEntities = entries.stream().anyMatch(e -> !e.entity().isEmpty());
            if (json) {
                Json.print(out(), json(entries));
                return ExitCodes.OK;
            }
            if (rows.isEmpty()) {
                out().println("Nothing to review for " + table + ": sample it first (veil sample " + table + ").");
                return ExitCodes.OK;
            }
            TextTable t = withEntities
                    ? new TextTable("ENTITY", "PATH", "STATUS", "DECISION", "FROM", "REVIEWER", "DECIDED", "SUGGESTION",
                            "NOTE")
                    : new TextTable("PATH", "STATUS", "DECISION", "FROM", "REVIEWER", "DECIDED", "SUGGESTION", "NOTE");
            for (Entry e : entries) {
                ReviewRow r = e.row();
                List<Object> cells = new java.util.ArrayList<>();
                if (withEntities) {
                    cells.add(e.entity());
                }
                cells.addAll(List.of(r.path(), r.status(),
                        r.decision().map(d -> d.classification().label()).orElse("-"),
                        r.decision().isEmpty() ? "" : r.policyVersion().map(v -> "policy v" + v).orElse("workspace"),
                        r.decision().map(Decision::reviewer).orElse(""),
                        r.decision().map(d -> d.decidedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()).orElse(""),
                        r.suggestion().map(s -> s.classification().label() + String.format(" (%.2f)", s.confidence()))
                                .orElse("-"),
                        r.decision().map(Decision::note).orElse("")));
                t.row(cells.toArray());
            }
            t.print(out());
            long unreviewed = rows.stream().filter(ReviewRow::unreviewed).count();
            long disagree = rows.stream().filter(ReviewRow::disagrees).count();
            long published = rows.stream().filter(ReviewRow::fromPolicy).count();
            out().printf("%n%d paths: %d unreviewed, %d where the suggestion disagrees with the decision.%n",
                    rows.size(), unreviewed, disagree);
            if (published > 0) {
                out().printf("%d decision%s come%s from the published policy (%s v%d): this workspace has not decided %s.%n",
                        published, published == 1 ? "" : "s", published == 1 ? "s" : "", table,
                        rows.stream().flatMap(r -> r.policyVersion().stream()).max(Integer::compareTo).orElse(0),
                        published == 1 ? "it" : "them");
            }
            return ExitCodes.OK;
        }
    }

    private ObjectNode json(List<Entry> entries) {
        ObjectNode root = Json.object();
        root.put("table", table);
        ArrayNode arr = root.putArray("attributes");
        for (Entry e : entries) {
            ReviewRow r = e.row();
            ObjectNode n = arr.addObject();
            n.put("path", r.path().toString());
            if (!e.entity().isEmpty()) {
                n.put("entity", e.entity());
            }
            n.put("status", r.status());
            n.put("unreviewed", r.unreviewed());
            n.put("newSinceLastDecision", r.newSinceDecision());
            n.put("disagreesWithSuggestion", r.disagrees());
            if (r.decision().isPresent()) {
                Decision d = r.decision().get();
                ObjectNode dn = n.putObject("decision");
                dn.put("class", d.classification().label());
                dn.put("reviewer", d.reviewer());
                dn.put("time", d.decidedAt().toString());
                dn.put("note", d.note());
                dn.put("source", r.decisionSource().orElseThrow());
                r.policyVersion().ifPresent(v -> dn.put("policyVersion", v));
            } else {
                n.putNull("decision");
            }
            n.set("suggestion", r.suggestion().map(SampleJson::suggestion).orElse(null));
            n.put("sampled", r.profile().isPresent());
        }
        return root;
    }
}
