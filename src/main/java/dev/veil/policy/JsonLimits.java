package dev.veil.policy;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Jackson read limits for documents that hold attribute names: DynamoDB allows names of 64 KB,
 * beyond Jackson's default of 50,000 characters.
 */
public final class JsonLimits {
    /** Longest name a policy document may hold; far above DynamoDB's 64 KB. */
    public static final int MAX_NAME_LENGTH = 1 << 20;

    private JsonLimits() {
    }

    /**
     * Constraints allowing {@link #MAX_NAME_LENGTH}-character names. Jackson before 2.16 (as Spark
     * 3.5 brings) has neither the setting nor a name limit, so its defaults already allow them.
     */
    public static StreamReadConstraints longNames() {
        try {
            return StreamReadConstraints.builder().maxNameLength(MAX_NAME_LENGTH).build();
        } catch (NoSuchMethodError olderJackson) {
            return StreamReadConstraints.defaults();
        }
    }
}
