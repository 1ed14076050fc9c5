package dev.veil.ui;

import dev.veil.app.VeilException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The words of the error dialog: a headline, what happened and what to do, and the details. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /** A short headline for the dialog. */
    public static String headline(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof VeilException v) {
            String m = String.valueOf(v.getMessage());
            if (m.startsWith("Cannot reach DynamoDB")) {
                return "Cannot reach DynamoDB";
            }
            if (m.startsWith("DynamoDB refused access") || m.startsWith("No AWS credentials")) {
                return "DynamoDB refused access";
            }
            if (m.startsWith("No AWS region")) {
                return "No AWS region";
            }
            return v.kind() == VeilException.Kind.BAD_INPUT ? "Veil cannot do that as asked"
                    : "Veil could not read or reach what it needed";
        }
        return "Something unexpected went wrong";
    }

    /**
     * What happened, where and what to do. Veil's own errors already say all three; anything else
     * is a defect, and the advice says how to report it.
     */
    public static String message(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof VeilException) {
            return forTheConsole(capitalise(e.getMessage()));
        }
        String what = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return what + "\n\nWhat to do: try again. If it happens again, copy the details below into a bug "
                + "report; the console keeps running.";
    }

    /**
     * The shared use cases word their advice for the command line; in a window the same advice
     * points at the Connect page instead of at flags and commands.
     */
    static String forTheConsole(String message) {
        return message
                .replace("Check --endpoint (or AWS_ENDPOINT_URL_DYNAMODB) and your network; for a local DynamoDB, "
                        + "start it with `veil demo`.", "Check the endpoint on the Connect page (Ctrl+1) and your "
                        + "network, or open the demo for a local DynamoDB.")
                .replace("Run `veil tables` to list the tables there, or check --endpoint and --region.",
                        "The Tables page (Ctrl+2) lists the tables there; check the endpoint and region on the "
                                + "Connect page.")
                .replace("check --endpoint and your network", "check the endpoint on the Connect page and your network")
                .replace("(aws configure, AWS_PROFILE, or --profile)", "(aws configure, or a profile chosen on the "
                        + "Connect page)")
                .replace("credentials (--profile)", "credentials (the profile chosen on the Connect page)")
                .replace("pass --region, set AWS_REGION, or add a region to", "choose one on the Connect page, "
                        + "or add a region to");
    }

    /** The full stack trace, for the expandable details. */
    public static String details(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    /** The error a wrapper (a failed future, a reflective call) is about. */
    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException
                || e instanceof InvocationTargetException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
