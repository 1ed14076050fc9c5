package dev.veil.demo;

import dev.veil.model.VeilFailure;

/**
 * The local DynamoDB could not be installed or started. The message says why and what to do
 * (install Node.js, check the npm registry, read the log file it names).
 */
public class LocalDynamoException extends VeilFailure {

    public LocalDynamoException(String message) {
        super(Kind.UNAVAILABLE, message);
    }

    public LocalDynamoException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}
