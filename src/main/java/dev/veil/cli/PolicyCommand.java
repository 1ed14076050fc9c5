package dev.veil.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.app.PolicyListing;
import dev.veil.app.Veil;
import dev.veil.app.VeilException;
import dev.veil.model.Policy;
import dev.veil.policy.PolicyChange;
import dev.veil.policy.PolicyDiffJson;
import dev.veil.policy.PolicyDiffText;
import dev.veil.policy.PolicyProblem;
import dev.veil.policy.StoreComparison;
import dev.veil.policy.StoreComparisonJson;
import dev.veil.policy.StoreComparisonMarkdown;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code veil policy}: read, compare and check published policies. */
@Command(name = "policy", description = "Read, compare and check published policies.",
        subcommands = {PolicyCommand.Show.class, PolicyCommand.History.class, PolicyCommand.Diff.class,
            PolicyCommand.Validate.class, PolicyCommand.Check.class})
final class PolicyCommand extends BaseCommand {

    @Override
    protected int doCall() {
        spec.commandLine().usage(out());
        return ExitCodes.BAD_INPUT;
    }

    /** {@code veil policy show}. */
    @Command(name = "show", description = "Print a policy version (the latest unless --version).")
    static final class Show extends BaseCommand {
        @Parameters(paramLabel = "TABLE", description = "The table.")
        String table;

        @Option(names = "--version", paramLabel = "N", description = "Version to show (default: latest).")
        Integer version;

        @Option(names = "--json", description = "Print the policy document itself.")
        boolean json;

        @Override
        protected int doCall() {
            try (Veil veil = openVeil()) {
                Policy p = veil.publishing().show(table, Optional.ofNullable(version));
                if (json) {
                    out().print(veil.publishing().text(p));
                    out().flush();
                    return ExitCodes.OK;
                }
                PolicyListing listing = PolicyListing.of(p);
                out().println(p.table() + " v" + p.version() + "  " + veil.publishing().file(table, p.version()));
                if (listing.byEntity()) {
                    out().println("format: " + p.format() + ", " + listing.groups().size()
                            + (listing.groups().size() == 1 ? " entity" : " entities")
                            + ", each with its own match, owner and rules");
                } else {
                    out().println("owner: " + listing.groups().get(0).ownerText());
                }
                out().println("digest: " + p.digest().orElse("?"));
                out().println("previous: " + p.previous().orElse("(first version)"));
                for (PolicyListing.Group g : listing.groups()) {
                    out().println();
                    if (listing.byEntity()) {
                        out().println(TextTable.oneLine("entity " + g.entity() + "  match: "
                                + g.match().map(Object::toString).orElse("") + "  owner: " + g.ownerText()));
                    }
                    TextTable t = new TextTable("PATH", "CLASS", "TYPES", "REVIEWER", "NOTE");
                    g.entries().forEach(r -> t.row(r.path(), r.classLabel(), r.typesText(), r.reviewer(), r.note()));
                    t.print(out());
                }
                out().println();
                out().println(listing.unlistedNote());
                return ExitCodes.OK;
            }
        }
    }

    /** {@code veil policy history}. */
    @Command(name = "history", description = "List every version with its digest and what changed.")
    static final class History extends BaseCommand {
        @Parameters(paramLabel = "TABLE", description = "The table.")
        String table;

        @Option(names = "--json", description = "Print one JSON document: every version with its rules per entity.")
        boolean json;

        @Override
        protected int doCall() {
            try (Veil veil = openVeil()) {
                List<Policy> versions = veil.publishing().history(table);
                TextTable t = new TextTable("VERSION", "DIGEST", "RULES", "CHANGES");
                ObjectNode doc = Json.object().put("table", table);
                ArrayNode list = doc.putArray("versions");
                Policy before = null;
                for (Policy p : versions) {
                    List<PolicyChange> diff = before == null ? List.of()
                            : veil.publishing().changes(before, p);
                    String changes = before == null ? "first version"
                            : PolicyDiffText.summary(table, before.version(), p.version(), diff);
                    PolicyListing listing = PolicyListing.of(p);
                    t.row("v" + p.version(), p.digest().orElse("?").substring(0, 19) + "…", listing.rulesText(),
                            changes);
                    list.add(PolicyListingJson.version(p, listing, changes,
                            before == null ? Optional.empty() : Optional.of(diff)));
                    before = p;
                }
                if (json) {
                    Json.print(out(), doc);
                } else {
                    t.print(out());
                }
                return ExitCodes.OK;
            }
        }
    }

    /** {@code veil policy diff}. */
    @Command(name = "diff", description = {"Compare two versions. Changes that widen exposure are labelled widening."})
    static final class Diff extends BaseCommand {
        @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
        String table;

        @Parameters(index = "1", paramLabel = "A", description = "The older version.")
        int from;

        @Parameters(index = "2", paramLabel = "B", description = "The newer version.")
        int to;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @Override
        protected int doCall() {
            try (Veil veil = openVeil()) {
                List<PolicyChange> changes = veil.publishing().diff(table, from, to);
                if (json) {
                    Json.print(out(), PolicyDiffJson.toTree(table, from, to, changes));
                } else {
                    out().print(PolicyDiffText.text(table, from, to, changes));
                    out().flush();
                }
                return ExitCodes.OK;
            }
        }
    }

    /** {@code veil policy validate}. */
    @Command(name = "validate", description = {
        "Check policy files: schema, digest, the chain of previous digests, contiguous versions, paths.",
        "Exits 2 and prints file:line:column for each problem."})
    static final class Validate extends BaseCommand {
        @Parameters(paramLabel = "FILE|DIR", description = "A policy file, a table folder or a whole store.")
        Path target;

        @Override
        protected int doCall() {
            try (Veil veil = openVeil()) {
                List<PolicyProblem> problems = veil.publishing().validate(target);
                if (problems.isEmpty()) {
                    out().println(target + ": valid");
                    return ExitCodes.OK;
                }
                problems.forEach(p -> err().println(p));
                err().println(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in " + target);
                err().flush();
                return ExitCodes.BAD_INPUT;
            }
        }
    }

    /** {@code veil policy check}. */
    @Command(name = "check", description = {
        "For a pull request: validate the policy store and compare it with the base branch's store.",
        "Exits 1 when a table's latest version widens exposure against the base, or a base version was",
        "rewritten or removed; 0 otherwise; 2 when either store is invalid or --base is not a policy store."})
    static final class Check extends BaseCommand {
        @Option(names = "--base", required = true, paramLabel = "DIR",
                description = "The policy store as it is on the target branch (e.g. a git worktree's policies folder).")
        Path base;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
                description = "markdown (a pull-request comment, default) or json.")
        String format;

        @Override
        protected int doCall() {
            if (!format.equals("markdown") && !format.equals("json")) {
                throw VeilException.badInput("unknown format '" + format + "' for policy check; use markdown or json");
            }
            try (Veil veil = openVeil()) {
                StoreComparison c = veil.publishing().check(base);
                if (format.equals("json")) {
                    Json.print(out(), StoreComparisonJson.toTree(c));
                } else {
                    out().print(StoreComparisonMarkdown.write(c));
                    out().flush();
                }
                return c.fails() ? ExitCodes.FINDINGS : ExitCodes.OK;
            }
        }
    }
}
