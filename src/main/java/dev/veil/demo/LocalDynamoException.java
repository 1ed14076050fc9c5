package dev.veil.demo;

/**
 * The local DynamoDB could not be installed or started. The message says why and what to do
 * (install Node.js, check the npm registry, read the log file it names).
 */
public class LocalDynamoException extends RuntimeException {

    public LocalDynamoException(String message) {
        super(message);
    }

    public LocalDynamoException(String message, Throwable cause) {
        super(message, cause);
    }
}
