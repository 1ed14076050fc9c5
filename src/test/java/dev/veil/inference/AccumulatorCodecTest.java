package dev.veil.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.inference.detect.ValueDetectors;
import dev.veil.model.DynamoValue;
import dev.veil.model.SampleCoverage;
import dev.veil.model.TableProfile;
import dev.veil.testing.ExportFixtures;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccumulatorCodecTest {

    private static final List<Map<String, DynamoValue>> ITEMS = ExportFixtures.users(200, 3);

    @Test
    void anAccumulatorReadBackFromItsBytesGivesTheSameProfile() {
        ProfileAccumulator a = accumulate(ITEMS);

        ProfileAccumulator back = ProfileAccumulator.fromBytes(a.toBytes(), ValueDetectors.standard());

        assertThat(profile(back)).isEqualTo(profile(a));
        assertThat(back.pathCount()).isEqualTo(a.pathCount());
    }

    @Test
    void partsShippedAsBytesMergeIntoTheProfileOfTheWhole() {
        ProfileAccumulator merged = new ProfileAccumulator(ValueDetectors.standard());
        merged.merge(ProfileAccumulator.fromBytes(accumulate(ITEMS.subList(0, 70)).toBytes(), ValueDetectors.standard()));
        merged.merge(ProfileAccumulator.fromBytes(accumulate(ITEMS.subList(70, 200)).toBytes(), ValueDetectors.standard()));

        assertThat(profile(merged)).isEqualTo(profile(accumulate(ITEMS)));
    }

    @Test
    void cutOffBytesAreRefused() {
        byte[] bytes = accumulate(ITEMS).toBytes();

        assertThatThrownBy(() -> ProfileAccumulator.fromBytes(Arrays.copyOf(bytes, bytes.length / 2),
                ValueDetectors.standard()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cut off or corrupt");
    }

    @Test
    void bytesBuiltWithOtherDetectorsAreRefused() {
        byte[] bytes = accumulate(ITEMS).toBytes();

        assertThatThrownBy(() -> ProfileAccumulator.fromBytes(bytes, ValueDetectors.standard().subList(0, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value detectors");
    }

    private static ProfileAccumulator accumulate(List<Map<String, DynamoValue>> items) {
        ProfileAccumulator a = new ProfileAccumulator(ValueDetectors.standard());
        items.forEach(a::add);
        return a;
    }

    private static TableProfile profile(ProfileAccumulator a) {
        return a.toProfile("t", "test", Instant.EPOCH, Optional.empty(), SampleCoverage.unsegmented(0, 0, 0, false));
    }
}
