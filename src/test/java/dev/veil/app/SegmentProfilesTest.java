package dev.veil.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.inference.ProfileAccumulator;
import dev.veil.inference.detect.ValueDetectors;
import dev.veil.model.DynamoValue;
import dev.veil.model.SampleCoverage;
import dev.veil.model.TableProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SegmentProfilesTest {

    private static final SampleCoverage COVERAGE = new SampleCoverage(4, 4, 4, 10, 0, 0, false, 12, 3.5);

    @Test
    void mergedProfileIsTheProfileOfOneAccumulatorOverTheSameItems() {
        List<Map<String, DynamoValue>> items = items(300);
        SegmentProfiles perSegment = new SegmentProfiles(false);
        ProfileAccumulator single = new ProfileAccumulator(ValueDetectors.standard());
        for (int i = 0; i < items.size(); i++) {
            perSegment.add(i % 7, items.get(i));
            single.add(items.get(i));
        }

        assertThat(profile(perSegment.merged())).isEqualTo(profile(single));
    }

    @Test
    void withKindsOfItemTheMergedProfileAndKindsAreThoseOfOneAccumulatorEach() {
        java.util.function.Supplier<dev.veil.inference.entity.EntityAccumulator> kinds = () ->
                new dev.veil.inference.entity.EntityAccumulator(ValueDetectors.standard(), Optional.of(
                        new dev.veil.model.KeySchema(new dev.veil.model.KeySchema.KeyAttribute("pk", dev.veil.model.DynamoType.S),
                                Optional.of(new dev.veil.model.KeySchema.KeyAttribute("sk", dev.veil.model.DynamoType.S)))),
                        dev.veil.inference.entity.Markers.with(List.of()));
        SegmentProfiles perSegment = new SegmentProfiles(false, Optional.of(kinds));
        ProfileAccumulator single = new ProfileAccumulator(ValueDetectors.standard());
        dev.veil.inference.entity.EntityAccumulator singleKinds = kinds.get();
        for (int i = 0; i < 300; i++) {
            Map<String, DynamoValue> item = new LinkedHashMap<>();
            item.put("pk", new DynamoValue.S("USER#" + (i / 3)));
            item.put("sk", new DynamoValue.S(i % 3 == 0 ? "PROFILE" : i % 3 == 1 ? "ORDER#" + i : "CART#" + i));
            item.put(i % 3 == 0 ? "email" : i % 3 == 1 ? "total" : "lines", new DynamoValue.S("v" + i));
            perSegment.add(i % 7, item);
            single.add(item);
            singleKinds.add(item);
        }

        assertThat(profile(perSegment.merged())).isEqualTo(profile(single));
        assertThat(perSegment.mergedKinds().orElseThrow().entities()).hasSize(3).isEqualTo(singleKinds.entities());
    }

    @Test
    void profileIsStableOnlyAfterAQuietWindowAcrossEverySegment() {
        SegmentProfiles profiles = new SegmentProfiles(true);
        List<Map<String, DynamoValue>> items = items(1000);
        int stableAt = -1;
        for (int i = 0; i < items.size() && stableAt < 0; i++) {
            if (profiles.add(i % 4, items.get(i))) {
                stableAt = i + 1;
            }
        }

        // Items bring their last new path at item 40 (in segment 0 .. 3 by turn); 200 quiet items follow.
        assertThat(stableAt).isGreaterThanOrEqualTo(40 + 200).isLessThan(1000);
        assertThat(profiles.isStable()).isTrue();
    }

    @Test
    void withoutUntilStableSamplingIsNeverAskedToStop() {
        SegmentProfiles profiles = new SegmentProfiles(false);

        boolean stop = false;
        for (Map<String, DynamoValue> item : items(1000)) {
            stop |= profiles.add(0, item);
        }

        assertThat(stop).isFalse();
    }

    private static TableProfile profile(ProfileAccumulator accumulator) {
        return accumulator.toProfile("t", "table", Instant.EPOCH, Optional.empty(), COVERAGE);
    }

    /** Items of several shapes; the first 40 bring one new attribute each, later ones none. */
    private static List<Map<String, DynamoValue>> items(int count) {
        List<Map<String, DynamoValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, DynamoValue> item = new LinkedHashMap<>();
            item.put("pk", new DynamoValue.S("USER#" + i % 13));
            item.put("email", new DynamoValue.S("user" + i + "@mail.test"));
            item.put("age", new DynamoValue.N(String.valueOf(20 + i % 50)));
            item.put("address", new DynamoValue.M(Map.of("city", new DynamoValue.S("City " + i % 5))));
            if (i < 40) {
                item.put("extra_" + i, new DynamoValue.S("x" + i));
            }
            items.add(item);
        }
        return items;
    }
}
