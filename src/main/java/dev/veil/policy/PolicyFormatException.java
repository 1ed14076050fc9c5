package dev.veil.policy;

import java.util.Objects;

/**
 * A policy text that cannot be read as a policy: not JSON, not the policy shape, or its digest
 * does not match. Carries where ({@code source:line:column}) and what to do. CLI exit code 2.
 */
public final class PolicyFormatException extends PolicyInputException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;
    private final String hint;

    public PolicyFormatException(String source, int line, int column, String problem, String hint) {
        super(source + ":" + line + ":" + column + ": " + problem + " — " + hint);
        this.source = Objects.requireNonNull(source, "source");
        this.line = line;
        this.column = column;
        this.problem = Objects.requireNonNull(problem, "problem");
        this.hint = Objects.requireNonNull(hint, "hint");
    }

    /** The file or source name the text came from. */
    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without location or hint. */
    public String problem() {
        return problem;
    }

    /** What to do about it. */
    public String hint() {
        return hint;
    }
}
