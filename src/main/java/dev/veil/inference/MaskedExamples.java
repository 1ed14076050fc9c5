package dev.veil.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A few distinct masks for one path, chosen as the {@value #LIMIT} masks with the smallest hash.
 * That is a fair sample of the shapes seen, and it depends only on the set of masks, never on
 * their order, so merged and streamed profiles keep the same examples.
 */
final class MaskedExamples {

    static final int LIMIT = 3;

    private final long[] keys = new long[LIMIT];
    private final String[] masks = new String[LIMIT];
    private int size;

    private boolean wouldConsider(long key) {
        return size < LIMIT || key <= keys[size - 1];
    }

    void offer(String mask) {
        offer(key(mask.hashCode()), mask);
    }

    /**
     * False when a mask with this {@link String#hashCode} would surely be turned away, so the
     * caller need not build it.
     */
    boolean mayAccept(int maskHash) {
        return wouldConsider(key(maskHash));
    }

    /**
     * False when the mask of {@code text} (with this {@link String#hashCode}) would surely be
     * turned away, or is already held: then offering it would change nothing.
     */
    boolean mayAccept(int maskHash, String text, boolean number) {
        long key = key(maskHash);
        if (!wouldConsider(key)) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i] == key && ValueMasker.isMaskOf(masks[i], text, number)) {
                return false;
            }
        }
        return true;
    }

    private void offer(long key, String mask) {
        if (!wouldConsider(key)) {
            return;
        }
        int at = 0;
        while (at < size && compare(keys[at], masks[at], key, mask) < 0) {
            at++;
        }
        if (at < size && keys[at] == key && masks[at].equals(mask)) {
            return;
        }
        if (at == LIMIT) {
            return;
        }
        int last = Math.min(size, LIMIT - 1);
        for (int i = last; i > at; i--) {
            keys[i] = keys[i - 1];
            masks[i] = masks[i - 1];
        }
        keys[at] = key;
        masks[at] = mask;
        size = Math.min(size + 1, LIMIT);
    }

    void merge(MaskedExamples other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.keys[i], other.masks[i]);
        }
    }

    void writeTo(java.io.DataOutput out) throws java.io.IOException {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(keys[i]);
            AccumulatorCodec.writeText(out, masks[i]);
        }
    }

    static MaskedExamples readFrom(java.io.DataInput in) throws java.io.IOException {
        MaskedExamples m = new MaskedExamples();
        int n = in.readInt();
        if (n < 0 || n > LIMIT) {
            throw new java.io.IOException("holds " + n + " examples, at most " + LIMIT + " expected");
        }
        for (int i = 0; i < n; i++) {
            m.keys[i] = in.readLong();
            m.masks[i] = AccumulatorCodec.readText(in);
        }
        m.size = n;
        return m;
    }

    /** The kept masks in text order, for stable display. */
    List<String> sorted() {
        List<String> out = new ArrayList<>(Arrays.asList(masks).subList(0, size));
        out.sort(null);
        return List.copyOf(out);
    }

    /** A well-mixed 64-bit key from a mask's string hash (the MurmurHash3 finaliser). */
    static long key(int maskHash) {
        long h = maskHash * 0x9E3779B97F4A7C15L;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static int compare(long k1, String m1, long k2, String m2) {
        int c = Long.compare(k1, k2);
        return c != 0 ? c : m1.compareTo(m2);
    }
}
