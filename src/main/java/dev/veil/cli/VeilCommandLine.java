package dev.veil.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * Builds the {@code veil} command line with the given output writers and environment, so tests
 * parse, run and capture output in-process exactly as the jar does.
 */
public final class VeilCommandLine {

    private VeilCommandLine() {
    }

    /** The command line the jar runs: real stdout, stderr and environment. */
    public static CommandLine create() {
        return create(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv());
    }

    /** A command line writing to {@code out} and {@code err}, seeing {@code env} as its environment. */
    public static CommandLine create(PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine cl = new CommandLine(new VeilCommand(env));
        cl.setOut(out);
        cl.setErr(err);
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
