package dev.veil.inference;

import static dev.veil.inference.ProfileTestValues.b;
import static dev.veil.inference.ProfileTestValues.bool;
import static dev.veil.inference.ProfileTestValues.item;
import static dev.veil.inference.ProfileTestValues.l;
import static dev.veil.inference.ProfileTestValues.m;
import static dev.veil.inference.ProfileTestValues.n;
import static dev.veil.inference.ProfileTestValues.ns;
import static dev.veil.inference.ProfileTestValues.nul;
import static dev.veil.inference.ProfileTestValues.s;
import static dev.veil.inference.ProfileTestValues.ss;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.inference.ProfileTestValues.RegexDetector;
import dev.veil.inference.detect.ValueDetector;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.AttributeProfile.LengthRange;
import dev.veil.model.DynamoType;
import dev.veil.model.DynamoValue;
import dev.veil.model.KeySchema;
import dev.veil.model.SampleCoverage;
import dev.veil.model.TableProfile;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ProfileAccumulatorTest {

    private static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");

    private final ProfileAccumulator acc = new ProfileAccumulator(List.of());

    private TableProfile profile() {
        return profile(acc);
    }

    private static TableProfile profile(ProfileAccumulator a) {
        return a.toProfile("users", "table", AT, Optional.empty(), SampleCoverage.unsegmented(0, 0, 0, false));
    }

    private AttributeProfile attr(String path) {
        return profile().attribute(AttributePath.parse(path)).orElseThrow();
    }

    @Test
    void nestedPathsAreProfiledWithPresenceCountedOncePerItem() {
        acc.add(item("orders", l(m("total", n("1")), m("total", n("2"), "note", s("x")))));
        acc.add(item("orders", l()));
        acc.add(item("name", s("x")));

        assertThat(profile().attributes()).extracting(a -> a.path().toString())
                .containsExactly("name", "orders", "orders[]", "orders[].note", "orders[].total");
        assertThat(attr("orders").itemsPresent()).isEqualTo(2);
        assertThat(attr("orders").presence()).isEqualTo(2.0 / 3);
        assertThat(attr("orders[]").itemsPresent()).isEqualTo(1);
        assertThat(attr("orders[].total").itemsPresent()).isEqualTo(1);
        assertThat(attr("orders[].total").presence()).isEqualTo(1.0 / 3);
    }

    @Test
    void aTextRepeatedAsAnotherKindOfValueIsProfiledAsThatKind() {
        acc.add(item("v", ss("x", "y")));
        acc.add(item("v", s("x")));
        acc.add(item("v", s("x")));
        acc.add(item("v", n("5")));
        acc.add(item("v", s("5")));
        acc.add(item("v", n("5")));

        AttributeProfile v = attr("v");
        assertThat(v.valuesScanned()).isEqualTo(7);
        assertThat(v.distinctEstimate()).as("x, y, the string 5 and the number 5").isEqualTo(4);
        assertThat(v.maskedExamples()).as("the set, the string x after it, 5 as number and string")
                .containsExactlyInAnyOrder("{a, a}", "a", "9");
        assertThat(v.numberRange().orElseThrow().min()).isEqualByComparingTo("5");
        assertThat(v.types()).isEqualTo(Map.of(DynamoType.SS, 1L, DynamoType.S, 3L, DynamoType.N, 2L));
    }

    @Test
    void typeCountsCountEveryListElement() {
        acc.add(item("tags", l(s("a"), n("1"), s("b"), nul())));
        acc.add(item("tags", l(bool(true))));

        assertThat(attr("tags").types()).isEqualTo(Map.of(DynamoType.L, 2L));
        assertThat(attr("tags[]").types())
                .isEqualTo(Map.of(DynamoType.S, 2L, DynamoType.N, 1L, DynamoType.NULL, 1L, DynamoType.BOOL, 1L));
    }

    @Test
    void mixedTypesAtOnePathAreAllCounted() {
        acc.add(item("v", s("x")));
        acc.add(item("v", n("1")));
        acc.add(item("v", ss("a", "b")));
        acc.add(item("v", m("k", s("y"))));

        assertThat(attr("v").types()).isEqualTo(
                Map.of(DynamoType.S, 1L, DynamoType.N, 1L, DynamoType.SS, 1L, DynamoType.M, 1L));
        assertThat(attr("v.k").presence()).isEqualTo(0.25);
    }

    @Test
    void namesWithDotsAndUnicodeStayOneSegment() {
        acc.add(item("a.b", m("", s("x"), "日本 語", s("y"))));

        assertThat(profile().attributes()).extracting(AttributeProfile::path).containsExactly(
                AttributePath.of("a.b"), AttributePath.of("a.b", ""), AttributePath.of("a.b", "日本 語"));
    }

    @Test
    void numberRangeKeepsFullPrecisionAcrossSignsAndExponents() {
        String big = "99999999999999999999999999999999999999";
        acc.add(item("x", n(big)));
        acc.add(item("x", n("-" + big)));
        acc.add(item("x", n("1E+3")));
        acc.add(item("x", n("0.000000000000000000000000000000000000001")));

        AttributeProfile.NumberRange range = attr("x").numberRange().orElseThrow();
        assertThat(range.min()).isEqualByComparingTo(new BigDecimal("-" + big));
        assertThat(range.max()).isEqualByComparingTo(new BigDecimal(big));
        assertThat(range.max().toPlainString()).isEqualTo(big);
    }

    @Test
    void exponentFormsCompareByValue() {
        acc.add(item("x", n("1E+3")));
        acc.add(item("x", n("999.99999999999999999999999999999999999")));
        acc.add(item("x", n("1.0001e3")));

        AttributeProfile.NumberRange range = attr("x").numberRange().orElseThrow();
        assertThat(range.min()).isEqualByComparingTo("999.99999999999999999999999999999999999");
        assertThat(range.max()).isEqualByComparingTo("1000.1");
    }

    @Test
    void equalNumbersWrittenDifferentlyCountAsOneDistinctValue() {
        acc.add(item("x", n("1000")));
        acc.add(item("x", n("1E+3")));
        acc.add(item("x", n("1.000e3")));

        assertThat(attr("x").distinctEstimate()).isEqualTo(1);
    }

    @Test
    void numberSetElementsWidenTheRange() {
        acc.add(item("x", ns("5", "-7.5", "12")));

        assertThat(attr("x").numberRange()).contains(
                new AttributeProfile.NumberRange(new BigDecimal("-7.5"), new BigDecimal("12")));
    }

    @Test
    void textThatIsNoNumberIsCountedButLeftOutOfTheRange() {
        acc.add(item("x", n("not-a-number")));
        acc.add(item("x", n("4")));

        assertThat(attr("x").types()).containsEntry(DynamoType.N, 2L);
        assertThat(attr("x").numberRange()).contains(
                new AttributeProfile.NumberRange(new BigDecimal("4"), new BigDecimal("4")));
    }

    @Test
    void hostileNumberTextIsCountedWithoutBreakingTheRange() {
        acc.add(item("x", n("1E+999999999")));
        acc.add(item("x", n("1E-2147483649")));
        acc.add(item("x", n("9".repeat(10_000))));

        assertThat(attr("x").types()).containsEntry(DynamoType.N, 3L);
        assertThat(attr("x").numberRange()).contains(
                new AttributeProfile.NumberRange(new BigDecimal("1E+999999999"), new BigDecimal("1E+999999999")));
        assertThat(attr("x").distinctEstimate()).isEqualTo(3);
    }

    @Test
    void stringLengthsCountCodePointsIncludingEmptyAndSetElements() {
        acc.add(item("x", s("")));
        acc.add(item("x", s("😀😀")));
        acc.add(item("x", ss("abcde")));

        assertThat(attr("x").stringLength()).contains(new LengthRange(0, 5));
        assertThat(attr("x").binaryLength()).isEmpty();
    }

    @Test
    void binaryLengthsCountBytes() {
        acc.add(item("x", b(3)));
        acc.add(item("x", b(0)));
        acc.add(item("x", new DynamoValue.BS(List.of(DynamoValue.Bytes.of(new byte[70])))));

        assertThat(attr("x").binaryLength()).contains(new LengthRange(0, 70));
        assertThat(attr("x").stringLength()).isEmpty();
        assertThat(attr("x").numberRange()).isEmpty();
    }

    @Test
    void distinctEstimateIsExactForFewValues() {
        for (int i = 0; i < 500; i++) {
            acc.add(item("id", s("user-" + (i % 37)), "flag", bool(i % 2 == 0)));
        }

        assertThat(attr("id").distinctEstimate()).isEqualTo(37);
        assertThat(attr("flag").distinctEstimate()).isEqualTo(2);
    }

    @Test
    void containersAloneHaveNoDistinctValues() {
        acc.add(item("m", m("a", s("x"))));

        assertThat(attr("m").distinctEstimate()).isZero();
    }

    @Test
    void examplesAreMaskedDistinctAndAtMostThree() {
        List<String> raw = List.of("alice@example.com", "Bob99", "carol@example.org", "dave", "eve-1", "Bob98");
        raw.forEach(v -> acc.add(item("x", s(v))));

        List<String> examples = attr("x").maskedExamples();
        assertThat(examples).hasSize(3).doesNotHaveDuplicates().isSorted();
        assertThat(examples).allSatisfy(e -> assertThat(raw).noneMatch(r -> e.contains(r)));
        assertThat(raw.stream().map(ValueMasker::maskText)).containsAll(examples);
    }

    @Test
    void valuesWithOneShapeGiveOneExample() {
        acc.add(item("x", s("abc")));
        acc.add(item("x", s("xyz")));

        assertThat(attr("x").maskedExamples()).containsExactly("aaa");
    }

    @Test
    void detectorsScanStringsNumbersAndTextSetElementsButNotBinary() {
        List<ValueDetector> detectors = List.of(
                RegexDetector.of("digits", "[0-9]+"), RegexDetector.of("email", "[^@]+@[^@]+"),
                RegexDetector.of("never", "(?!)"));
        ProfileAccumulator a = new ProfileAccumulator(detectors);
        a.add(item("x", s("123"), "y", b(4)));
        a.add(item("x", n("456"), "y", new DynamoValue.BS(List.of(DynamoValue.Bytes.of(new byte[]{1})))));
        a.add(item("x", ss("a@b.co", "z")));
        a.add(item("x", ns("7"), "z", bool(true)));

        AttributeProfile x = profile(a).attribute(AttributePath.of("x")).orElseThrow();
        assertThat(x.valuesScanned()).isEqualTo(5);
        assertThat(x.detectorHits()).containsExactly(Map.entry("digits", 3L), Map.entry("email", 1L));
        assertThat(x.hitRatio("digits")).isEqualTo(0.6);
        assertThat(profile(a).attribute(AttributePath.of("y")).orElseThrow().valuesScanned()).isZero();
        assertThat(profile(a).attribute(AttributePath.of("z")).orElseThrow().valuesScanned()).isZero();
    }

    @Test
    void detectorsRunOncePerDistinctValueOfAPathYetCountEveryValue() {
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        ValueDetector counting = new ValueDetector() {
            @Override
            public String id() {
                return "digits";
            }

            @Override
            public String description() {
                return "digit runs";
            }

            @Override
            public boolean matches(String value) {
                runs.incrementAndGet();
                return value.chars().allMatch(Character::isDigit);
            }
        };
        ProfileAccumulator a = new ProfileAccumulator(List.of(counting));
        for (int i = 0; i < 100; i++) {
            a.add(item("status", s(i % 2 == 0 ? "active" : "1234"), "other", s("1234")));
        }

        assertThat(runs.get()).as("two distinct values in status, one in other").isEqualTo(3);
        assertThat(profile(a).attribute(AttributePath.of("status")).orElseThrow().detectorHits())
                .containsExactly(Map.entry("digits", 50L));
        assertThat(profile(a).attribute(AttributePath.of("other")).orElseThrow().detectorHits())
                .containsExactly(Map.entry("digits", 100L));
    }

    @Test
    void detectorsWithTheSameIdAreRejected() {
        List<ValueDetector> twins = List.of(RegexDetector.of("email", "a"), RegexDetector.of("email", "b"));

        assertThatThrownBy(() -> new ProfileAccumulator(twins))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'email'");
    }

    @Test
    void pathsStopAtDynamoDbsDepthLimit() {
        DynamoValue v = s("leaf");
        for (int i = 0; i < 40; i++) {
            v = m("k", v);
        }
        acc.add(item("root", v));

        List<AttributeProfile> attrs = profile().attributes();
        assertThat(attrs).hasSize(ProfileAccumulator.MAX_DEPTH);
        assertThat(attrs).extracting(a -> a.path().depth()).contains(ProfileAccumulator.MAX_DEPTH)
                .allMatch(d -> d <= ProfileAccumulator.MAX_DEPTH);
        assertThat(acc.valuesBeyondDepthLimit()).isEqualTo(1);
    }

    @Test
    void listStepsCountTowardsTheDepthLimit() {
        DynamoValue v = n("1");
        for (int i = 0; i < 35; i++) {
            v = l(v);
        }
        acc.add(item("grid", v));

        assertThat(acc.pathCount()).isEqualTo(ProfileAccumulator.MAX_DEPTH);
        assertThat(attr("grid[][]").types()).isEqualTo(Map.of(DynamoType.L, 1L));
        assertThat(acc.valuesBeyondDepthLimit()).isEqualTo(1);
    }

    @Test
    void hostileNestingIsCutWithoutOverflowingTheStack() {
        DynamoValue v = nul();
        for (int i = 0; i < 200_000; i++) {
            v = i % 2 == 0 ? l(v) : m("k", v);
        }
        acc.add(item("deep", v));

        assertThat(acc.pathCount()).isEqualTo(ProfileAccumulator.MAX_DEPTH);
        assertThat(acc.valuesBeyondDepthLimit()).isEqualTo(1);
    }

    @Test
    void javaNullInsideAMapIsReportedWithItsPath() {
        Map<String, DynamoValue> inner = new java.util.HashMap<>();
        inner.put("city", null);

        assertThatThrownBy(() -> acc.add(item("address", new DynamoValue.M(inner))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("address.city");
    }

    @Test
    void goodTuringFiguresFollowFromPathsSeenOnce() {
        acc.add(item("a", s("1"), "b", s("1")));
        acc.add(item("a", s("1"), "c", s("1")));
        acc.add(item("a", s("1"), "b", s("1"), "d", m("e", s("1"))));

        // a:3 b:2 c:1 d:1 d.e:1 -> three paths seen once over eight observations
        assertThat(acc.pathsSeenOnce()).isEqualTo(3);
        assertThat(acc.unseenPathEstimate()).isEqualTo(3.0 / 8);
    }

    @Test
    void unseenPathEstimateIsOneBeforeAnythingWasSeen() {
        assertThat(acc.unseenPathEstimate()).isEqualTo(1.0);
        assertThat(acc.pathsSeenOnce()).isZero();
        assertThat(acc.itemCount()).isZero();
    }

    @Test
    void toProfileFillsTheGoodTuringFiguresAndKeepsTheSamplersCoverage() {
        acc.add(item("id", s("1"), "x", s("1")));
        acc.add(item("id", s("2")));
        KeySchema key = new KeySchema(new KeySchema.KeyAttribute("id", DynamoType.S), Optional.empty());

        TableProfile p = acc.toProfile("users", "export:/tmp/e", AT, Optional.of(key),
                new SampleCoverage(8, 4, 3, 17, 99, 0.99, true));

        assertThat(p.coverage()).isEqualTo(new SampleCoverage(8, 4, 3, 17, 1, 1.0 / 3, true));
        assertThat(p.itemsSampled()).isEqualTo(2);
        assertThat(p.table()).isEqualTo("users");
        assertThat(p.source()).isEqualTo("export:/tmp/e");
        assertThat(p.sampledAt()).isEqualTo(AT);
        assertThat(p.keySchema()).contains(key);
    }

    @Test
    void mergeAddsItemCountsAndPaths() {
        ProfileAccumulator other = new ProfileAccumulator(List.of());
        acc.add(item("a", s("x")));
        other.add(item("a", s("y"), "b", m("c", n("1"))));

        acc.merge(other);

        assertThat(acc.itemCount()).isEqualTo(2);
        assertThat(acc.pathCount()).isEqualTo(3);
        assertThat(attr("a").presence()).isEqualTo(1.0);
        assertThat(attr("b.c").presence()).isEqualTo(0.5);
    }

    @Test
    void mergeLeavesTheOtherAccumulatorUnchangedAndUnshared() {
        ProfileAccumulator other = new ProfileAccumulator(List.of());
        other.add(item("a", s("y"), "b", l(n("1"))));
        TableProfile before = profile(other);

        acc.merge(other);
        acc.add(item("a", s("zzzz"), "b", l(n("5"))));

        assertThat(profile(other)).isEqualTo(before);
        other.add(item("a", s("q")));
        assertThat(attr("a").itemsPresent()).isEqualTo(2);
    }

    @Test
    void mergingIntoItselfIsRejected() {
        assertThatThrownBy(() -> acc.merge(acc)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("itself");
    }

    @Test
    void mergingProfilesWithOtherDetectorsIsRejected() {
        ProfileAccumulator other = new ProfileAccumulator(List.of(RegexDetector.of("email", ".*@.*")));

        assertThatThrownBy(() -> acc.merge(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[email]");
    }
}
