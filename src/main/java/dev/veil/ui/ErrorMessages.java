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
        if (e instanceof VeilException v) {
            String hints = SettingHints.hints(v.settings());
            return capitalise(v.getMessage()) + (hints.isEmpty() ? "" : "\n\n" + hints);
        }
        String what = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return what + "\n\nWhat to do: try again. If it happens again, copy the details below into a bug "
                + "report; the console keeps running.";
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
