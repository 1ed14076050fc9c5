package dev.veil.inference;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The detector verdicts of the distinct texts one path has shown recently, so that a column of
 * a few hundred distinct values (countries, statuses, names) runs the detectors once per value
 * instead of once per item. A verdict is which detectors matched; detectors are deterministic,
 * so a remembered verdict is exactly what running them again would give.
 *
 * <p>Texts are remembered by two independent 64-bit hashes (their length mixed in), never by the text
 * itself: the accumulator keeps no raw value. The two hashes are seeded at random per process
 * and mix differently, so an accidental collision among {@value #CAPACITY} entries is
 * vanishingly unlikely and a value cannot be prepared in advance to borrow another's verdict.
 *
 * <p>A hit also means the path has seen the text before (as the same kind of value), so the
 * accumulator skips what a repeated value cannot change: its distinct-count update, its mask,
 * its length and its number range.
 *
 * <p>Bounded: at most {@value #CAPACITY} texts per path. Once full it stops learning, and when
 * it then answers fewer than one look-up in {@value #MIN_HIT_SHARE_INVERSE} (a column of ids or
 * timestamps, where every value is new) it switches itself off and frees its tables. None of
 * this changes a figure; it only decides how often detectors run. Not thread-safe, not merged,
 * not serialised: a fresh accumulator starts with an empty cache.
 */
final class VerdictCache {

    static final int CAPACITY = 256;
    private static final int MIN_HIT_SHARE_INVERSE = 4;
    private static final int INITIAL_SLOTS = 16;
    private static final int NO_ENTRY = -1;
    private static final long M1 = new SecureRandom().nextLong() | 1;
    private static final long M2 = new SecureRandom().nextLong() | 1;

    private long[] first = new long[INITIAL_SLOTS];
    private long[] second = new long[INITIAL_SLOTS];
    private int[] verdict = filled(INITIAL_SLOTS);
    private final List<int[]> verdicts = new ArrayList<>();
    private int size;
    private long lookupsSinceFull;
    private long hitsSinceFull;
    private boolean off;

    // The hashes of the text last looked up, for remember().
    private long h1;
    private long h2;

    /** The detector indexes that matched {@code text} before, or null when it is not known. */
    int[] find(String text) {
        return find(text, 0);
    }

    /**
     * As {@link #find(String)}, with texts of different {@code kind}s (0 to 15: a string, a
     * number, a set element...) kept apart, so that a hit also says "seen before as this kind".
     */
    int[] find(String text, int kind) {
        if (off) {
            return null;
        }
        hash(text, kind);
        int slot = slot();
        int v = verdict[slot];
        int[] known = v == NO_ENTRY ? null : verdicts.get(v);
        if (size == CAPACITY) {
            lookupsSinceFull++;
            hitsSinceFull += known == null ? 0 : 1;
            if (lookupsSinceFull >= 4L * CAPACITY && hitsSinceFull * MIN_HIT_SHARE_INVERSE < lookupsSinceFull) {
                switchOff();
            }
        }
        return known;
    }

    /**
     * Remembers that the detectors {@code matched[0..count)} matched the text last passed to
     * {@link #find}, which returned null.
     */
    void remember(int[] matched, int count) {
        if (off || size == CAPACITY) {
            return;
        }
        if ((size + 1) * 2 > first.length) {
            grow();
        }
        int slot = slot();
        first[slot] = h1;
        second[slot] = h2;
        verdict[slot] = verdictIndex(matched, count);
        size++;
    }

    // Two characters per step (the length is mixed in, so an odd last one is unambiguous): the
    // multiplications are most of the cost, and each sees 32 bits of text at once.
    private void hash(String text, int kind) {
        int n = text.length();
        long a = ((long) kind << 32) | n;
        long b = ~a;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            long pair = text.charAt(i) | (long) text.charAt(i + 1) << 16;
            a = Long.rotateLeft(a + pair, 27) * M1;
            b = (b ^ pair) * M2;
        }
        if (i < n) {
            char c = text.charAt(i);
            a = Long.rotateLeft(a + c, 27) * M1;
            b = (b ^ c) * M2;
        }
        h1 = a ^ (a >>> 29);
        h2 = b ^ (b >>> 31);
    }

    // Linear probing; the table is at most half full, so an empty slot always ends the probe.
    private int slot() {
        int mask = first.length - 1;
        int slot = (int) (h1 ^ (h1 >>> 32)) & mask;
        while (verdict[slot] != NO_ENTRY && (first[slot] != h1 || second[slot] != h2)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private int verdictIndex(int[] matched, int count) {
        for (int i = 0; i < verdicts.size(); i++) {
            int[] v = verdicts.get(i);
            if (Arrays.equals(v, 0, v.length, matched, 0, count)) {
                return i;
            }
        }
        verdicts.add(Arrays.copyOf(matched, count));
        return verdicts.size() - 1;
    }

    private void grow() {
        long[] oldFirst = first;
        long[] oldSecond = second;
        int[] oldVerdict = verdict;
        first = new long[oldFirst.length * 2];
        second = new long[oldFirst.length * 2];
        verdict = filled(oldFirst.length * 2);
        long keepH1 = h1;
        long keepH2 = h2;
        for (int i = 0; i < oldFirst.length; i++) {
            if (oldVerdict[i] != NO_ENTRY) {
                h1 = oldFirst[i];
                h2 = oldSecond[i];
                int slot = slot();
                first[slot] = h1;
                second[slot] = h2;
                verdict[slot] = oldVerdict[i];
            }
        }
        h1 = keepH1;
        h2 = keepH2;
    }

    private void switchOff() {
        off = true;
        first = null;
        second = null;
        verdict = null;
        verdicts.clear();
    }

    private static int[] filled(int slots) {
        int[] a = new int[slots];
        Arrays.fill(a, NO_ENTRY);
        return a;
    }
}
