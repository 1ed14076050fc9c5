package dev.veil.dynamo;

import java.time.Duration;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How Veil's DynamoDB clients retry and when they give up, sized for runs of hundreds of
 * requests over an unreliable network or against a table near its capacity.
 *
 * <p>The SDK's default of three attempts ends a 500-item sample whenever one of its ~125 pages
 * is throttled three times in a row. DynamoDB's guidance is to retry throttling for much
 * longer, so each request gets {@value #MAX_ATTEMPTS} attempts with exponential backoff and full
 * jitter (throttling backs off from a longer base than transient errors): every sampler thread
 * that meets throttling waits longer and longer, so the client as a whole slows down while
 * DynamoDB throttles it, and {@code --max-rcu} still caps what succeeds. The SDK's retry token
 * bucket is the budget: when most requests fail, it runs dry and calls fail fast instead of
 * hammering. Not the SDK's adaptive mode: its client-wide rate limiter, once throttled, blocks
 * every request for seconds at a time (a 400-item sample at 10% throttling took 26 s instead of
 * about 2 s, measured in docs/RELIABILITY.md).
 *
 * <p>Timeouts bound a server that accepts connections and never answers: each attempt ends after
 * {@link #ATTEMPT_TIMEOUT}, each call (all its attempts and backoffs) after {@link #CALL_TIMEOUT}.
 */
public final class RetryPolicy {

    /** Attempts per request, the first included. */
    public static final int MAX_ATTEMPTS = 10;
    /** Base and cap of the backoff after a transient failure (5xx, connection reset, timeout). */
    static final Duration BACKOFF_BASE = Duration.ofMillis(25);
    static final Duration BACKOFF_MAX = Duration.ofSeconds(3);
    /** Base and cap of the backoff after throttling. */
    static final Duration THROTTLE_BACKOFF_BASE = Duration.ofMillis(100);
    static final Duration THROTTLE_BACKOFF_MAX = Duration.ofSeconds(5);
    /** How long one attempt may take, from sending the request to reading the whole response. */
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    /** How long one call may take, all attempts and backoffs included. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** How long to wait for a connection. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** How long a socket read may wait for data before the attempt fails. */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);

    private RetryPolicy() {
    }

    /** A new strategy; each client needs its own, since it holds the client's token bucket and rate. */
    static RetryStrategy strategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(MAX_ATTEMPTS)
                .backoffStrategy(BackoffStrategy.exponentialDelay(BACKOFF_BASE, BACKOFF_MAX))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(THROTTLE_BACKOFF_BASE,
                        THROTTLE_BACKOFF_MAX))
                .build();
    }

    /** Applies the strategy and the timeouts to a client's configuration. */
    static void configure(ClientOverrideConfiguration.Builder config) {
        config.retryStrategy(strategy())
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT);
    }
}
