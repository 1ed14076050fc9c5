package dev.veil.inference;

import static dev.veil.inference.ProfileTestValues.item;
import static dev.veil.inference.ProfileTestValues.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class StabilityTrackerTest {

    @Test
    void nothingSeenIsNotStable() {
        assertThat(new StabilityTracker().isStable()).isFalse();
    }

    @Test
    void becomesStableAfterTheMinimumWindowWithoutNewPaths() {
        StabilityTracker t = new StabilityTracker();
        t.observe(100, 12);
        t.observe(200, 12);
        assertThat(t.isStable()).isFalse();

        t.observe(300, 12);

        assertThat(t.itemsSinceNewPath()).isEqualTo(200);
        assertThat(t.isStable()).isTrue();
    }

    @Test
    void aNewPathRestartsTheWindow() {
        StabilityTracker t = new StabilityTracker(50, 0);
        t.observe(100, 5);
        t.observe(160, 5);
        assertThat(t.isStable()).isTrue();

        t.observe(170, 6);

        assertThat(t.isStable()).isFalse();
        assertThat(t.itemsSinceNewPath()).isZero();
    }

    @Test
    void theWindowGrowsWithTheShareOfItemsSeen() {
        StabilityTracker t = new StabilityTracker();
        t.observe(10_000, 40);
        t.observe(11_500, 40);

        assertThat(t.window()).isEqualTo(2_300);
        assertThat(t.isStable()).isFalse();

        t.observe(12_400, 40);

        assertThat(t.window()).isEqualTo(2_480);
        assertThat(t.isStable()).isFalse();

        t.observe(12_500, 40);

        assertThat(t.isStable()).isTrue();
    }

    @Test
    void aPageThatBroughtANewPathCountsAsNewUntilItsLastItem() {
        StabilityTracker t = new StabilityTracker(10, 0);
        t.observe(100, 3);
        t.observe(109, 3);

        assertThat(t.itemsSinceNewPath()).isEqualTo(9);
        assertThat(t.isStable()).isFalse();
    }

    @Test
    void followsAnAccumulator() {
        ProfileAccumulator acc = new ProfileAccumulator(List.of());
        StabilityTracker t = new StabilityTracker(3, 0);
        for (int i = 0; i < 3; i++) {
            acc.add(item("id", s("u" + i), "f" + i, s("x")));
            t.observe(acc);
        }
        assertThat(t.isStable()).isFalse();

        for (int i = 0; i < 3; i++) {
            acc.add(item("id", s("v" + i)));
            t.observe(acc);
        }

        assertThat(t.isStable()).isTrue();
    }

    @Test
    void totalsThatGoDownAreRejected() {
        StabilityTracker t = new StabilityTracker();
        t.observe(100, 5);

        assertThatThrownBy(() -> t.observe(50, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("totals");
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> new StabilityTracker(0, 0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StabilityTracker(10, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StabilityTracker(10, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
