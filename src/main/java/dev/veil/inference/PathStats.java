package dev.veil.inference;

import dev.veil.inference.detect.DetectorSet;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.AttributeProfile.LengthRange;
import dev.veil.model.AttributeProfile.NumberRange;
import dev.veil.model.DynamoType;
import dev.veil.model.DynamoValue;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one path has seen so far: counts, ranges, a distinct-count sketch, masked examples and
 * detector hits. Every field is a count, an extreme, a sketch or a mask, so two instances merge
 * exactly; no raw value is kept.
 */
final class PathStats {

    private static final DynamoType[] TYPES = DynamoType.values();

    // The kinds of text the verdict cache keeps apart: a repeat skips what its first sight did.
    private static final int STRING = 0;
    private static final int NUMBER = 1;
    private static final int STRING_ELEMENT = 2;
    private static final int NUMBER_ELEMENT = 3;

    private final long[] types = new long[TYPES.length];
    private long itemsPresent;
    private long minString = Long.MAX_VALUE;
    private long maxString = -1;
    private long minBinary = Long.MAX_VALUE;
    private long maxBinary = -1;
    private BigDecimal minNumber;
    private BigDecimal maxNumber;
    private final DistinctSketch distinct;
    private final MaskedExamples examples;
    private long valuesScanned;
    private final long[] hits;
    private final VerdictCache verdicts = new VerdictCache();
    private final int[] matched;

    PathStats(int detectorCount) {
        this(new DistinctSketch(), new MaskedExamples(), new long[detectorCount]);
    }

    private PathStats(DistinctSketch distinct, MaskedExamples examples, long[] hits) {
        this.distinct = distinct;
        this.examples = examples;
        this.hits = hits;
        this.matched = new int[hits.length];
    }

    long itemsPresent() {
        return itemsPresent;
    }

    void countItem() {
        itemsPresent++;
    }

    /** Counts the value's type and records its scalar facts; containers' contents are not visited. */
    void observe(DynamoValue value, DetectorSet detectors) {
        types[value.type().ordinal()]++;
        if (value instanceof DynamoValue.S s) {
            if (!repeated(s.value(), STRING)) {
                offerExample(s.value(), false);
                string(s.value(), detectors);
            }
        } else if (value instanceof DynamoValue.N n) {
            if (!repeated(n.value(), NUMBER)) {
                offerExample(n.value(), true);
                number(n.value(), detectors);
            }
        } else {
            examples.offer(ValueMasker.mask(value));
            observeOther(value, detectors);
        }
    }

    // Most values are strings and numbers: their masks are built only when they might be kept.
    private void offerExample(String text, boolean number) {
        if (examples.mayAccept(ValueMasker.maskHash(text, number), text, number)) {
            examples.offer(number ? ValueMasker.maskNumber(text) : ValueMasker.maskText(text));
        }
    }

    private void observeOther(DynamoValue value, DetectorSet detectors) {
        if (value instanceof DynamoValue.B b) {
            binary(b.value());
        } else if (value instanceof DynamoValue.Bool b) {
            distinct.addBoolean(b.value());
        } else if (value instanceof DynamoValue.Null) {
            distinct.addNull();
        } else if (value instanceof DynamoValue.SS ss) {
            for (String s : ss.value()) {
                if (!repeated(s, STRING_ELEMENT)) {
                    string(s, detectors);
                }
            }
        } else if (value instanceof DynamoValue.NS ns) {
            for (String n : ns.value()) {
                if (!repeated(n, NUMBER_ELEMENT)) {
                    number(n, detectors);
                }
            }
        } else if (value instanceof DynamoValue.BS bs) {
            bs.value().forEach(this::binary);
        }
    }

    private void string(String s, DetectorSet detectors) {
        long length = s.codePointCount(0, s.length());
        minString = Math.min(minString, length);
        maxString = Math.max(maxString, length);
        distinct.addString(s);
        scan(s, detectors);
    }

    // Numbers in canonical form (trailing zeros stripped), so that 1000 and 1E+3 are one value.
    private void number(String text, DetectorSet detectors) {
        BigDecimal n = NumberText.value(text);
        if (n != null) {
            minNumber = minNumber == null || n.compareTo(minNumber) < 0 ? n : minNumber;
            maxNumber = maxNumber == null || n.compareTo(maxNumber) > 0 ? n : maxNumber;
            distinct.addNumber(NumberText.isCanonical(text) ? text : n.toString());
        } else {
            distinct.addNumber(text);
        }
        scan(text, detectors);
    }

    private void binary(DynamoValue.Bytes bytes) {
        minBinary = Math.min(minBinary, bytes.length());
        maxBinary = Math.max(maxBinary, bytes.length());
        distinct.addBinary(bytes.base64());
    }

    /**
     * True when the path has shown {@code text} as this kind of value before: then its remembered
     * verdict gives the same hits, and everything else the value would change (distinct count,
     * masks, lengths, number range) already counts it, so only the counts are bumped.
     */
    private boolean repeated(String text, int kind) {
        int[] known = verdicts.find(text, kind);
        if (known == null) {
            return false;
        }
        valuesScanned++;
        for (int i : known) {
            hits[i]++;
        }
        return true;
    }

    // Called right after repeated() said no for the same text: the verdict cache remembers it.
    private void scan(String text, DetectorSet detectors) {
        valuesScanned++;
        int count = detectors.scan(text, matched);
        for (int i = 0; i < count; i++) {
            hits[matched[i]]++;
        }
        verdicts.remember(matched, count);
    }

