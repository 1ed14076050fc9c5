package dev.veil.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * Builds the {@code veil} command line with the given output writers and environment, so tests
 * parse, run and capture output in-process exactly as the jar does.
 */
public final class VeilCommandLine {

    private VeilCommandLine() {
    }

    /**
     * The subcommands, by name, in the order {@code veil --help} lists them. Building a
     * subcommand's model reads its annotations and loads the classes its fields name, a tenth of
     * a second for all of them on a cold JVM, so the jar builds only the ones it is asked for.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> all = new LinkedHashMap<>();
        all.put("tables", TablesCommand.class);
        all.put("sample", SampleCommand.class);
        all.put("tag", TagCommand.class);
        all.put("review", ReviewCommand.class);
        all.put("owner", OwnerCommand.class);
        all.put("entity", EntityCommand.class);
        all.put("audit-log", AuditLogCommand.class);
        all.put("publish", PublishCommand.class);
        all.put("policy", PolicyCommand.class);
        all.put("export", ExportCommand.class);
        all.put("drift", DriftCommand.class);
        all.put("waive", WaiveCommand.class);
        all.put("demo", DemoCommand.class);
        all.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(all);
    }

    /** The command line the jar runs on {@code args}: real stdout, stderr and environment. */
    public static CommandLine forArguments(String[] args) {
        return create(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(),
                named(args));
    }

    /**
     * The subcommands {@code args} can run: each one whose name is among them (a name that is
     * only an option's value costs one model more, never a wrong parse). All of them when none
     * is named, when {@code help} is, or when anything but the global options comes before the
     * first one named ({@code --help}, {@code --version}, a mistake), so that the console and
     * everything that prints the root's usage see every command. A parse error at the root is
     * answered by the whole tree too (see {@link #create(PrintWriter, PrintWriter, Map, Collection)}).
     */
    static Collection<String> named(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return Set.of(); // the version alone, as CI steps ask for it, needs no command at all
        }
        Set<String> named = new LinkedHashSet<>();
        boolean onlyGlobalOptionsFirst = true;
        for (String arg : args) {
            if (SUBCOMMANDS.containsKey(arg)) {
                named.add(arg);
            } else if (named.isEmpty() && arg.startsWith("-") && !GLOBAL_OPTIONS.contains(arg.split("=", 2)[0])) {
                onlyGlobalOptionsFirst = false;
            }
        }
        return named.isEmpty() || named.contains("help") || !onlyGlobalOptionsFirst ? SUBCOMMANDS.keySet() : named;
    }

    /**
     * The root's options other than help and version (VeilCommand's fields), by every name they
     * have; VeilCommandLineTest holds this to the root's inherited options. A name missing here
     * would only cost the whole tree.
     */
    static final Set<String> GLOBAL_OPTIONS = Set.of("--endpoint", "--region", "--profile", "--workspace",
            "--policies", "-q", "--quiet", "-v", "--verbose");

    /** A command line with every subcommand, writing to {@code out} and {@code err}, seeing {@code env}. */
    public static CommandLine create(PrintWriter out, PrintWriter err, Map<String, String> env) {
        return create(out, err, env, SUBCOMMANDS.keySet());
    }

    /** A command line with the subcommands {@code names} (see {@link #named}). */
    static CommandLine create(PrintWriter out, PrintWriter err, Map<String, String> env, Collection<String> names) {
        CommandLine cl = new CommandLine(new VeilCommand(env));
        for (String name : SUBCOMMANDS.keySet()) {
            if (names.contains(name)) {
                cl.addSubcommand(name, SUBCOMMANDS.get(name));
            }
        }
        cl.setOut(out);
        cl.setErr(err);
        if (!names.containsAll(SUBCOMMANDS.keySet())) {
            // the root's usage, printed after a parse error at the root, lists every command:
            // nothing has run yet, so the whole tree parses the same arguments again
            CommandLine.IParameterExceptionHandler standard = cl.getParameterExceptionHandler();
            cl.setParameterExceptionHandler((ex, args) -> ex.getCommandLine() == cl
                    ? create(out, err, env, SUBCOMMANDS.keySet()).execute(args)
                    : standard.handleParseException(ex, args));
        }
        cl.setExecutionExceptionHandler(new ExceptionMapper());
        cl.setExecutionStrategy(parsed -> {
            Logging.configure(((VeilCommand) parsed.commandSpec().userObject()).verbose(), env);
            return new CommandLine.RunLast().execute(parsed);
        });
        cl.getSubcommands().values().forEach(VeilCommandLine::withHelp);
        return cl;
    }

    /**
     * {@code -h, --help} on every subcommand, as DESIGN.md promises. Only the root takes
     * {@code --version} for Veil's version: {@code policy show} and {@code export} use
     * {@code --version N} for a policy version.
     */
    private static void withHelp(CommandLine cl) {
        if (cl.getCommandSpec().findOption("--help") == null) {
            cl.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                    .description("Show this help message and exit.").build());
        }
        cl.getSubcommands().values().forEach(VeilCommandLine::withHelp);
    }
}
