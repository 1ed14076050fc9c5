package dev.veil.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What sampling learned about one attribute path. Holds counts and shapes only: examples
 * are masked ({@code aaaa@aaaa.aaa}), value-detector results are hit counts, and no raw
 * value is ever kept.
 *
 * @param path            where the attribute lives
 * @param types           how many values of each DynamoDB type were seen (list elements count one each)
 * @param itemsPresent    how many sampled items hold a value at this path
 * @param presence        {@code itemsPresent} over the items sampled, 0..1
 * @param stringLength    shortest and longest string, in characters, if any strings were seen
 * @param binaryLength    shortest and longest binary value, in bytes, if any were seen
 * @param numberRange     smallest and largest number at full precision, if any were seen
 * @param distinctEstimate approximate count of distinct scalar values
 * @param maskedExamples  a few examples reduced to their shape
 * @param valuesScanned   how many scalar values the value detectors looked at
 * @param detectorHits    per value-detector id, how many of those values it recognised
 */
public record AttributeProfile(
        AttributePath path,
        Map<DynamoType, Long> types,
        long itemsPresent,
        double presence,
        Optional<LengthRange> stringLength,
        Optional<LengthRange> binaryLength,
        Optional<NumberRange> numberRange,
        long distinctEstimate,
        List<String> maskedExamples,
        long valuesScanned,
        SortedMap<String, Long> detectorHits) {

    /** Inclusive range of lengths. */
    public record LengthRange(long min, long max) {
        public LengthRange merge(LengthRange o) {
            return new LengthRange(Math.min(min, o.min), Math.max(max, o.max));
        }
    }

    /** Inclusive range of numbers, exact. */
    public record NumberRange(BigDecimal min, BigDecimal max) {
        public NumberRange {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
        }

        public NumberRange merge(NumberRange o) {
            return new NumberRange(min.compareTo(o.min) <= 0 ? min : o.min, max.compareTo(o.max) >= 0 ? max : o.max);
        }
    }

    public AttributeProfile {
        Objects.requireNonNull(path, "path");
        EnumMap<DynamoType, Long> t = new EnumMap<>(DynamoType.class);
        t.putAll(types);
        types = Collections.unmodifiableMap(t);
        Objects.requireNonNull(stringLength, "stringLength");
        Objects.requireNonNull(binaryLength, "binaryLength");
        Objects.requireNonNull(numberRange, "numberRange");
        maskedExamples = List.copyOf(maskedExamples);
        detectorHits = Collections.unmodifiableSortedMap(new TreeMap<>(detectorHits));
    }

    /** The type seen most often. */
    public Optional<DynamoType> dominantType() {
        return types.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** Total values seen across all types. */
    public long valueCount() {
        return types.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The share of scanned values that detector {@code id} recognised, 0 when none were scanned. */
    public double hitRatio(String id) {
        return valuesScanned == 0 ? 0 : (double) detectorHits.getOrDefault(id, 0L) / valuesScanned;
    }
}
