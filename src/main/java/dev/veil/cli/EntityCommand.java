package dev.veil.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.app.EntityEditing;
import dev.veil.app.Reviewing;
import dev.veil.app.Veil;
import dev.veil.app.VeilException;
import dev.veil.model.EntityCorrection;
import dev.veil.model.EntityMatch;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code veil entity TABLE …}: correct the entities Veil found in a single-table design. */
@Command(name = "entity", description = {
    "Correct the entities (kinds of item) Veil found in a single-table design.",
    "Corrections are audited and apply to review, tag, owner, publish and drift;",
    "the next sample classifies items by them.",
    "veil entity TABLE list [--json]",
    "veil entity TABLE rename OLD NEW",
    "veil entity TABLE merge A B… --into C",
    "veil entity TABLE marker ATTRIBUTE",
    "veil entity TABLE add NAME --attribute A (--begins-with P | --equals V)",
    "veil entity TABLE reset"},
        subcommands = {EntityCommand.ListEntities.class, EntityCommand.Rename.class, EntityCommand.Merge.class,
            EntityCommand.Marker.class, EntityCommand.Add.class, EntityCommand.Reset.class})
final class EntityCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Override
    protected int doCall() {
        spec.commandLine().usage(out());
        return ExitCodes.BAD_INPUT;
    }

    /** Options every correction shares: who decides and why. */
    abstract static class Correction extends BaseCommand {
        @ParentCommand
        EntityCommand parent;

        @Option(names = "--reviewer", paramLabel = "R", description = "Who decides (default: the operating-system user).")
        String reviewer;

        @Option(names = "--note", paramLabel = "T", defaultValue = "", description = "Why.")
        String note;

        String who() {
            return reviewer == null || reviewer.isBlank() ? Reviewing.defaultReviewer() : reviewer.strip();
        }

        void print(EntityEditing.Outcome o) {
            EntityCorrection c = o.correction();
            out().println(c.table() + ": " + c.describe() + " (by " + c.reviewer() + ")");
            if (!o.decisionsCarried().isEmpty()) {
                out().println(o.decisionsCarried().size() + " decision(s) recorded under \"" + c.entity()
                        + "\" (see veil audit-log " + c.table() + ")");
            }
            out().println("This " + o.effect() + ".");
        }
    }

    /** {@code veil entity TABLE list}. */
    @Command(name = "list", description = "The entities of the latest sample: match, share of items, corrections.")
    static final class ListEntities extends BaseCommand {
        @ParentCommand
        EntityCommand parent;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @Override
        protected int doCall() {
            try (Veil veil = openVeil()) {
                EntityEditing.Listing l = veil.entityEditing().list(parent.table);
                if (json) {
                    Json.print(out(), json(l));
                    return ExitCodes.OK;
                }
                if (l.entities().isEmpty()) {
                    out().println(l.table() + " has no entities: its latest sample found one kind of item. Split one "
                            + "off with veil entity " + l.table() + " add NAME --attribute A --begins-with P.");
                } else {
                    TextTable t = new TextTable("ENTITY", "MATCH", "ITEMS", "SHARE", "CORRECTION");
                    for (EntityEditing.Row r : l.entities()) {
                        t.row(r.name(), r.match().map(EntityMatch::toString).orElse("-"),
                                r.sampled() ? String.valueOf(r.itemsSampled()) : "-",
                                r.sampled() ? String.format(Locale.ROOT, "%.0f%%", r.share() * 100) : "-",
                                r.correction().orElse(""));
                    }
                    t.print(out());
                }
                l.marker().ifPresent(m -> out().println("Marker picked: " + m));
                out().println(l.corrections().isEmpty() ? "No corrections in force."
                        : l.corrections().size() + " correction(s) in force; veil entity " + l.table()
                        + " reset drops them.");
                return ExitCodes.OK;
            }
        }

        private static ObjectNode json(EntityEditing.Listing l) {
            ObjectNode root = Json.object();
            root.put("table", l.table());
            root.put("itemsSampled", l.itemsSampled());
            root.put("marker", l.marker().orElse(null));
            ArrayNode arr = root.putArray("entities");
            for (EntityEditing.Row r : l.entities()) {
                ObjectNode n = arr.addObject();
                n.put("name", r.name());
                r.match().ifPresentOrElse(m -> match(n.putObject("match"), m), () -> n.putNull("match"));
                n.put("itemsSampled", r.itemsSampled());
                n.put("share", r.share());
                n.put("sampled", r.sampled());
                n.put("correction", r.correction().orElse(null));
            }
            ArrayNode cs = root.putArray("corrections");
            for (EntityCorrection c : l.corrections()) {
                correction(cs.addObject(), c);
            }
            return root;
        }
    }

    static void match(ObjectNode n, EntityMatch m) {
        n.put("attribute", m.attribute());
        n.put(m.test().label(), m.value());
    }

    static void correction(ObjectNode n, EntityCorrection c) {
        n.put("sequence", c.sequence());
        n.put("table", c.table());
        n.put("kind", c.kind().label());
        n.put("entity", c.entity().isEmpty() ? null : c.entity());
        ArrayNode from = n.putArray("from");
        c.sources().forEach(from::add);
        c.match().ifPresentOrElse(m -> match(n.putObject("match"), m), () -> n.putNull("match"));
        n.put("marker", c.marker().orElse(null));
        n.put("reviewer", c.reviewer());
        n.put("time", c.at().toString());
        n.put("note", c.note());
    }

    /** {@code veil entity TABLE rename OLD NEW}. */
    @Command(name = "rename", description = "Rename an entity; its decisions and owner follow it.")
    static final class Rename extends Correction {
        @Parameters(index = "0", paramLabel = "OLD", description = "The entity's name now.")
        String from;

        @Parameters(index = "1", paramLabel = "NEW", description = "Its new name.")
        String to;

        @Override
        protected int doCall() {
            try (Veil veil = openVeil()) {
                print(veil.entityEditing().rename(parent.table, from, to, who(), note));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code veil entity TABLE merge A B --into C}. */
    @Command(name = "merge", description = {"Merge entities into one; their decisions are united (conflicting classes "
        + "are refused).", "The merged match is the longest prefix their matches share."})
    static final class Merge extends Correction {
        @Parameters(arity = "1..*", paramLabel = "ENTITY", description = "The entities to merge (two or more).")
        List<String> sources;

        @Option(names = "--into", required = true, paramLabel = "C", description = "The merged entity's name.")
        String into;

        @Override
        protected int doCall() {
            try (Veil veil = openVeil()) {
                print(veil.entityEditing().merge(parent.table, sources, into, who(), note));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code veil entity TABLE marker ATTRIBUTE}. */
    @Command(name = "marker", description = "Pick the marker attribute that tells the kinds of item apart.")
    static final class Marker extends Correction {
        @Parameters(index = "0", paramLabel = "ATTRIBUTE", description = "A top-level string attribute.")
        String attribute;

        @Override
        protected int doCall() {
            try (Veil veil = openVeil()) {
                print(veil.entityEditing().marker(parent.table, attribute, who(), note));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code veil entity TABLE add NAME --attribute A --begins-with P|--equals V}. */
    @Command(name = "add", description = "Split off an entity recognised by its own match (no overlap with another's).")
    static final class Add extends Correction {
        @Parameters(index = "0", paramLabel = "NAME", description = "The new entity's name.")
        String name;

        @Option(names = "--attribute", required = true, paramLabel = "A", description = "The top-level attribute tested.")
        String attribute;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Test test;

        /** One of the two tests a match makes. */
        static final class Test {
            @Option(names = "--begins-with", paramLabel = "P", description = "The value begins with P.")
            String prefix;

            @Option(names = "--equals", paramLabel = "V", description = "The value equals V.")
            String value;
        }

        @Override
        protected int doCall() {
            String v = test.prefix != null ? test.prefix : test.value;
            if (attribute.isEmpty() || v.isEmpty()) {
                throw VeilException.badInput("a match needs an attribute name and a non-empty value: --attribute A "
                        + "and --begins-with P or --equals V");
            }
            EntityMatch match = test.prefix != null ? EntityMatch.beginningWith(attribute, v)
                    : EntityMatch.equalTo(attribute, v);
            try (Veil veil = openVeil()) {
                print(veil.entityEditing().add(parent.table, name, match, who(), note));
                return ExitCodes.OK;
            }
        }
    }

    /** {@code veil entity TABLE reset}. */
    @Command(name = "reset", description = "Drop every correction of the table's entities (the log keeps them).")
    static final class Reset extends Correction {
        @Override
        protected int doCall() {
            try (Veil veil = openVeil()) {
                Optional<EntityEditing.Outcome> o = veil.entityEditing().reset(parent.table, who(), note);
                if (o.isEmpty()) {
                    out().println(parent.table + " has no corrections of its entities to drop.");
                } else {
                    print(o.get());
                }
                return ExitCodes.OK;
            }
        }
    }
}