    void merge(PathStats o) {
        for (int i = 0; i < types.length; i++) {
            types[i] += o.types[i];
        }
        itemsPresent += o.itemsPresent;
        minString = Math.min(minString, o.minString);
        maxString = Math.max(maxString, o.maxString);
        minBinary = Math.min(minBinary, o.minBinary);
        maxBinary = Math.max(maxBinary, o.maxBinary);
        if (o.minNumber != null) {
            minNumber = minNumber == null || o.minNumber.compareTo(minNumber) < 0 ? o.minNumber : minNumber;
            maxNumber = maxNumber == null || o.maxNumber.compareTo(maxNumber) > 0 ? o.maxNumber : maxNumber;
        }
        distinct.merge(o.distinct);
        examples.merge(o.examples);
        valuesScanned += o.valuesScanned;
        for (int i = 0; i < hits.length; i++) {
            hits[i] += o.hits[i];
        }
    }

    /** Writes every observation, for {@link AccumulatorCodec}. */
    void writeTo(DataOutput out) throws IOException {
        out.writeInt(types.length);
        for (long t : types) {
            out.writeLong(t);
        }
        out.writeLong(itemsPresent);
        out.writeLong(minString);
        out.writeLong(maxString);
        out.writeLong(minBinary);
        out.writeLong(maxBinary);
        out.writeBoolean(minNumber != null);
        if (minNumber != null) {
            AccumulatorCodec.writeText(out, minNumber.toString());
            AccumulatorCodec.writeText(out, maxNumber.toString());
        }
        distinct.writeTo(out);
        examples.writeTo(out);
        out.writeLong(valuesScanned);
        out.writeInt(hits.length);
        for (long h : hits) {
            out.writeLong(h);
        }
    }

    /** Reads what {@link #writeTo} wrote. */
    static PathStats readFrom(DataInput in, int detectorCount) throws IOException {
        int typeCount = in.readInt();
        if (typeCount != TYPES.length) {
            throw new IOException("written with " + typeCount + " DynamoDB types, this version knows " + TYPES.length);
        }
        long[] types = new long[typeCount];
        for (int i = 0; i < typeCount; i++) {
            types[i] = in.readLong();
        }
        long itemsPresent = in.readLong();
        long minString = in.readLong();
        long maxString = in.readLong();
        long minBinary = in.readLong();
        long maxBinary = in.readLong();
        BigDecimal minNumber = null;
        BigDecimal maxNumber = null;
        if (in.readBoolean()) {
            minNumber = new BigDecimal(AccumulatorCodec.readText(in));
            maxNumber = new BigDecimal(AccumulatorCodec.readText(in));
        }
        DistinctSketch distinct = DistinctSketch.readFrom(in);
        MaskedExamples examples = MaskedExamples.readFrom(in);
        long valuesScanned = in.readLong();
        int hitCount = in.readInt();
        if (hitCount != detectorCount) {
            throw new IOException("written with " + hitCount + " detectors, expected " + detectorCount);
        }
        long[] hits = new long[hitCount];
        for (int i = 0; i < hitCount; i++) {
            hits[i] = in.readLong();
        }
        PathStats s = new PathStats(distinct, examples, hits);
        System.arraycopy(types, 0, s.types, 0, typeCount);
        s.itemsPresent = itemsPresent;
        s.minString = minString;
        s.maxString = maxString;
        s.minBinary = minBinary;
        s.maxBinary = maxBinary;
        s.minNumber = minNumber;
        s.maxNumber = maxNumber;
        s.valuesScanned = valuesScanned;
        return s;
    }

    /** A fresh copy holding the same observations, sharing nothing mutable. */
    PathStats copy() {
        PathStats c = new PathStats(hits.length);
        c.merge(this);
        return c;
    }

    AttributeProfile toProfile(AttributePath path, long itemCount, List<String> detectorIds) {
        Map<DynamoType, Long> typeCounts = new EnumMap<>(DynamoType.class);
        for (int i = 0; i < types.length; i++) {
            if (types[i] > 0) {
                typeCounts.put(TYPES[i], types[i]);
            }
        }
        SortedMap<String, Long> hitCounts = new TreeMap<>();
        for (int i = 0; i < hits.length; i++) {
            if (hits[i] > 0) {
                hitCounts.put(detectorIds.get(i), hits[i]);
            }
        }
        return new AttributeProfile(path, typeCounts, itemsPresent,
                itemCount == 0 ? 0 : (double) itemsPresent / itemCount,
                range(minString, maxString), range(minBinary, maxBinary),
                minNumber == null ? Optional.empty() : Optional.of(new NumberRange(minNumber, maxNumber)),
                distinctEstimate(typeCounts), examples.sorted(), valuesScanned, hitCounts);
    }

    /**
     * The sketch's estimate, never above the number of scalar values seen: HLL can overshoot by a
     * few percent, and "2,045 distinct values" out of 2,000 would puzzle a reviewer.
     */
    private long distinctEstimate(Map<DynamoType, Long> typeCounts) {
        long estimate = distinct.estimate();
        if (typeCounts.containsKey(DynamoType.BS)) {
            return estimate; // binary-set elements are not counted anywhere else, so no bound is known
        }
        long scalars = valuesScanned + typeCounts.getOrDefault(DynamoType.B, 0L)
                + typeCounts.getOrDefault(DynamoType.BOOL, 0L) + typeCounts.getOrDefault(DynamoType.NULL, 0L);
        return Math.min(estimate, scalars);
    }

    private static Optional<LengthRange> range(long min, long max) {
        return max < 0 ? Optional.empty() : Optional.of(new LengthRange(min, max));
    }
}
