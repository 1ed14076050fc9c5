package dev.veil.cli;

/** The exit codes of DESIGN.md, in one place. */
public final class ExitCodes {
    /** The command worked. */
    public static final int OK = 0;
    /** The command worked and found what it was asked to fail on (drift findings; waived ones never count). */
    public static final int FINDINGS = 1;
    /** Bad usage or bad input. */
    public static final int BAD_INPUT = 2;
    /** DynamoDB, the workspace or a file could not be reached or read. */
    public static final int UNAVAILABLE = 3;
    /** Veil itself failed: a bug, to be reported. */
    public static final int INTERNAL = 4;

    private ExitCodes() {
    }
}
