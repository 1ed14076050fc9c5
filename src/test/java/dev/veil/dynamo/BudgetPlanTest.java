package dev.veil.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BudgetPlanTest {

    @Property
    void allocationsSpendTheWholeRemainingBudget(@ForAll @LongRange(min = 0, max = 100_000) long remaining,
                                                 @ForAll @Size(min = 1, max = 300) long[] itemsRead) {
        int[] shares = BudgetPlan.allocate(remaining, nonNegative(itemsRead));

        assertThat(IntStream.of(shares).asLongStream().sum()).isEqualTo(remaining);
    }

    @Property
    void sharesDifferByAtMostOne(@ForAll @LongRange(min = 0, max = 100_000) long remaining,
                                 @ForAll @Size(min = 1, max = 300) long[] itemsRead) {
        int[] shares = BudgetPlan.allocate(remaining, nonNegative(itemsRead));

        assertThat(IntStream.of(shares).max().getAsInt() - IntStream.of(shares).min().getAsInt()).isLessThanOrEqualTo(1);
    }

    @Property
    void extraItemsGoToTheSegmentsReadLeast(@ForAll @IntRange(min = 1, max = 50) int segments,
                                            @ForAll @Size(min = 50, max = 50) long[] history) {
        long[] itemsRead = Arrays.copyOf(nonNegative(history), segments);
        int remaining = segments - 1;

        int[] shares = BudgetPlan.allocate(remaining, itemsRead);

        long mostReadPicked = IntStream.range(0, segments).filter(i -> shares[i] > 0)
                .mapToLong(i -> itemsRead[i]).max().orElse(0);
        long leastReadSkipped = IntStream.range(0, segments).filter(i -> shares[i] == 0)
                .mapToLong(i -> itemsRead[i]).min().orElse(Long.MAX_VALUE);
        assertThat(mostReadPicked).isLessThanOrEqualTo(leastReadSkipped);
    }

    @Test
    void aSmallBudgetIsSpreadOverTheKeySpaceNotBunchedAtItsStart() {
        int[] shares = BudgetPlan.allocate(4, new long[16]);

        assertThat(shares).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0);
    }

    @Test
    void nothingIsAllocatedWithoutBudgetOrSegments() {
        assertThat(BudgetPlan.allocate(0, new long[3])).containsExactly(0, 0, 0);
        assertThat(BudgetPlan.allocate(10, new long[0])).isEmpty();
    }

    @Property
    void levellingSpendsTheWholeRemainingBudget(@ForAll @LongRange(min = 0, max = 100_000) long remaining,
                                                @ForAll @Size(min = 1, max = 300) long[] itemsRead) {
        int[] shares = BudgetPlan.levelUp(remaining, nonNegative(itemsRead));

        assertThat(IntStream.of(shares).asLongStream().sum()).isEqualTo(remaining);
    }

    @Property
    void levellingLeavesTheFilledCollectionsWithinOneItemOfEachOther(
            @ForAll @LongRange(min = 0, max = 100_000) long remaining,
            @ForAll @Size(min = 1, max = 300) long[] itemsRead) {
        long[] read = nonNegative(itemsRead);
        int[] shares = BudgetPlan.levelUp(remaining, read);

        long[] filled = IntStream.range(0, read.length).filter(i -> shares[i] > 0)
                .mapToLong(i -> read[i] + shares[i]).toArray();
        if (filled.length > 0) {
            long low = Arrays.stream(filled).min().getAsLong();
            assertThat(Arrays.stream(filled).max().getAsLong() - low).isLessThanOrEqualTo(1);
            // No collection left unfilled is shallower than the filled ones were brought to, but for the remainder.
            IntStream.range(0, read.length).filter(i -> shares[i] == 0)
                    .forEach(i -> assertThat(read[i]).isGreaterThanOrEqualTo(low - 1));
        }
    }

    @Test
    void levellingFillsTheShallowCollectionsFirst() {
        assertThat(BudgetPlan.levelUp(10, new long[] {4, 16, 4, 4})).containsExactly(4, 0, 3, 3);
    }

    private static long[] nonNegative(long[] values) {
        return Arrays.stream(values).map(v -> Math.floorMod(v, 1000)).toArray();
    }
}
