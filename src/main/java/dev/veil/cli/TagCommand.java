package dev.veil.cli;

import dev.veil.app.ReviewRow;
import dev.veil.app.Reviewing;
import dev.veil.app.UnknownPathException;
import dev.veil.app.Veil;
import dev.veil.app.VeilException;
import dev.veil.model.AttributePath;
import dev.veil.model.AuditEntry;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code veil tag}: record a reviewer's decision, or accept suggestions in bulk. */
@Command(name = "tag", description = {
    "Record a reviewer's decision, or accept suggestions in bulk.",
    "veil tag TABLE PATH public|owner-only|secret [--reviewer R] [--note T] [--new-path] [--entity E]",
    "A PATH that no stored sample and no published version holds is refused unless --new-path.",
    "veil tag TABLE PATH unreviewed: take this workspace's decision back (the published class, if any, stands again).",
    "veil tag TABLE --accept-suggestions [--min-confidence X] [--entity E]"})
final class TagCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Parameters(index = "1", arity = "0..1", paramLabel = "PATH",
            description = "Attribute path, e.g. email, address.city, orders[].total, \"weird.name\".")
    String path;

    @Parameters(index = "2", arity = "0..1", paramLabel = "CLASS", description = "public, owner-only or secret; unreviewed takes the decision back.")
    String classLabel;

    @Option(names = "--accept-suggestions", description = "Accept every suggestion for unreviewed paths.")
    boolean acceptSuggestions;

    @Option(names = "--min-confidence", paramLabel = "X", defaultValue = "0.8",
            description = "With --accept-suggestions: only suggestions at least this confident (default: ${DEFAULT-VALUE}).")
    double minConfidence;

    @Option(names = "--reviewer", paramLabel = "R", description = "Who decides (default: the operating-system user).")
    String reviewer;

    @Option(names = "--note", paramLabel = "T", defaultValue = "", description = "Why.")
    String note;

    @Option(names = "--new-path", description = "Record a decision for a path that no sample or policy holds yet.")
    boolean newPath;

    @Option(names = "--entity", paramLabel = "E", description = "Decide for this entity of a single-table design.")
    String entity;

    /** The CLASS word that takes a decision back. */
    static final String UNREVIEWED = "unreviewed";

    @Override
    protected int doCall() {
        String who = reviewer == null || reviewer.isBlank() ? Reviewing.defaultReviewer() : reviewer.strip();
        try (Veil veil = openVeil()) {
            if (acceptSuggestions) {
                if (path != null) {
                    throw VeilException.badInput("give either PATH and CLASS or --accept-suggestions, not both");
                }
                List<AuditEntry> entries = entity != null
                        ? veil.entities().acceptSuggestions(table, entity, minConfidence, who)
                        : veil.reviewing().acceptSuggestions(table, minConfidence, who);
                out().printf("Accepted %d suggestion%s for %s (confidence >= %.2f), recorded as %s.%n",
                        entries.size(), entries.size() == 1 ? "" : "s", table, minConfidence, who);
                entries.forEach(e -> out().println("  " + e.path() + " → " + AuditEntry.label(e.current())));
                return ExitCodes.OK;
            }
            if (path == null || classLabel == null) {
                throw VeilException.badInput("missing PATH and CLASS: veil tag " + table
                        + " PATH public|owner-only|secret, or veil tag " + table + " --accept-suggestions");
            }
            AttributePath attribute = AttributePath.parse(path);
            if (UNREVIEWED.equals(classLabel)) {
                return clear(veil, attribute, who);
            }
            Classification cls = Classification.fromLabel(classLabel).orElseThrow(() -> VeilException.badInput(
                    "unknown class '" + classLabel + "'; use one of: " + Classification.labels()
                            + ", or " + UNREVIEWED + " to take a decision back"));
            if (entity != null) {
                return tagEntity(veil, attribute, cls, who);
            }
            Optional<Decision> published = veil.reviewing().rows(table).stream()
                    .filter(r -> r.path().equals(attribute) && r.fromPolicy())
                    .findFirst().flatMap(ReviewRow::decision);
            List<AuditEntry> entries;
            try {
                entries = veil.reviewing().tag(table, List.of(attribute), cls, who, note, newPath);
            } catch (UnknownPathException e) {
                err().println("veil: " + e.getMessage());
                err().println("To decide a path that no sample has seen yet, run the same command with --new-path.");
                err().flush();
                return ExitCodes.BAD_INPUT;
            }
            if (newPath && !veil.reviewing().hasBeenSampled(table)) {
                progress("Note: " + table + " has not been sampled in this workspace; the decision is recorded ahead of time.");
            }
            if (entries.isEmpty()) {
                out().println(table + " " + attribute + " is already " + cls.label() + " with the same note; nothing changed.");
            } else {
                AuditEntry e = entries.get(0);
                String before = e.previous().map(Classification::label).or(() -> published.map(d -> d.classification().label()
                        + " (published)")).orElse("unreviewed");
                out().println(table + " " + attribute + ": " + before + " → " + cls.label() + " (by " + who + ")");
            }
            return ExitCodes.OK;
        }
    }

    private int tagEntity(Veil veil, AttributePath attribute, Classification cls, String who) {
        Optional<Decision> before = veil.entities().rows(table, entity).stream()
                .filter(r -> r.path().equals(attribute)).findFirst().flatMap(ReviewRow::decision);
        List<AuditEntry> entries;
        try {
            entries = veil.entities().tag(table, entity, List.of(attribute), cls, who, note, newPath);
        } catch (UnknownPathException e) {
            err().println("veil: " + e.getMessage());
            err().println("To decide a path that no sample has seen yet, run the same command with --new-path.");
            err().flush();
            return ExitCodes.BAD_INPUT;
        }
        if (entries.isEmpty()) {
            out().println(table + " " + entity + " " + attribute + " is already " + cls.label()
                    + " with the same note; nothing changed.");
        } else {
            out().println(table + " " + entity + " " + attribute + ": "
                    + before.map(d -> d.classification().label()).orElse("unreviewed") + " → " + cls.label()
                    + " (by " + who + ")");
        }
        return ExitCodes.OK;
    }

    private int clear(Veil veil, AttributePath attribute, String who) {
        try {
            veil.reviewing().clear(table, List.of(attribute), who, note);
        } catch (UnknownPathException e) {
            err().println("veil: " + e.getMessage());
            err().flush();
            return ExitCodes.BAD_INPUT;
        }
        String now = veil.reviewing().rows(table).stream().filter(r -> r.path().equals(attribute)).findFirst()
                .flatMap(r -> r.decision().filter(d -> r.fromPolicy())
                        .map(d -> d.classification().label() + " (published v" + r.policyVersion().orElseThrow() + ")"))
                .orElse(UNREVIEWED);
        out().println(table + " " + attribute + ": back to " + now + " (by " + who + ")");
        return ExitCodes.OK;
    }
}
