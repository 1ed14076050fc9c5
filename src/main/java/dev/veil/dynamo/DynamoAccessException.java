package dev.veil.dynamo;

import dev.veil.model.Setting;
import dev.veil.model.VeilFailure;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * DynamoDB could not do what Veil asked. The message says what happened, at which endpoint
 * and table, and what to do; {@link #kind()} tells callers how to react (the CLI maps
 * {@link Kind#isBadInput() bad input} to exit code 2 and the rest to 3).
 */
public class DynamoAccessException extends VeilFailure {

    /** Why the access failed. */
    public enum Kind {
        /** The table (or index) does not exist at the endpoint. */
        NOT_FOUND(true),
        /** The endpoint did not answer: wrong URL, no network, local DynamoDB not running. */
        UNREACHABLE(false),
        /** No credentials, wrong credentials, or not allowed by IAM. */
        ACCESS_DENIED(false),
        /** DynamoDB kept throttling after the SDK's retries. */
        THROTTLED(false),
        /** DynamoDB rejected the request as invalid (for instance a bad table name). */
        INVALID(true);

        private final boolean badInput;

        Kind(boolean badInput) {
            this.badInput = badInput;
        }

        /** True when the user asked for something wrong (exit 2), false when access failed (exit 3). */
        public boolean isBadInput() {
            return badInput;
        }
    }

    private final Kind kind;
    private final String endpoint;
    private final String table;

    public DynamoAccessException(Kind kind, String message, String endpoint, Optional<String> table,
                                 Throwable cause) {
        this(kind, message, endpoint, table, cause, Set.of());
    }

    /** A failure whose message asks the user to change {@code settings} (the face says where). */
    public DynamoAccessException(Kind kind, String message, String endpoint, Optional<String> table,
                                 Throwable cause, Set<Setting> settings) {
        super(kind.isBadInput() ? VeilFailure.Kind.BAD_INPUT : VeilFailure.Kind.UNAVAILABLE, message, cause, settings);
        this.kind = kind;
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.table = table.orElse(null);
    }

    public Kind kind() {
        return kind;
    }

    /** The endpoint as shown to users (a URL, or "AWS DynamoDB (region)"). */
    public String endpoint() {
        return endpoint;
    }

    /** The table concerned, when there was one. */
    public Optional<String> table() {
        return Optional.ofNullable(table);
    }
}
