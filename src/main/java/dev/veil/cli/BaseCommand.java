package dev.veil.cli;

import dev.veil.app.Veil;
import dev.veil.app.VeilSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: its output writers (results to stdout, progress and diagnostics to
 * stderr), the global options held by the root command, and {@link #doCall} returning an exit
 * code. Exceptions are left to {@link ExceptionMapper}, the one place that maps them to exit codes.
 */
@Command(sortOptions = false, usageHelpAutoWidth = true)
abstract class BaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        return doCall();
    }

    /** Runs the command and returns its exit code (see {@link ExitCodes}). */
    protected abstract int doCall() throws Exception;

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected VeilCommand root() {
        return (VeilCommand) spec.root().userObject();
    }

    /** Settings from the global options, the environment and the defaults. */
    protected VeilSettings settings() {
        return VeilSettings.resolve(root().options(), root().env());
    }

    /** A Veil over {@link #settings()} that says on stderr when opening the workspace waits long. */
    protected Veil openVeil() {
        return Veil.open(settings(), p -> progress(p.message()));
    }

    /** One line of progress on stderr, unless {@code --quiet}. */
    protected void progress(String line) {
        if (!root().quiet()) {
            err().println(line);
            err().flush();
        }
    }
}
