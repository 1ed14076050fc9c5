package dev.veil.dynamo;

import dev.veil.work.Cancellation;

/**
 * Keeps consumed read capacity under a rate. The cost of a Scan page is only known afterwards
 * (ReturnConsumedCapacity), so the limiter works on debt: before a request it waits until the
 * capacity already consumed, less one second's allowance, fits the time elapsed. The rate can
 * be overshot by the pages in flight, no more.
 */
final class CapacityLimiter {

    private static final long MAX_NAP_NANOS = 100_000_000L;

    private final double unitsPerSecond;
    private final Ticker ticker;
    private final long start;
    private double consumed;

    CapacityLimiter(double unitsPerSecond, Ticker ticker) {
        this.unitsPerSecond = unitsPerSecond;
        this.ticker = ticker;
        this.start = ticker.nanoTime();
    }

    /**
     * Waits until another request fits the rate, in short naps so that {@code halt} is noticed.
     *
     * @return false when {@code halt} was requested while waiting: send no request
     */
    boolean acquire(Cancellation halt) throws InterruptedException {
        for (long wait = waitNanos(); wait > 0; wait = waitNanos()) {
            if (halt.isRequested()) {
                return false;
            }
            ticker.sleepNanos(Math.min(wait, MAX_NAP_NANOS));
        }
        return true;
    }

    private synchronized long waitNanos() {
        double owedSeconds = (consumed - unitsPerSecond) / unitsPerSecond;
        long allowedAt = start + (long) (owedSeconds * 1e9);
        return allowedAt - ticker.nanoTime();
    }

    /** Records what a request consumed. */
    synchronized void record(double units) {
        consumed += units;
    }
}
