package dev.veil.cli;

import dev.veil.app.PublishOutcome;
import dev.veil.app.PublishRequest;
import dev.veil.app.Reviewing;
import dev.veil.app.WideningRefusedException;
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
    "Only when anything changed. Unreviewed attributes are left out, which makes them secret.",
    "Decisions this workspace has not made are taken from the latest published version.",
    "A version that widens exposure is refused (exit 2) unless --allow-widening."})
final class PublishCommand extends BaseCommand {

    @Parameters(paramLabel = "TABLE", description = "The table.")
    String table;

    @Option(names = "--owner", paramLabel = "PATH",
            description = "Top-level attribute holding the owner's id (default: the previous version's owner).")
    String owner;

    @Option(names = "--allow-widening",
            description = "Write the version even if it widens exposure (a reviewer has approved every widening change).")
    boolean allowWidening;

    @Option(names = "--note", paramLabel = "T", defaultValue = "", description = "Why; recorded in the version's published block.")
    String note;

    @Option(names = "--reviewer", paramLabel = "R", description = "Who publishes (default: the operating-system user).")
    String reviewer;

    @Override
    protected int doCall() {
        try (Veil veil = openVeil()) {
            String who = reviewer == null || reviewer.isBlank() ? Reviewing.defaultReviewer() : reviewer.strip();
            PublishOutcome outcome;
            try {
                outcome = veil.publishing().publish(table,
                        new PublishRequest(Optional.ofNullable(owner), allowWidening, who, note.strip()));
            } catch (WideningRefusedException e) {
                err().println("veil: " + e.getMessage());
                err().println("If a reviewer approved every widening change, publish again with --allow-widening "
                        + "--note \"who approved it and why\".");
                err().flush();
                return ExitCodes.BAD_INPUT;
            }
            outcome.warnings().forEach(w -> progress("warning: " + w));
            if (outcome.preview().ownerMissing()) {
                progress("hint: name the owner attribute with --owner ATTRIBUTE.");
            }
            if (!(outcome instanceof PublishOutcome.Published p)) {
                out().println("Nothing changed since " + table + " v" + outcome.latestVersion()
                        + "; no new version written.");
                return ExitCodes.OK;
            }
            out().println("Published " + table + " v" + p.policy().version() + " → " + p.file());
            out().println("digest " + p.policy().digest().orElse("?")
                    + p.policy().previous().map(prev -> ", previous " + prev).orElse(""));
            long widening = outcome.preview().changes().stream().filter(PolicyChange::widening).count();
            if (!outcome.preview().changes().isEmpty()) {
                out().println();
                out().print(PolicyDiffText.text(table, p.policy().version() - 1, p.policy().version(),
                        outcome.preview().changes()));
                out().flush();
            }
            if (widening > 0 && p.policy().version() > 1) {
                progress(widening + " change" + (widening == 1 ? " widens" : "s widen")
                        + " exposure, published as allowed" + (note.isBlank() ? " without a note; "
                        + "next time say why with --note" : ": " + note.strip()) + ".");
            }
            return ExitCodes.OK;
        }
    }
}
