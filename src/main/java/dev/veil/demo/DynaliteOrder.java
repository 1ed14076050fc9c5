package dev.veil.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The order in which dynalite stores, and so scans, item collections: by the first six hex
 * digits of MD5("Outliers" + partition key bytes), then by key. The first 3 digits are the
 * 4,096 buckets that parallel-scan segments divide. Only string partition keys are needed here.
 */
final class DynaliteOrder {

    private DynaliteOrder() {
    }

    /** The scan-order prefix of a string partition key. */
    static String hashPrefix(String partitionKey) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update("Outliers".getBytes(StandardCharsets.UTF_8));
            md5.update(partitionKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5.digest()).substring(0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
