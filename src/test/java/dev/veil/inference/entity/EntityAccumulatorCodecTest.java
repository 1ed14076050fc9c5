package dev.veil.inference.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.veil.inference.detect.ValueDetectors;
import dev.veil.model.AttributeProfile;
import dev.veil.model.DynamoType;
import dev.veil.model.DynamoValue;
import dev.veil.model.KeySchema;
import dev.veil.model.SampleCoverage;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An entity accumulator shipped as bytes (as the Spark job's tasks ship theirs) merges as the original would. */
class EntityAccumulatorCodecTest {

    private static final Optional<KeySchema> PK_SK = Optional.of(new KeySchema(
            new KeySchema.KeyAttribute("pk", DynamoType.S), Optional.of(new KeySchema.KeyAttribute("sk", DynamoType.S))));

    private static Map<String, DynamoValue> item(String... namesAndValues) {
        Map<String, DynamoValue> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], new DynamoValue.S(namesAndValues[i + 1]));
        }
        return m;
    }

    private static EntityAccumulator accumulator() {
        return new EntityAccumulator(ValueDetectors.standard(), PK_SK, Markers.with(List.of("kind")));
    }

    private static EntityAccumulator part(int from, int to) {
        EntityAccumulator a = accumulator();
        for (int i = from; i < to; i++) {
            a.add(item("pk", "USER#" + i, "sk", "PROFILE", "email", "u" + i + "@example.com", "name", "N" + i));
            a.add(item("pk", "USER#" + i, "sk", "ORDER#2024-" + i, "total", String.valueOf(i), "status", "paid"));
            a.add(item("pk", "INV#" + i, "sk", "INV#" + i, "kind", "invite", "email", "i" + i + "@example.com"));
        }
        return a;
    }

    private static List<AttributeProfile> profile(EntityAccumulator a) {
        return a.table().toProfile("t", "test", Instant.EPOCH, Optional.empty(),
                SampleCoverage.unsegmented(0, 0, 0, false)).attributes();
    }

    private static EntityAccumulator shipped(EntityAccumulator a) {
        return EntityAccumulator.fromBytes(a.toBytes(), ValueDetectors.standard(), PK_SK, Markers.with(List.of("kind")));
    }

    @Test
    void partsShippedAsBytesAndMergedFindTheEntitiesOfTheOriginals() {
        EntityAccumulator direct = part(0, 20);
        direct.merge(part(20, 45));
        EntityAccumulator viaBytes = shipped(part(0, 20));
        viaBytes.merge(shipped(part(20, 45)));

        assertThat(viaBytes.entities()).isNotEmpty().isEqualTo(direct.entities());
        assertThat(profile(viaBytes)).isEqualTo(profile(direct));
        assertThat(viaBytes.labels()).isEqualTo(direct.labels());
    }

    @Test
    void labelsKeepTheOrderTheyWereFirstSeenInSoTheCapHoldsAsForTheOriginal() {
        EntityAccumulator full = accumulator();
        for (int i = 0; i < EntityAccumulator.MAX_LABELS + 10; i++) {
            full.add(item("pk", "T" + i + "#x", "sk", "S#1", "a", "1"));
        }
        EntityAccumulator early = accumulator();
        early.add(item("pk", "LATE#x", "sk", "S#1", "b", "2"));

        EntityAccumulator direct = part(0, 1);
        direct.merge(full);
        direct.merge(early);
        EntityAccumulator viaBytes = shipped(part(0, 1));
        viaBytes.merge(shipped(full));
        viaBytes.merge(shipped(early));

        assertThat(shipped(full).overflowed()).isTrue();
        assertThat(viaBytes.labels()).isEqualTo(direct.labels());
        assertThat(viaBytes.entities()).isEqualTo(direct.entities());
        assertThat(profile(viaBytes)).isEqualTo(profile(direct));
    }

    @Test
    void bytesOfAnAccumulatorWithOtherKeysOrMarkersAreRefused() {
        byte[] bytes = part(0, 3).toBytes();
        assertThatThrownBy(() -> EntityAccumulator.fromBytes(bytes, ValueDetectors.standard(), Optional.empty(),
                Markers.with(List.of("kind")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[pk, sk]");
        assertThatThrownBy(() -> EntityAccumulator.fromBytes(bytes, ValueDetectors.standard(), PK_SK,
                Markers.with(List.of()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("markers");
    }

    @Test
    void truncatedBytesAreRefusedAsCorrupt() {
        byte[] bytes = part(0, 3).toBytes();
        byte[] cut = Arrays.copyOf(bytes, bytes.length / 2);
        assertThatThrownBy(() -> EntityAccumulator.fromBytes(cut, ValueDetectors.standard(), PK_SK,
                Markers.with(List.of("kind")))).isInstanceOf(IllegalArgumentException.class);
    }
}
