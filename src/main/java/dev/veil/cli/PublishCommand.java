package dev.veil.cli;

import dev.veil.app.PublishOutcome;
import dev.veil.app.Veil;
import dev.veil.policy.PolicyChange;
import dev.veil.policy.PolicyDiffText;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code veil publish}: write the next policy version if anything changed. */
@Command(name = "publish", description = {
    "Write the current decisions as the table's next policy version.",
    "Only when anything changed. Unreviewed attributes are left out, which makes them secret."})
final class PublishCommand extends BaseCommand {

    @Parameters(paramLabel = "TABLE", description = "The table.")
    String table;

    @Option(names = "--owner", paramLabel = "PATH",
            description = "Top-level attribute holding the owner's id (default: the previous version's owner).")
    String owner;

    @Override
    protected int doCall() {
        try (Veil veil = openVeil()) {
            PublishOutcome outcome = veil.publishing().publish(table, Optional.ofNullable(owner));
            outcome.warnings().forEach(w -> progress("warning: " + w));
            if (outcome.published().isEmpty()) {
                out().println("Nothing changed since " + table + " v" + outcome.latestVersion()
                        + "; no new version written.");
                return ExitCodes.OK;
            }
            PublishOutcome.Published p = outcome.published().get();
            out().println("Published " + table + " v" + p.policy().version() + " → " + p.file());
            out().println("digest " + p.policy().digest().orElse("?")
                    + p.policy().previous().map(prev -> ", previous " + prev).orElse(""));
            long unreviewed = veil.reviewing().rows(table).stream().filter(dev.veil.app.ReviewRow::unreviewed).count();
            if (unreviewed > 0) {
                progress(unreviewed + " unreviewed path" + (unreviewed == 1 ? " is" : "s are")
                        + " left out, so every sanitizer drops " + (unreviewed == 1 ? "it" : "them")
                        + " (see veil review " + table + ").");
            }
            if (p.policy().owner().isEmpty()) {
                progress("warning: no owner attribute; owner-only attributes are hidden from every requester. "
                        + "Set one with --owner ATTRIBUTE.");
            }
            long widening = outcome.preview().changes().stream().filter(PolicyChange::widening).count();
            if (!outcome.preview().changes().isEmpty()) {
                out().println();
                out().print(PolicyDiffText.text(table, p.policy().version() - 1, p.policy().version(),
                        outcome.preview().changes()));
            }
            if (widening > 0 && p.policy().version() > 1) {
                progress(widening + " change" + (widening == 1 ? " widens" : "s widen")
                        + " exposure; make sure a reviewer has seen " + (widening == 1 ? "it" : "them") + ".");
            }
            return ExitCodes.OK;
        }
    }
}
