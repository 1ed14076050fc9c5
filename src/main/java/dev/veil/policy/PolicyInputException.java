package dev.veil.policy;

import dev.veil.model.VeilFailure;

/**
 * A policy file or draft that is not acceptable input: malformed, tampered with, or not a
 * valid policy. The CLI maps every subtype to exit code 2 (bad input).
 */
public abstract sealed class PolicyInputException extends VeilFailure
        permits PolicyFormatException, PolicyValidationException {
    private static final long serialVersionUID = 1L;

    PolicyInputException(String message) {
        super(Kind.BAD_INPUT, message);
    }
}
