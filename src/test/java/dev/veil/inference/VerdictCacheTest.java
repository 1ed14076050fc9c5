package dev.veil.inference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictCacheTest {

    private final VerdictCache cache = new VerdictCache();

    @Test
    void aRememberedTextGetsItsVerdictBack() {
        assertThat(cache.find("alice@example.com")).isNull();
        cache.remember(new int[] {0, 3, 9}, 2);

        assertThat(cache.find("alice@example.com")).containsExactly(0, 3);
        assertThat(cache.find("bob@example.com")).isNull();
    }

    @Test
    void theSameTextOfAnotherKindIsNotKnown() {
        cache.find("42", 0);
        cache.remember(new int[] {1}, 1);

        assertThat(cache.find("42", 1)).as("the number 42 after the string 42").isNull();
        assertThat(cache.find("42", 0)).containsExactly(1);
    }

    @Test
    void textsThatDifferOnlyInLengthOrOrderAreKeptApart() {
        cache.find("ab");
        cache.remember(new int[] {1}, 1);
        cache.find("ba");
        cache.remember(new int[0], 0);

        assertThat(cache.find("ab")).containsExactly(1);
        assertThat(cache.find("ba")).isEmpty();
        assertThat(cache.find("ab\u0000")).isNull();
        assertThat(cache.find("")).isNull();
    }

    @Test
    void everyTextUpToTheCapacityIsRemembered() {
        for (int i = 0; i < VerdictCache.CAPACITY; i++) {
            cache.find("value-" + i);
            cache.remember(new int[] {i % 5}, 1);
        }
        for (int i = 0; i < VerdictCache.CAPACITY; i++) {
            assertThat(cache.find("value-" + i)).as("value-" + i).containsExactly(i % 5);
        }
    }

    @Test
    void aFullCacheLearnsNothingMore() {
        for (int i = 0; i < VerdictCache.CAPACITY; i++) {
            cache.find("value-" + i);
            cache.remember(new int[0], 0);
        }
        cache.find("one more");
        cache.remember(new int[] {2}, 1);

        assertThat(cache.find("one more")).isNull();
        assertThat(cache.find("value-0")).isEmpty();
    }

    @Test
    void aPathOfEverNewValuesSwitchesTheCacheOff() {
        for (int i = 0; i < VerdictCache.CAPACITY; i++) {
            cache.find("value-" + i);
            cache.remember(new int[0], 0);
        }
        for (int i = 0; i < 4 * VerdictCache.CAPACITY; i++) {
            cache.find("new-" + i);
        }

        assertThat(cache.find("value-0")).as("known before, but the cache is off").isNull();
    }

    @Test
    void aPathOfRepeatedValuesKeepsItsCache() {
        for (int i = 0; i < VerdictCache.CAPACITY; i++) {
            cache.find("value-" + i);
            cache.remember(new int[0], 0);
        }
        for (int i = 0; i < 8 * VerdictCache.CAPACITY; i++) {
            cache.find(i % 2 == 0 ? "value-" + (i % VerdictCache.CAPACITY) : "new-" + i);
        }

        assertThat(cache.find("value-0")).isEmpty();
    }
}
