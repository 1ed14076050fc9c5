package dev.veil.dynamo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.veil.work.Cancellation;
import org.junit.jupiter.api.Test;

class CapacityLimiterTest {

    private final FakeTicker ticker = new FakeTicker();

    @Test
    void firstSecondOfCapacityPassesWithoutWaiting() throws InterruptedException {
        CapacityLimiter limiter = new CapacityLimiter(10, ticker);

        limiter.record(10);

        assertThat(limiter.acquire(Cancellation.none())).isTrue();
        assertThat(ticker.now).isZero();
    }

    @Test
    void capacityBeyondTheAllowanceIsPaidForWithWaiting() throws InterruptedException {
        CapacityLimiter limiter = new CapacityLimiter(10, ticker);

        limiter.record(35);
        limiter.acquire(Cancellation.none());

        // 35 units at 10/s with one second of allowance: 2.5 s.
        assertThat(ticker.now).isEqualTo(2_500_000_000L);
    }

    @Test
    void waitingEndsEarlyWhenHalted() throws InterruptedException {
        CapacityLimiter limiter = new CapacityLimiter(1, ticker);
        limiter.record(100);

        ticker.haltAt(300_000_000L);

        boolean mayProceed = limiter.acquire(ticker.halt);

        assertThat(mayProceed).isFalse();
        assertThat(ticker.now).isLessThan(1_000_000_000L);
    }

    private static final class FakeTicker implements Ticker {
        final Cancellation halt = new Cancellation();
        long now;
        long haltAt = Long.MAX_VALUE;

        void haltAt(long nanos) {
            haltAt = nanos;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            now += nanos;
            if (now >= haltAt) {
                halt.cancel();
            }
        }
    }
}
