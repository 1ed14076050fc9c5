package dev.veil.inference.detect;

/**
 * A cheap necessary condition of a detector's {@link ValueDetector#matches}: the lengths it can
 * accept, the characters a match can open with, the character classes ({@link TextShape}) a match
 * must hold all of, at least one of, and may only hold. A value the filter does not admit cannot
 * match, so the accumulator skips the detector for it; the verdicts are the detector's own either
 * way, which {@code ShapeFilterTest} checks for every shipped detector.
 *
 * @param minLength  shortest length a match can have
 * @param maxLength  longest length a match can have
 * @param firstLow   opening characters 0-63 a match can have, one bit each
 * @param firstHigh  opening characters 64-127 a match can have, one bit each
 * @param firstBeyondAscii whether a match can open with a character beyond ASCII
 * @param required   classes every match holds
 * @param anyOf      classes of which every match holds one (0: no such condition)
 * @param allowed    the only classes a match can hold
 */
public record ShapeFilter(int minLength, int maxLength, long firstLow, long firstHigh, boolean firstBeyondAscii,
                          long required, long anyOf, long allowed) {

    /** Admits every value: the filter of a detector that declares none. */
    public static final ShapeFilter ANY = lengths(0, Integer.MAX_VALUE);

    /** Admits values of these lengths only. */
    public static ShapeFilter lengths(int min, int max) {
        return new ShapeFilter(min, max, -1L, -1L, true, 0, 0, TextShape.ANY);
    }

    /** This filter, admitting only values that open with one of {@code openings} (ASCII). */
    public ShapeFilter opening(CharSequence openings) {
        long low = 0;
        long high = 0;
        for (int i = 0; i < openings.length(); i++) {
            char c = openings.charAt(i);
            if (c >= 128) {
                throw new IllegalArgumentException("openings are ASCII: " + c);
            }
            if (c < 64) {
                low |= 1L << c;
            } else {
                high |= 1L << (c - 64);
            }
        }
        return new ShapeFilter(minLength, maxLength, low, high, false, required, anyOf, allowed);
    }

    /** This filter, admitting only values holding every class of {@code classes}. */
    public ShapeFilter requiring(long classes) {
        return new ShapeFilter(minLength, maxLength, firstLow, firstHigh, firstBeyondAscii, required | classes, anyOf,
                allowed);
    }

    /** This filter, admitting only values holding at least one class of {@code classes}. */
    public ShapeFilter requiringOneOf(long classes) {
        return new ShapeFilter(minLength, maxLength, firstLow, firstHigh, firstBeyondAscii, required, classes, allowed);
    }

    /** This filter, admitting only values made of {@code classes}. */
    public ShapeFilter madeOf(long classes) {
        return new ShapeFilter(minLength, maxLength, firstLow, firstHigh, firstBeyondAscii, required, anyOf,
                allowed & classes);
    }

    /** Whether a value of this length, opening character and {@link TextShape#classes} could match. */
    public boolean admits(int length, char first, long classes) {
        if (length < minLength || length > maxLength) {
            return false;
        }
        return opensWith(first) && (classes & required) == required && (anyOf == 0 || (classes & anyOf) != 0)
                && (classes & ~allowed) == 0;
    }

    /** Whether a match can open with {@code first}. */
    public boolean opensWith(char first) {
        return first < 64 ? (firstLow >>> first & 1) != 0
                : first < 128 ? (firstHigh >>> (first - 64) & 1) != 0 : firstBeyondAscii;
    }

    /** Whether {@code value} could match. */
    public boolean admits(String value) {
        return value.isEmpty() ? minLength == 0 : admits(value.length(), value.charAt(0), TextShape.classes(value));
    }
}
