package dev.veil.cli;

import dev.veil.work.Cancellation;
import dev.veil.app.DriftOptions;
import dev.veil.app.SampleOptions;
import dev.veil.app.Veil;
import dev.veil.app.VeilException;
import dev.veil.drift.DriftReport;
import dev.veil.drift.FailOn;
import dev.veil.drift.ReportFormat;
import dev.veil.model.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code veil drift}: audit schema drift, in the console's engine, for CI. */
@Command(name = "drift", description = {
    "Audit schema drift against policies, across tables and over time.",
    "Exits 1 when a finding at or above --fail-on exists (waived findings never count; see veil waive),",
    "2 when a table does not exist or has nothing to audit, 3 when a table, the workspace or the policy",
    "store cannot be read; the report of the other tables is written first. In CI, --max-age reuses a",
    "recent sampling run (e.g. of a nightly job) instead of scanning again."})
final class DriftCommand extends BaseCommand {

    @Parameters(arity = "0..*", paramLabel = "TABLE", description = "Tables to audit.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--all", description = "Audit every table of the account.")
    boolean all;

    @Option(names = "--items", paramLabel = "N", defaultValue = "" + SampleOptions.DEFAULT_ITEMS,
            description = "Items to sample per table (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--max-age", paramLabel = "DURATION",
            description = "Reuse a sampling run younger than this instead of sampling again (e.g. 1h, 30m, 2d, PT15M);"
                    + " in CI, share the workspace between jobs so a nightly sample serves every pull request.")
    String maxAge;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "json, markdown, html or sarif (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path outFile;

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "high",
            description = "Exit 1 when a finding at or above LEVEL exists: low, medium, high or never (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "" + DriftOptions.DEFAULT_PARALLELISM,
            description = "Tables audited at once (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--export-dir", paramLabel = "DIR",
            description = "Also check the sanitizers exported to DIR: a set mixed from two policy versions "
                    + "(an interrupted export) is refused (exit 2).")
    Path exportDir;

    @Override
    protected int doCall() {
        ReportFormat reportFormat = ReportFormat.fromLabel(format).orElseThrow(() -> VeilException.badInput(
                "unknown --format '" + format + "'; use one of: " + ReportFormat.labels()));
        FailOn threshold = FailOn.fromLabel(failOn).orElseThrow(() -> VeilException.badInput(
                "unknown --fail-on '" + failOn + "'; use one of: " + FailOn.labels()));
        if (all && !tables.isEmpty()) {
            throw VeilException.badInput("give table names or --all, not both");
        }
        DriftOptions options = new DriftOptions(tables, all, items, Optional.ofNullable(maxAge).map(DriftCommand::duration),
                parallelism);
        try (Veil veil = openVeil()) {
            if (exportDir != null) {
                veil.exporting().requireWholeSets(tables, exportDir);
            }
            progress("Auditing " + (all ? "every table" : String.join(", ", tables)) + " …");
            DriftReport report = veil.drift().audit(options, p -> progress("… " + p.message()), Cancellation.none());
            Path baseDir = Path.of("").toAbsolutePath();
            if (outFile != null) {
                veil.drift().save(report, reportFormat, outFile, baseDir);
                progress("Wrote " + outFile);
            } else {
                String text = veil.drift().render(report, reportFormat, baseDir);
                out().print(text.endsWith("\n") ? text : text + "\n");
                out().flush();
            }
            Map<Severity, Long> counts = report.countsBySeverity();
            int total = report.findings().size();
            progress(String.format("%d finding%s: %d high, %d medium, %d low%s.", total, total == 1 ? "" : "s",
                    counts.getOrDefault(Severity.HIGH, 0L), counts.getOrDefault(Severity.MEDIUM, 0L),
                    counts.getOrDefault(Severity.LOW, 0L),
                    report.waived().isEmpty() ? "" : "; " + report.waived().size() + " waived"));
            Optional<VeilException> failure = veil.drift().failure(report);
            if (failure.isPresent()) {
                throw failure.get();
            }
            return threshold.failsOn(report) ? ExitCodes.FINDINGS : ExitCodes.OK;
        }
    }

    /** Accepts ISO-8601 durations and the short forms 90s, 15m, 2h, 7d. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw VeilException.badInput("--max-age '" + text + "' is not a duration; write e.g. 90s, 15m, 2h, 7d or PT15M");
        }
    }
}
