package dev.veil.drift;

import java.util.Locale;
import java.util.Objects;

/**
 * A table the audit was asked for but could not audit. Reports list it apart from the findings: a
 * failure is never a finding, and the command's exit code says which kind of failure it was.
 *
 * @param table   the table
 * @param cause   why, in the terms of the exit codes
 * @param message what happened, where and what to do
 */
public record UnauditedTable(String table, Cause cause, String message) {

    /** Why a table could not be audited. */
    public enum Cause {
        /** The request was wrong: no such table, nothing sampled to audit (exit 2). */
        BAD_INPUT,
        /** DynamoDB, the workspace or the policy store could not be reached or read (exit 3). */
        UNAVAILABLE;

        /** "bad-input" or "unavailable", as the JSON report writes it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public UnauditedTable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(message, "message");
    }
}
