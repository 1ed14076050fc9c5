package dev.veil.cli;

import dev.veil.work.Cancellation;
import dev.veil.app.SampleOptions;
import dev.veil.app.SampleOutcome;
import dev.veil.app.Veil;
import dev.veil.model.AttributeProfile;
import dev.veil.model.EntityProfile;
import dev.veil.model.SampleCoverage;
import dev.veil.model.Suggestion;
import dev.veil.model.TableProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code veil sample}: sample a table or an export, infer every attribute, store the profile. */
@Command(name = "sample", description = {
    "Sample a table and infer every attribute, nested ones included.",
    "Spreads reads over the whole key space, suggests a class for each attribute and stores the "
        + "profile in the workspace. No raw value is printed or stored."})
final class SampleCommand extends BaseCommand {

    @Parameters(paramLabel = "TABLE", description = "The table (with --from-export: the name to store the profile under).")
    String table;

    @Option(names = "--items", paramLabel = "N",
            description = "Sample at most N items (default: " + SampleOptions.DEFAULT_ITEMS
                    + "; with --from-export, the whole export).")
    Integer items;

    @Option(names = "--until-stable", description = "Stop early once new attribute paths stop appearing.")
    boolean untilStable;

    @Option(names = "--max-rcu", paramLabel = "R", description = "Read at most R capacity units per second.")
    Double maxRcu;

    @Option(names = "--from-export", paramLabel = "DIR|s3://BUCKET/PREFIX",
            description = {"Read a DynamoDB Export-to-S3 export (DYNAMODB_JSON or ION, full or incremental) "
                + "instead of the live table: a downloaded folder, or in place in S3 (AWS_ENDPOINT_URL_S3 "
                + "for another endpoint)."})
    String fromExport;

    @Option(names = "--from-profile", paramLabel = "FILE",
            description = "Store a profile written by the Spark job (dev.veil.spark.ProfileExport) as a sampling run.")
    Path fromProfile;

    @Option(names = "--marker", paramLabel = "ATTRIBUTE",
            description = "An attribute that names each item's kind (single-table designs), trusted before the "
                    + "standard markers (__edb_e__, _et, _type, __typename, type, entity_type). Repeatable.")
    List<String> markers = new ArrayList<>();

    @Option(names = "--keys", paramLabel = "PK[,SK]",
            description = {"With --from-export: the table's partition key (and sort key) names, which tell kinds "
                + "of item apart by their key prefixes; without it they are asked of the live table, else of the "
                + "newest stored sampling run."})
    String keys;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    protected int doCall() {
        if (fromExport != null && fromProfile != null) {
            throw new ParameterException(spec.commandLine(), "give either --from-export or --from-profile, not both");
        }
        int limit = items != null ? items : fromExport != null ? SampleOptions.ALL : SampleOptions.DEFAULT_ITEMS;
        if (fromExport != null && maxRcu != null) {
            throw new ParameterException(spec.commandLine(), "--max-rcu applies to a live table, not to --from-export");
        }
        if (fromExport == null && keys != null) {
            throw new ParameterException(spec.commandLine(), "--keys applies to --from-export (a live table has its "
                    + "own key schema, a profile file its own)");
        }
        SampleOptions options = fromExport != null
                ? SampleOptions.ofExport(table, limit, untilStable, fromExport, root().env())
                : new SampleOptions(table, limit, untilStable,
                        maxRcu == null ? OptionalDouble.empty() : OptionalDouble.of(maxRcu), Optional.empty());
        // Split keeping empty names ("pk," names an empty sort key), which the options refuse.
        options = options.withMarkers(markers).withKeys(keys == null ? List.of() : List.of(keys.split(",", -1)));
        try (Veil veil = openVeil()) {
            SampleOutcome outcome;
            if (fromProfile != null) {
                progress("Storing the profile in " + fromProfile + " as a sampling run of " + table + " …");
                outcome = veil.sampling().importProfile(table, fromProfile);
            } else {
                progress("Sampling " + table + (fromExport != null ? " from export " + fromExport : "") + " …");
                outcome = veil.sampling().sample(options, new ProgressPrinter(this), Cancellation.none());
            }
            if (json) {
                Json.print(out(), SampleJson.of(outcome.profile(), outcome.suggestions(), outcome.entitySuggestions()));
            } else {
                printHuman(outcome);
            }
            return ExitCodes.OK;
        }
    }

    private void printHuman(SampleOutcome outcome) {
        TableProfile p = outcome.profile();
        SampleCoverage c = p.coverage();
        out().printf("%s: %,d items sampled%s, %,d item collections, %d attribute paths%s%n", p.table(),
                p.itemsSampled(), c.totalSegments() > 0
                        ? String.format(" from %d of %d segments", c.segmentsRead(), c.totalSegments()) : "",
                c.collectionsTouched(), p.attributes().size(), c.requests() > 0
                        ? String.format(" (%,d %s, %.1f read capacity units)", c.requests(),
                                c.requests() == 1 ? "request" : "requests", c.consumedCapacity())
                        : "");
        out().printf("Chance that the next item shows an unseen attribute: %.1f%% (Good-Turing: %d paths seen in one item only)%s%n",
                c.unseenPathEstimate() * 100, c.pathsSeenOnce(), c.stable() ? "; stopped: stable" : "");
        out().println();
        TextTable t = new TextTable("PATH", "TYPES", "PRESENCE", "SUGGESTION", "CONF", "EXAMPLE");
        for (AttributeProfile a : p.attributes()) {
            Optional<Suggestion> s = outcome.suggestion(a.path());
            t.row(a.path(), a.types().entrySet().stream().map(e -> e.getKey().code() + ":" + e.getValue())
                            .collect(Collectors.joining(" ")),
                    String.format("%.0f%%", a.presence() * 100),
                    s.map(x -> x.classification().label()).orElse("-"),
                    s.map(x -> String.format("%.2f", x.confidence())).orElse(""),
                    outcome.examplesWithheld(a.path()) ? "(hidden)" : a.maskedExamples().isEmpty() ? "" : a.maskedExamples().get(0));
        }
        t.print(out());
        out().println();
        if (!p.entities().isEmpty()) {
            out().printf("%d kinds of item (entities), each profiled on its own:%n", p.entities().size());
            for (EntityProfile e : p.entities()) {
                out().printf("  %s: %,d items, %s, %d attribute paths%n", e.name(), e.itemsSampled(), e.match(),
                        e.attributes().size());
            }
            out().println();
        }
        outcome.notes().forEach(n -> out().println("Note: " + n));
        out().println("Stored as sampling run " + outcome.runId() + ". Next: veil review " + p.table()
                + ", or veil tag " + p.table() + " --accept-suggestions");
    }
}
