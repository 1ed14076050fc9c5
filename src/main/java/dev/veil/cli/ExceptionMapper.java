package dev.veil.cli;

import dev.veil.app.VeilException;
import dev.veil.model.VeilFailure;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where an exception becomes a message on stderr and an exit code: a
 * {@link VeilFailure} by the kind set where it happened (2 or 3), anything else (a NullPointerException, an
 * IllegalArgumentException) is Veil's own bug (4), whose message says so and how to report it.
 * {@code VEIL_DEBUG} in the command line's injected environment adds the stack trace.
 */
final class ExceptionMapper implements IExecutionExceptionHandler {

    static final String BUG = "This is a bug in Veil, not a problem with your tables or files. Please report it to"
            + " the Veil maintainers with the command you ran and the output of the same command run with the"
            + " environment variable VEIL_DEBUG=1 (it adds the stack trace).";

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code = exitCode(ex);
        err.println("veil: " + message(ex));
        if (code == ExitCodes.INTERNAL) {
            err.println(BUG);
        }
        if (debug(cmd)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof VeilFailure f) {
            return switch (f.failureKind()) {
                case BAD_INPUT -> ExitCodes.BAD_INPUT;
                case UNAVAILABLE, CANCELLED -> ExitCodes.UNAVAILABLE;
            };
        }
        if (ex instanceof CommandLine.ParameterException) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.INTERNAL;
    }

    private static String message(Throwable ex) {
        if (ex instanceof VeilException v && v.input().isPresent()) {
            return v.getMessage() + " (" + InputHints.hint(v.input().get()) + ")";
        }
        if (ex instanceof VeilFailure f && !f.settings().isEmpty()) {
            return f.getMessage() + " (" + SettingHints.hints(f.settings()) + ")";
        }
        if (ex instanceof VeilFailure || ex instanceof CommandLine.ParameterException) {
            return ex.getMessage();
        }
        return "internal error: " + ex.getClass().getName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
    }

    /** VEIL_DEBUG as the command line sees it: the environment injected into {@link VeilCommand}. */
    private static boolean debug(CommandLine cmd) {
        Object root = cmd.getCommandSpec().root().userObject();
        return Logging.debug(root instanceof VeilCommand v ? v.env() : Map.of());
    }
}
