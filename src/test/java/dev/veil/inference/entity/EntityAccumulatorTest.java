package dev.veil.inference.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.inference.detect.ValueDetectors;
import dev.veil.model.AttributePath;
import dev.veil.model.DynamoType;
import dev.veil.model.DynamoValue;
import dev.veil.model.EntityMatch;
import dev.veil.model.EntityProfile;
import dev.veil.model.KeySchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntityAccumulatorTest {

    private static final Optional<KeySchema> PK_SK = Optional.of(new KeySchema(
            new KeySchema.KeyAttribute("pk", DynamoType.S), Optional.of(new KeySchema.KeyAttribute("sk", DynamoType.S))));

    private static Map<String, DynamoValue> item(String... namesAndValues) {
        Map<String, DynamoValue> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], new DynamoValue.S(namesAndValues[i + 1]));
        }
        return m;
    }

    private static EntityAccumulator accumulator(List<String> markers) {
        return new EntityAccumulator(ValueDetectors.standard(), PK_SK, Markers.with(markers));
    }

    @Test
    void findsKindsFromAMarkerAttribute() {
        EntityAccumulator a = accumulator(List.of());
        for (int i = 0; i < 10; i++) {
            a.add(item("pk", "u" + i, "sk", "u" + i, "_et", "User", "email", "x" + i + "@example.com"));
            a.add(item("pk", "u" + i, "sk", "o" + i, "_et", "Order", "total", "12"));
        }
        List<EntityProfile> kinds = a.entities();
        assertThat(kinds).extracting(EntityProfile::name).containsExactly("Order", "User");
        assertThat(kinds.get(1).match()).isEqualTo(EntityMatch.equalTo("_et", "User"));
        assertThat(kinds.get(1).itemsSampled()).isEqualTo(10);
        assertThat(kinds.get(1).attribute(AttributePath.of("email")).orElseThrow().presence()).isEqualTo(1.0);
        assertThat(kinds.get(1).attribute(AttributePath.of("total"))).isEmpty();
    }

    @Test
    void findsKindsFromSortKeyLiteralsAlone() {
        EntityAccumulator a = accumulator(List.of());
        for (int i = 0; i < 10; i++) {
            a.add(item("pk", "USER#" + i, "sk", "PROFILE", "email", "e", "name", "n"));
            a.add(item("pk", "USER#" + i, "sk", "ORDER#2024-" + i, "total", "1", "status", "s"));
            a.add(item("pk", "USER#" + i, "sk", "INVITE|" + i, "email", "e", "invited_by", "b"));
        }
        List<EntityProfile> kinds = a.entities();
        assertThat(kinds).extracting(EntityProfile::name).containsExactly("INVITE", "ORDER", "PROFILE");
        assertThat(kinds.get(0).match()).isEqualTo(EntityMatch.beginningWith("sk", "INVITE|"));
        assertThat(kinds.get(1).match()).isEqualTo(EntityMatch.beginningWith("sk", "ORDER#"));
        assertThat(kinds.get(2).match()).isEqualTo(EntityMatch.equalTo("sk", "PROFILE"));
    }

    @Test
    void combinesMarkedKindsWithKindsKnownByTheirKeysOnly() {
        EntityAccumulator a = accumulator(List.of());
        for (int i = 0; i < 5; i++) {
            a.add(item("pk", "USER#" + i, "sk", "USER#" + i, "type", "user", "email", "e"));
            a.add(item("pk", "USER#" + i, "sk", "SESSION#" + i, "token", "t", "expires", "x"));
        }
        assertThat(a.entities()).extracting(EntityProfile::match).containsExactly(
                EntityMatch.beginningWith("sk", "SESSION#"), EntityMatch.equalTo("type", "user"));
    }

    @Test
    void aTableOfOneKindHasNoEntities() {
        EntityAccumulator a = accumulator(List.of());
        for (int i = 0; i < 20; i++) {
            a.add(item("pk", "USER#" + i, "sk", "USER#" + i, "email", "e"));
        }
        assertThat(a.entities()).isEmpty();
    }

    @Test
    void keyLiteralsOverTheSameAttributesAreDataNotKinds() {
        EntityAccumulator a = accumulator(List.of());
        for (int i = 0; i < 20; i++) {
            a.add(item("pk", "acme#" + i, "sk", "x", "email", "e", "name", "n", "plan", "p"));
            a.add(item("pk", "globex#" + i, "sk", "x", "email", "e", "name", "n", "plan", "p"));
        }
        assertThat(a.entities()).isEmpty();
    }

    @Test
    void aKeyKindThatOverlapsAMarkedKindGivesWay() {
        EntityAccumulator a = accumulator(List.of());
        for (int i = 0; i < 5; i++) {
            a.add(item("pk", "A#" + i, "sk", "ORDER#" + i, "_et", "Order", "total", "t"));
            a.add(item("pk", "A#" + i, "sk", "ORDER#" + i, "note", "n", "extra", "x"));
            a.add(item("pk", "A#" + i, "sk", "CART#" + i, "lines", "l"));
        }
        assertThat(a.entities()).extracting(EntityProfile::name).containsExactly("CART", "Order");
    }

    @Test
    void aNamedMarkerIsTrustedBeforeTheStandardOnes() {
        EntityAccumulator a = accumulator(List.of("kind"));
        for (int i = 0; i < 5; i++) {
            a.add(item("pk", "p" + i, "sk", "s", "kind", "Invoice", "type", "paper"));
            a.add(item("pk", "p" + i, "sk", "t", "kind", "Receipt", "type", "paper"));
        }
        assertThat(a.entities()).extracting(EntityProfile::match).containsExactly(
                EntityMatch.equalTo("kind", "Invoice"), EntityMatch.equalTo("kind", "Receipt"));
    }

    @Test
    void mergingSegmentsEqualsProfilingOnce() {
        EntityAccumulator whole = accumulator(List.of());
        EntityAccumulator left = accumulator(List.of());
        EntityAccumulator right = accumulator(List.of());
        for (int i = 0; i < 10; i++) {
            Map<String, DynamoValue> user = item("pk", "u" + i, "sk", "u", "_et", "User", "email", "e" + i);
            Map<String, DynamoValue> order = item("pk", "u" + i, "sk", "o", "_et", "Order", "total", "t" + i);
            whole.add(user);
            whole.add(order);
            (i % 2 == 0 ? left : right).add(user);
            (i % 3 == 0 ? left : right).add(order);
        }
        left.merge(right);
        assertThat(left.entities()).isEqualTo(whole.entities());
    }

    @Test
    void mergingPastTheLabelCapEqualsOneAccumulatorFedTheSameItems() {
        EntityAccumulator whole = accumulator(List.of());
        EntityAccumulator left = accumulator(List.of());
        EntityAccumulator right = accumulator(List.of());
        // 200 kinds in each segment, 100 of them shared: 300 in all, past the cap of 256.
        for (int i = 0; i < 200; i++) {
            left.add(item("pk", "p" + i, "sk", "s", "_et", "K" + i, "a" + i, "x"));
        }
        for (int i = 100; i < 300; i++) {
            right.add(item("pk", "q" + i, "sk", "s", "_et", "K" + i, "a" + i, "y"));
        }
        for (int i = 0; i < 200; i++) {
            whole.add(item("pk", "p" + i, "sk", "s", "_et", "K" + i, "a" + i, "x"));
        }
        for (int i = 100; i < 300; i++) {
            whole.add(item("pk", "q" + i, "sk", "s", "_et", "K" + i, "a" + i, "y"));
        }

        left.merge(right);

        assertThat(left.overflowed()).isTrue().isEqualTo(whole.overflowed());
        assertThat(left.labels()).isEqualTo(whole.labels()).isLessThanOrEqualTo(EntityAccumulator.MAX_LABELS + 1);
        assertThat(left.entities()).isEqualTo(whole.entities());
        assertThat(left.table().toProfile("t", "table", java.time.Instant.EPOCH, Optional.empty(),
                dev.veil.model.SampleCoverage.unsegmented(0, 0, 0, false)))
                .isEqualTo(whole.table().toProfile("t", "table", java.time.Instant.EPOCH, Optional.empty(),
                        dev.veil.model.SampleCoverage.unsegmented(0, 0, 0, false)));
    }

    @Test
    void theTableProfileIsTheMergeOfEveryKindsItems() {
        EntityAccumulator kinds = accumulator(List.of());
        dev.veil.inference.ProfileAccumulator direct = new dev.veil.inference.ProfileAccumulator(ValueDetectors.standard());
        for (int i = 0; i < 20; i++) {
            Map<String, DynamoValue> user = item("pk", "USER#" + i, "sk", "PROFILE", "email", "u" + i + "@example.com");
            Map<String, DynamoValue> order = item("pk", "USER#" + i, "sk", "ORDER#" + i, "total", "12");
            Map<String, DynamoValue> plain = item("pk", "x" + i, "note", "n");
            for (Map<String, DynamoValue> it : List.of(user, order, plain)) {
                kinds.add(it);
                direct.add(it);
            }
        }
        dev.veil.model.SampleCoverage none = dev.veil.model.SampleCoverage.unsegmented(0, 0, 0, false);

        assertThat(kinds.table().toProfile("t", "table", java.time.Instant.EPOCH, Optional.empty(), none))
                .isEqualTo(direct.toProfile("t", "table", java.time.Instant.EPOCH, Optional.empty(), none));
    }
}
