package dev.veil.policy;

import dev.veil.model.Policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Policy texts that already passed every single-file check, by the SHA-256 of their bytes, so a
 * command that reads a table's versions several times (show, diff, export, the review baseline)
 * parses and validates each text once. Keyed by content, a cached result can never hide a file
 * that was edited since: different bytes are a different key. Least recently used texts go
 * first once the texts held exceed a bound, so a store of wide tables cannot fill the heap.
 */
final class VerifiedPolicies {
    private static final long MAX_TEXT_BYTES = 64L * 1024 * 1024;
    private static final VerifiedPolicies SHARED = new VerifiedPolicies(MAX_TEXT_BYTES);

    private record Key(byte[] sha256) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(k.sha256, sha256);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sha256);
        }
    }

    /** A text in canonical form passes the checks without that check too. */
    private record Entry(Policy policy, boolean canonical, long textBytes) {
    }

    private final long maxTextBytes;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long textBytes;

    VerifiedPolicies(long maxTextBytes) {
        this.maxTextBytes = maxTextBytes;
    }

    /** The one cache of this process. */
    static VerifiedPolicies shared() {
        return SHARED;
    }

    /** The policy of a text that passed every check before (with the canonical-form check when asked). */
    Optional<Policy> get(String text, boolean canonical) {
        Key key = key(text);
        synchronized (entries) {
            return Optional.ofNullable(entries.get(key)).filter(e -> e.canonical() || !canonical).map(Entry::policy);
        }
    }

    /** Remembers that {@code text} passed every check (the canonical-form one when {@code canonical}) and holds {@code policy}. */
    void put(String text, boolean canonical, Policy policy) {
        long size = (long) text.length() * 2;
        if (size > maxTextBytes) {
            return;
        }
        Key key = key(text);
        synchronized (entries) {
            Entry old = entries.get(key);
            entries.put(key, new Entry(policy, canonical || old != null && old.canonical(), size));
            textBytes += size - (old == null ? 0 : old.textBytes());
            Iterator<Entry> eldest = entries.values().iterator();
            while (textBytes > maxTextBytes && eldest.hasNext()) {
                textBytes -= eldest.next().textBytes();
                eldest.remove();
            }
        }
    }

    private static Key key(String text) {
        try {
            return new Key(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
