package dev.veil.dynamo;

/**
 * Keeps consumed read capacity under a rate. The cost of a Scan page is only known afterwards
 * (ReturnConsumedCapacity), so the limiter works on debt: before a request it waits until the
 * capacity already consumed, less one second's allowance, fits the time elapsed. The rate can
 * be overshot by the pages in flight, no more.
 */
final class CapacityLimiter {

    private final double unitsPerSecond;
    private final Ticker ticker;
    private final long start;
    private double consumed;

    CapacityLimiter(double unitsPerSecond, Ticker ticker) {
        this.unitsPerSecond = unitsPerSecond;
        this.ticker = ticker;
        this.start = ticker.nanoTime();
    }

    /** Waits until another request fits the rate. */
    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            double owedSeconds = (consumed - unitsPerSecond) / unitsPerSecond;
            long allowedAt = start + (long) (owedSeconds * 1e9);
            wait = allowedAt - ticker.nanoTime();
        }
        if (wait > 0) {
            ticker.sleepNanos(wait);
        }
    }

    /** Records what a request consumed. */
    synchronized void record(double units) {
        consumed += units;
    }
}
