package dev.veil.dynamo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import dev.veil.model.Setting;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Turns SDK failures into {@link DynamoAccessException}s whose messages say what to do. */
final class DynamoErrors {

    private static final Set<String> DENIED = Set.of("AccessDeniedException", "UnrecognizedClientException",
            "InvalidSignatureException", "ExpiredTokenException", "MissingAuthenticationTokenException",
            "IncompleteSignature", "InvalidClientTokenId", "SignatureDoesNotMatch");
    private static final Set<String> THROTTLED = Set.of("ProvisionedThroughputExceededException",
            "ThrottlingException", "RequestLimitExceeded", "LimitExceededException");

    private DynamoErrors() {
    }

    /** Translates {@code e}, raised while working on {@code table} (if any) through {@code client}. */
    static DynamoAccessException translate(SdkException e, DynamoDbClient client, Optional<String> table) {
        String endpoint = DynamoClients.describe(client);
        String where = table.map(t -> "table '" + t + "' at ").orElse("") + endpoint;
        if (e instanceof ResourceNotFoundException) {
            String name = table.map(t -> "Table '" + t + "'").orElse("The requested table");
            return new DynamoAccessException(DynamoAccessException.Kind.NOT_FOUND,
                    name + " does not exist at " + endpoint
                            + ". List the tables there to find its name, or check the endpoint and region.",
                    endpoint, table, e, EnumSet.of(Setting.ENDPOINT, Setting.REGION));
        }
        if (e instanceof AwsServiceException service) {
            return fromService(service, endpoint, where, table);
        }
        if (isTimeout(e)) {
            return new DynamoAccessException(DynamoAccessException.Kind.UNREACHABLE,
                    "DynamoDB at " + endpoint + " did not answer in time" + table.map(t -> " (table '" + t + "')")
                            .orElse("") + ": each attempt may take " + RetryPolicy.ATTEMPT_TIMEOUT.toSeconds()
                            + " s and each request " + RetryPolicy.CALL_TIMEOUT.toSeconds() + " s with its retries. "
                            + "Check the endpoint and your network, or retry later.",
                    endpoint, table, e, EnumSet.of(Setting.ENDPOINT));
        }
        if (isUnreachable(e)) {
            return new DynamoAccessException(DynamoAccessException.Kind.UNREACHABLE,
                    "Cannot reach DynamoDB at " + endpoint + " (" + rootMessage(e) + "). Check the endpoint "
                            + "and your network; for a local DynamoDB, start the demo.",
                    endpoint, table, e, EnumSet.of(Setting.ENDPOINT));
        }
        if (e.getMessage() != null && e.getMessage().contains("credentials")) {
            return new DynamoAccessException(DynamoAccessException.Kind.ACCESS_DENIED,
                    "No AWS credentials found for " + where + ". Configure them (aws configure), or choose "
                            + "an AWS profile that has them, and retry.",
                    endpoint, table, e, EnumSet.of(Setting.PROFILE));
        }
        return new DynamoAccessException(DynamoAccessException.Kind.UNREACHABLE,
                "DynamoDB request for " + where + " failed: " + rootMessage(e) + ". Retry; if it persists, "
                        + "check the endpoint and your network.",
                endpoint, table, e, EnumSet.of(Setting.ENDPOINT));
    }

    private static DynamoAccessException fromService(AwsServiceException e, String endpoint, String where,
                                                     Optional<String> table) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        String detail = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        if (DENIED.contains(code) || e.statusCode() == 403) {
            return new DynamoAccessException(DynamoAccessException.Kind.ACCESS_DENIED,
                    "DynamoDB refused access to " + where + " (" + code + ": " + detail + "). Check your "
                            + "credentials (the AWS profile) and that they allow dynamodb:DescribeTable, "
                            + "dynamodb:ListTables and dynamodb:Scan.",
                    endpoint, table, e, EnumSet.of(Setting.PROFILE));
        }
        if (THROTTLED.contains(code) || e.isThrottlingException()) {
            return new DynamoAccessException(DynamoAccessException.Kind.THROTTLED,
                    "DynamoDB kept throttling requests to " + where + " after " + RetryPolicy.MAX_ATTEMPTS
                            + " attempts per request (" + code + "). Lower the read rate or retry later.",
                    endpoint, table, e, EnumSet.of(Setting.MAX_READ_RATE));
        }
        if (e.statusCode() >= 500) {
            return new DynamoAccessException(DynamoAccessException.Kind.UNREACHABLE,
                    "DynamoDB at " + endpoint + " failed with " + code + " (" + detail + "). Retry later.",
                    endpoint, table, e);
        }
        return new DynamoAccessException(DynamoAccessException.Kind.INVALID,
                "DynamoDB rejected a request for " + where + ": " + code + ": " + detail + ".",
                endpoint, table, e);
    }

    /**
     * True when retrying the same request a little later may well succeed: throttling, a server
     * error, a connection reset. Not a timeout (the client already waited its whole budget), not a
     * refused connection (nothing listens), not a rejection.
     */
    static boolean isTransient(DynamoAccessException failure) {
        if (failure.kind() == DynamoAccessException.Kind.THROTTLED) {
            return true;
        }
        if (failure.kind() != DynamoAccessException.Kind.UNREACHABLE) {
            return false;
        }
        Throwable cause = failure.getCause();
        if (cause instanceof AwsServiceException service) {
            return service.statusCode() >= 500;
        }
        if (cause == null || isTimeout(cause)) {
            return false;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof IOException && !(t instanceof SdkClientException)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
