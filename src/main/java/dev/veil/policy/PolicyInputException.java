package dev.veil.policy;

/**
 * A policy file or draft that is not acceptable input: malformed, tampered with, or not a
 * valid policy. The CLI maps every subtype to exit code 2 (bad input).
 */
public abstract sealed class PolicyInputException extends RuntimeException
        permits PolicyFormatException, PolicyValidationException {
    private static final long serialVersionUID = 1L;

    PolicyInputException(String message) {
        super(message);
    }
}
