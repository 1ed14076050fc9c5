package dev.veil.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Policies that fail validation (a store whose files are tampered with, a broken chain, a
 * draft that cannot be published), with every problem found. CLI exit code 2.
 */
public final class PolicyValidationException extends PolicyInputException {
    private static final long serialVersionUID = 1L;

    private final transient List<PolicyProblem> problems;

    /** Problems found in policy files. */
    public PolicyValidationException(List<PolicyProblem> problems) {
        super(summary(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** A problem with input that is not a file (a draft, an owner name); {@code message} says what and what to do. */
    public PolicyValidationException(String message) {
        super(message);
        this.problems = List.of();
    }

    /** Every problem found, in file order; empty when the input was not a file. */
    public List<PolicyProblem> problems() {
        return problems;
    }

    private static String summary(List<PolicyProblem> problems) {
        String all = problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n"));
        return problems.size() == 1 ? all : problems.size() + " problems in policy files:\n" + all;
    }
}
