package dev.veil.drift;

/**
 * When a sample is "large enough to expect" an attribute. An attribute held by a share {@code p} of
 * the items shows up in a random sample of {@code n} items with probability {@code 1 - (1 - p)^n}; Veil
 * expects it when that probability is at least {@value #CONFIDENCE}. {@code p} is the attribute's
 * presence in the latest earlier run that saw it; with no such run Veil assumes it was in
 * {@value #ASSUMED_PRESENCE} of the items (a 1% attribute), which takes 459 items.
 */
final class Expectation {

    /** How sure Veil must be that a sample would have shown the attribute. */
    static final double CONFIDENCE = 0.99;
    /** The presence assumed when no earlier run measured one. */
    static final double ASSUMED_PRESENCE = 0.01;

    private Expectation() {
    }

    /** The probability that {@code n} sampled items include one holding an attribute of presence {@code p}. */
    static double chanceOfSeeing(double p, long n) {
        if (p <= 0 || n <= 0) {
            return 0;
        }
        if (p >= 1) {
            return 1;
        }
        return -Math.expm1(n * Math.log1p(-p));
    }

    static boolean expected(double p, long n) {
        return chanceOfSeeing(p, n) >= CONFIDENCE;
    }

    /** The sample size at which an attribute of presence {@code p} is expected. */
    static long itemsNeeded(double p) {
        if (p >= 1) {
            return 1;
        }
        return (long) Math.ceil(Math.log1p(-CONFIDENCE) / Math.log1p(-p));
    }
}
