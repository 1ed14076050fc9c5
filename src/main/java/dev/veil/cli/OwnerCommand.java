package dev.veil.cli;

import dev.veil.app.Reviewing;
import dev.veil.app.Veil;
import dev.veil.app.VeilException;
import dev.veil.model.OwnerDecision;
import dev.veil.model.OwnerRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code veil owner}: records who owns the items of an entity of a single-table design. */
@Command(name = "owner", description = {
    "Record who owns an entity's items: the requester owns an item iff ATTRIBUTE's text equals the",
    "template with {id} replaced by the requester id. Published with the next veil publish.",
    "veil owner TABLE ATTRIBUTE --entity E [--template 'USER#{id}'] [--reviewer R]",
    "For a table of one kind, veil publish TABLE --owner ATTRIBUTE names the owner."})
final class OwnerCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Parameters(index = "1", paramLabel = "ATTRIBUTE", description = "The top-level attribute naming the owner.")
    String attribute;

    @Option(names = "--entity", paramLabel = "E", description = "The entity whose owner this is.")
    String entity;

    @Option(names = "--template", paramLabel = "T", defaultValue = OwnerRule.ID,
            description = "The attribute's value for the owner, {id} standing for the requester id "
                    + "(default: ${DEFAULT-VALUE}).")
    String template;

    @Option(names = "--reviewer", paramLabel = "R", description = "Who decides (default: the operating-system user).")
    String reviewer;

    @Override
    protected int doCall() {
        String who = reviewer == null || reviewer.isBlank() ? Reviewing.defaultReviewer() : reviewer.strip();
        try (Veil veil = openVeil()) {
            if (entity == null) {
                throw VeilException.badInput("give the entity whose owner this is (--entity E); for a table of one "
                        + "kind, name the owner with veil publish " + table + " --owner " + attribute);
            }
            OwnerDecision d = veil.entities().owner(table, entity, attribute, template, who);
            out().println(table + " " + entity + ": owned by the requester whose id makes "
                    + d.owner().attribute() + " = " + d.owner().template() + " (by " + who + ")");
            return ExitCodes.OK;
        }
    }
}
