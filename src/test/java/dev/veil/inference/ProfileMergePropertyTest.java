package dev.veil.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.inference.ProfileTestValues.RegexDetector;
import dev.veil.inference.detect.ValueDetector;
import dev.veil.model.DynamoValue;
import dev.veil.model.SampleCoverage;
import dev.veil.model.TableProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Merging the profiles of the parts of an input equals profiling the whole input at once. */
class ProfileMergePropertyTest {

    private static final List<ValueDetector> DETECTORS = List.of(
            RegexDetector.of("digits", "-?[0-9]+"), RegexDetector.of("has-at", ".*@.*"));

    @Property(tries = 300)
    void mergingTheProfilesOfAnySplitEqualsProfilingEverything(
            @ForAll("items") List<Map<String, DynamoValue>> items,
            @ForAll @Size(max = 5) List<@IntRange(min = 0, max = 10_000) Integer> cuts,
            @ForAll long mergeOrderSeed) {
        List<List<Map<String, DynamoValue>>> parts = split(items, cuts);
        List<ProfileAccumulator> partial = new ArrayList<>();
        for (List<Map<String, DynamoValue>> part : parts) {
            partial.add(profileOf(part));
        }
        Collections.shuffle(partial, new Random(mergeOrderSeed));

        ProfileAccumulator merged = partial.get(0);
        partial.subList(1, partial.size()).forEach(merged::merge);

        ProfileAccumulator whole = profileOf(items);
        assertThat(snapshot(merged)).isEqualTo(snapshot(whole));
        assertThat(merged.pathCount()).isEqualTo(whole.pathCount());
        assertThat(merged.valuesBeyondDepthLimit()).isEqualTo(whole.valuesBeyondDepthLimit());
    }

    @Property(tries = 100)
    void mergeThenAddEqualsAddingEverythingToOne(
            @ForAll("items") List<Map<String, DynamoValue>> first,
            @ForAll("items") List<Map<String, DynamoValue>> second,
            @ForAll("items") List<Map<String, DynamoValue>> third) {
        ProfileAccumulator a = profileOf(first);
        a.merge(profileOf(second));
        third.forEach(a::add);

        List<Map<String, DynamoValue>> all = new ArrayList<>(first);
        all.addAll(second);
        all.addAll(third);
        assertThat(snapshot(a)).isEqualTo(snapshot(profileOf(all)));
    }

    @Property(tries = 30)
    void manyDistinctValuesMergeToTheSameEstimate(
            @ForAll @IntRange(min = 1000, max = 30_000) int count,
            @ForAll @IntRange(min = 1, max = 7) int parts) {
        List<Map<String, DynamoValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Map.of("id", new DynamoValue.S("u-" + i), "n", new DynamoValue.N(Integer.toString(i % 5000))));
        }
        List<Integer> cuts = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
            cuts.add(count * p / parts);
        }
        ProfileAccumulator merged = new ProfileAccumulator(DETECTORS);
        split(items, cuts).forEach(part -> merged.merge(profileOf(part)));

        assertThat(snapshot(merged)).isEqualTo(snapshot(profileOf(items)));
    }

    private static ProfileAccumulator profileOf(List<Map<String, DynamoValue>> items) {
        ProfileAccumulator acc = new ProfileAccumulator(DETECTORS);
        items.forEach(acc::add);
        return acc;
    }

    private static TableProfile snapshot(ProfileAccumulator acc) {
        return acc.toProfile("t", "table", Instant.EPOCH, Optional.empty(), SampleCoverage.unsegmented(0, 0, 0, false));
    }

    private static <T> List<List<T>> split(List<T> items, List<Integer> cuts) {
        List<Integer> at = new ArrayList<>();
        cuts.forEach(c -> at.add(items.isEmpty() ? 0 : c % (items.size() + 1)));
        Collections.sort(at);
        List<List<T>> parts = new ArrayList<>();
        int from = 0;
        for (int to : at) {
            parts.add(items.subList(from, to));
            from = to;
        }
        parts.add(items.subList(from, items.size()));
        return parts;
    }

    @Provide
    Arbitrary<List<Map<String, DynamoValue>>> items() {
        return Arbitraries.maps(names(), values()).ofMaxSize(5).list().ofMaxSize(30);
    }

    private static Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.of("id", "name", "email", "a.b", "", "x y", "日本", "😀", "\"q\"", "[]"),
                Arbitraries.strings().all().ofMaxLength(3));
    }

    private static Arbitrary<DynamoValue> values() {
        return Arbitraries.recursive(ProfileMergePropertyTest::scalars, ProfileMergePropertyTest::containers, 0, 3);
    }

    private static Arbitrary<DynamoValue> containers(Arbitrary<DynamoValue> inner) {
        return Arbitraries.oneOf(
                Arbitraries.maps(names(), inner).ofMaxSize(4).map(DynamoValue.M::new),
                inner.list().ofMaxSize(4).map(DynamoValue.L::new));
    }

    private static Arbitrary<DynamoValue> scalars() {
        return Arbitraries.oneOf(
                strings().map(DynamoValue.S::new),
                numbers().map(DynamoValue.N::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(40)
                        .map(bytes -> new DynamoValue.B(DynamoValue.Bytes.of(bytes))),
                Arbitraries.of(true, false).map(DynamoValue.Bool::new),
                Arbitraries.just(new DynamoValue.Null()),
                strings().list().ofMinSize(1).ofMaxSize(4).map(DynamoValue.SS::new),
                numbers().list().ofMinSize(1).ofMaxSize(4).map(DynamoValue.NS::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(DynamoValue.Bytes::of)
                        .list().ofMinSize(1).ofMaxSize(3).map(DynamoValue.BS::new));
    }

    private static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "a@b.c", "123", "Jane Doe", "ÄÖü", "😀x"),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().alpha().numeric().withChars("@.-_ ").ofMaxLength(12));
    }

    /** Numbers in the forms DynamoDB accepts: up to 38 digits, signs, points and exponents. */
    static Arbitrary<String> numbers() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(38);
        Arbitrary<String> plain = Combinators.combine(Arbitraries.of("", "-"), digits, Arbitraries.integers().between(0, 40))
                .as((sign, d, point) -> point == 0 || point >= d.length() ? sign + d
                        : sign + d.substring(0, point) + "." + d.substring(point));
        Arbitrary<String> exponent = Combinators.combine(plain, Arbitraries.of("E", "e", "E+", "E-", "e-"),
                Arbitraries.integers().between(0, 125)).as((m, e, x) -> m + e + x);
        return Arbitraries.oneOf(plain, exponent,
                Arbitraries.of("1000", "1E+3", "1.0E3", "0", "-0", "0.000", "99999999999999999999999999999999999999"));
    }
}
