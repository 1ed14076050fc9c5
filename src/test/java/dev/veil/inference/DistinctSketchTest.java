package dev.veil.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DistinctSketchTest {

    @Test
    void anEmptySketchCountsZero() {
        assertThat(new DistinctSketch().estimate()).isZero();
    }

    @Test
    void emptyStringsCount() {
        DistinctSketch d = new DistinctSketch();
        d.addString("");

        assertThat(d.estimate()).isEqualTo(1);
    }

    @Test
    void equalTextOfDifferentTypesCountsTwice() {
        DistinctSketch d = new DistinctSketch();
        d.addString("1");
        d.addNumber("1");
        d.addString("true");
        d.addBoolean(true);

        assertThat(d.estimate()).isEqualTo(4);
    }

    @Test
    void largeCountsAreEstimatedWithinAFewPercent() {
        DistinctSketch d = new DistinctSketch();
        for (int i = 0; i < 200_000; i++) {
            d.addString("user-" + i);
            d.addString("user-" + (i / 2));
        }

        assertThat((double) d.estimate()).isCloseTo(200_000, within(200_000 * 0.05));
    }

    @Test
    void mergingCountsTheUnionNotTheSum() {
        DistinctSketch a = new DistinctSketch();
        DistinctSketch b = new DistinctSketch();
        for (int i = 0; i < 50_000; i++) {
            a.addString("k" + i);
            b.addString("k" + (i + 25_000));
        }

        a.merge(b);

        assertThat((double) a.estimate()).isCloseTo(75_000, within(75_000 * 0.05));
    }
}
