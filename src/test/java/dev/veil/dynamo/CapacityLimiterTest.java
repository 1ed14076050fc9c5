package dev.veil.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapacityLimiterTest {

    private final FakeTicker ticker = new FakeTicker();

    @Test
    void firstSecondOfCapacityPassesWithoutWaiting() throws InterruptedException {
        CapacityLimiter limiter = new CapacityLimiter(10, ticker);

        limiter.record(10);

        assertThat(limiter.acquire(() -> false)).isTrue();
        assertThat(ticker.now).isZero();
    }

    @Test
    void capacityBeyondTheAllowanceIsPaidForWithWaiting() throws InterruptedException {
        CapacityLimiter limiter = new CapacityLimiter(10, ticker);

        limiter.record(35);
        limiter.acquire(() -> false);

        // 35 units at 10/s with one second of allowance: 2.5 s.
        assertThat(ticker.now).isEqualTo(2_500_000_000L);
    }

    @Test
    void waitingEndsEarlyWhenHalted() throws InterruptedException {
        CapacityLimiter limiter = new CapacityLimiter(1, ticker);
        limiter.record(100);

        boolean mayProceed = limiter.acquire(() -> ticker.now >= 300_000_000L);

        assertThat(mayProceed).isFalse();
        assertThat(ticker.now).isLessThan(1_000_000_000L);
    }

    private static final class FakeTicker implements Ticker {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos;
        }
    }
}
