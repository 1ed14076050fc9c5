package dev.veil.testing;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the requests every AWS SDK client of the test JVM sends, by operation ("DescribeTable",
 * "Scan"…), so a test can say how many round trips an action costs against the real local
 * DynamoDB. The SDK registers it for every client through the global interceptor list in the test
 * resources; it only counts and changes nothing.
 */
public final class DynamoCalls implements ExecutionInterceptor {
    private static final ConcurrentMap<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (operation != null) {
            COUNTS.computeIfAbsent(operation, o -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Requests of {@code operation} sent so far by any client of this JVM. */
    public static long count(String operation) {
        AtomicLong n = COUNTS.get(operation);
        return n == null ? 0 : n.get();
    }
}
