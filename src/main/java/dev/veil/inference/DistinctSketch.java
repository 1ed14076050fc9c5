package dev.veil.inference;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Approximate count of distinct values: an Apache DataSketches HyperLogLog sketch (about 1.6%
 * standard error at {@code lgK = 12}, exact while small). Merging is a register-wise union, so a
 * merged sketch equals the sketch of both inputs at once; the estimate uses the composite
 * estimator, which reads only the registers, because the default (HIP) estimator depends on
 * the order in which values arrived and would make merged and streamed profiles differ.
 */
final class DistinctSketch {

    private static final int LG_K = 12;
    private static final TgtHllType TYPE = TgtHllType.HLL_4;

    // Type tags keep equal text of different types apart ("1" the string, 1 the number) and give
    // the empty string a non-empty key: the sketch ignores empty input.
    private static final String NUMBER_TAG = "\u0000N";
    private static final String BINARY_TAG = "\u0000B";
    private static final String OTHER_TAG = "\u0000O";

    private HllSketch sketch;

    DistinctSketch() {
        this.sketch = new HllSketch(LG_K, TYPE);
    }

    void addString(String s) {
        sketch.update(s.isEmpty() ? OTHER_TAG + "S" : s);
    }

    /** {@code canonical} must be the same text for equal numbers ({@code 1E+3} and {@code 1000}). */
    void addNumber(String canonical) {
        // the UTF-8 bytes of NUMBER_TAG + canonical, as update(String) would hash them, built
        // directly for the ASCII texts numbers are
        int n = canonical.length();
        byte[] bytes = new byte[NUMBER_TAG.length() + n];
        bytes[0] = (byte) NUMBER_TAG.charAt(0);
        bytes[1] = (byte) NUMBER_TAG.charAt(1);
        for (int i = 0; i < n; i++) {
            char c = canonical.charAt(i);
            if (c >= 0x80) {
                sketch.update(NUMBER_TAG + canonical);
                return;
            }
            bytes[NUMBER_TAG.length() + i] = (byte) c;
        }
        sketch.update(bytes);
    }

    void addBinary(String base64) {
        sketch.update(BINARY_TAG + base64);
    }

    void addBoolean(boolean b) {
        sketch.update(OTHER_TAG + b);
    }

    void addNull() {
        sketch.update(OTHER_TAG + "null");
    }

    /** Folds {@code other} in; {@code other} is left as it was. */
    void merge(DistinctSketch other) {
        Union union = new Union(LG_K);
        union.update(sketch);
        union.update(other.sketch);
        sketch = union.getResult(TYPE);
    }

    void writeTo(java.io.DataOutput out) throws java.io.IOException {
        byte[] bytes = sketch.toCompactByteArray();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static DistinctSketch readFrom(java.io.DataInput in) throws java.io.IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        DistinctSketch d = new DistinctSketch();
        d.sketch = HllSketch.heapify(bytes);
        return d;
    }

    long estimate() {
        return sketch.isEmpty() ? 0 : Math.round(sketch.getCompositeEstimate());
    }
}
