package dev.veil.cli;

import dev.veil.app.Veil;
import dev.veil.app.WaiveOutcome;
import dev.veil.app.WaiveRequest;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code veil waive}: acknowledge a drift finding until a date, in the policy store's waivers.json. */
@Command(name = "waive", description = {
    "Acknowledge a drift finding until a date: it is then reported as waived and not counted for --fail-on.",
    "Writes <policies>/waivers.json, to be reviewed in a pull request like the policies.",
    "veil waive TABLE PATH KIND --reason T --until YYYY-MM-DD [--entity E] [--reviewer R]"})
final class WaiveCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table of the finding.")
    String table;

    @Parameters(index = "1", paramLabel = "PATH", description = "The attribute path of the finding.")
    String path;

    @Parameters(index = "2", paramLabel = "KIND", description = "The finding's kind, e.g. inconsistent-class.")
    String kind;

    @Option(names = "--reason", required = true, paramLabel = "T", description = "Why the finding is acceptable for now.")
    String reason;

    @Option(names = "--until", required = true, paramLabel = "YYYY-MM-DD",
            description = "The last day the waiver holds (UTC); after it the finding counts again.")
    String until;

    @Option(names = "--entity", paramLabel = "E", description = "The entity of the finding, in a single-table design.")
    String entity;

    @Option(names = "--reviewer", paramLabel = "R", defaultValue = "",
            description = "Who waives it (default: the operating-system user).")
    String reviewer;

    @Override
    protected int doCall() {
        try (Veil veil = openVeil()) {
            WaiveOutcome outcome = veil.waiving().waive(new WaiveRequest(table, path, kind, reason, until,
                    Optional.ofNullable(entity), reviewer));
            out().println((outcome.replaced().isPresent() ? "Renewed" : "Waived") + " " + outcome.waiver().kind().label()
                    + " on " + table + " " + outcome.waiver().path() + " until " + outcome.waiver().until()
                    + " (by " + outcome.waiver().by() + ") in " + outcome.file() + ".");
            out().println("Commit the file with the policies so the waiver is reviewed.");
            return ExitCodes.OK;
        }
    }
}
