package dev.veil.policy;

import dev.veil.model.Policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest of a policy: {@code "sha256:"} and the lowercase hex SHA-256 of the UTF-8 bytes of
 * its canonical text without the {@code digest} key ({@link PolicyJson#canonicalWithoutDigest}).
 * Any stored digest of the policy is ignored.
 */
public final class PolicyDigest {
    /** The prefix of every digest. */
    public static final String PREFIX = "sha256:";

    private PolicyDigest() {
    }

    /** The digest {@code p} has (or will have once published with its version and previous). */
    public static String compute(Policy p) {
        return of(PolicyJson.canonicalWithoutDigest(p));
    }

    static String of(String canonicalText) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return PREFIX + HexFormat.of().formatHex(sha.digest(canonicalText.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
