package dev.veil.dynamo;

/** Time as the rate limiter sees it; tests substitute a virtual clock. */
interface Ticker {

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;
}
