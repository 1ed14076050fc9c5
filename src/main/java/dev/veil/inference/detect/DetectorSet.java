package dev.veil.inference.detect;

import java.util.List;

/**
 * Detectors as the accumulator runs them over one value: the value's length, opening character
 * and {@link TextShape} classes are read once, and a detector is called only when its
 * {@link ShapeFilter} admits them. Most values are ruled out for most detectors by a few bit
 * tests instead of a call each that would look at the value again.
 *
 * <p>For up to 64 detectors the candidates are first narrowed with one bit per detector: the
 * detectors that can open with the value's first character, that can have its length (lengths
 * beyond {@value #LENGTHS} share one entry) and that allow each class it holds. Only those are
 * then checked against their whole filter and called.
 */
public final class DetectorSet {

    private static final int LENGTHS = 512;
    private static final int BEYOND_ASCII = 128;

    private final ValueDetector[] detectors;
    private final ShapeFilter[] filters;
    private final boolean masked;
    private final long[] byOpening = new long[BEYOND_ASCII + 1];
    private final long[] byLength = new long[LENGTHS + 2];
    private final long[] byClass = new long[64];

    private DetectorSet(List<ValueDetector> detectors) {
        this.detectors = detectors.toArray(ValueDetector[]::new);
        this.filters = new ShapeFilter[this.detectors.length];
        for (int i = 0; i < filters.length; i++) {
            filters[i] = this.detectors[i].shape();
        }
        this.masked = filters.length <= 64;
        if (masked) {
            index();
        }
    }

    private void index() {
        for (int i = 0; i < filters.length; i++) {
            ShapeFilter f = filters[i];
            long bit = 1L << i;
            for (int c = 0; c <= BEYOND_ASCII; c++) {
                if (f.opensWith((char) (c == BEYOND_ASCII ? 0x80 : c))) {
                    byOpening[c] |= bit;
                }
            }
            for (int n = 0; n <= LENGTHS + 1; n++) {
                // the last entry stands for every length beyond LENGTHS
                if (n <= LENGTHS ? f.minLength() <= n && n <= f.maxLength() : f.maxLength() > LENGTHS) {
                    byLength[n] |= bit;
                }
            }
            for (int b = 0; b < 64; b++) {
                if ((f.allowed() >>> b & 1) != 0) {
                    byClass[b] |= bit;
                }
            }
        }
    }

    /** These detectors, in this order. */
    public static DetectorSet of(List<ValueDetector> detectors) {
        return new DetectorSet(detectors);
    }

    /** How many detectors there are. */
    public int size() {
        return detectors.length;
    }

    /**
     * Writes the indexes of the detectors {@code text} matches into {@code matched}, in order, and
     * returns how many there are. {@code matched} holds at least {@link #size()} entries.
     */
    public int scan(String text, int[] matched) {
        int length = text.length();
        char first = length == 0 ? 0 : text.charAt(0);
        long classes = TextShape.classes(text);
        return masked ? scanCandidates(text, length, first, classes, matched) : scanAll(text, length, first, classes, matched);
    }

    private int scanCandidates(String text, int length, char first, long classes, int[] matched) {
        long candidates = byOpening[Math.min(first, BEYOND_ASCII)] & byLength[Math.min(length, LENGTHS + 1)];
        for (long rest = classes; rest != 0 && candidates != 0; rest &= rest - 1) {
            candidates &= byClass[Long.numberOfTrailingZeros(rest)];
        }
        int count = 0;
        for (; candidates != 0; candidates &= candidates - 1) {
            int i = Long.numberOfTrailingZeros(candidates);
            if (filters[i].admits(length, first, classes) && detectors[i].matches(text)) {
                matched[count++] = i;
            }
        }
        return count;
    }

    private int scanAll(String text, int length, char first, long classes, int[] matched) {
        int count = 0;
        for (int i = 0; i < detectors.length; i++) {
            if (filters[i].admits(length, first, classes) && detectors[i].matches(text)) {
                matched[count++] = i;
            }
        }
        return count;
    }
}
