package dev.veil.cli;

import dev.veil.app.VeilException;
import dev.veil.model.PathSyntaxException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** The one place where an exception becomes a message on stderr and an exit code. */
final class ExceptionMapper implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code = exitCode(ex);
        err.println("veil: " + message(ex));
        if (code == ExitCodes.UNAVAILABLE && !(ex instanceof VeilException)) {
            err.println("This looks like a bug in Veil; please report it with the output of the same command "
                    + "run with the environment variable VEIL_DEBUG=1.");
        }
        if (System.getenv("VEIL_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof VeilException ve) {
            return ve.kind() == VeilException.Kind.BAD_INPUT ? ExitCodes.BAD_INPUT : ExitCodes.UNAVAILABLE;
        }
        if (ex instanceof PathSyntaxException || ex instanceof CommandLine.ParameterException) {
            return ExitCodes.BAD_INPUT;
        }
        return ExitCodes.UNAVAILABLE;
    }

    private static String message(Throwable ex) {
        if (ex instanceof VeilException || ex instanceof PathSyntaxException) {
            return ex.getMessage();
        }
        return "unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
    }
}
