package dev.veil.inference;

import java.math.BigDecimal;

/**
 * A number's text read as {@code new BigDecimal(text).stripTrailingZeros()} would read it, and
 * whether the text already is that value's {@code toString()}, without the general parser for
 * the plain forms DynamoDB returns ({@code 42}, {@code -7}, {@code 1234.56}): a sign, at most
 * 18 digits and an optional fraction. Anything else (exponents, a {@code +}, more digits) goes
 * to {@link BigDecimal}. {@code NumberTextTest} checks both answers against {@link BigDecimal}.
 */
final class NumberText {

    private static final int MAX_FAST_DIGITS = 18;

    // Longer texts cannot be DynamoDB numbers (38 digits); parsing them would only cost time.
    private static final int MAX_NUMBER_TEXT = 256;

    private NumberText() {
    }

    /** The number in canonical form (trailing zeros stripped), or null when {@code text} is not a number. */
    static BigDecimal value(String text) {
        int n = text.length();
        int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
        int point = -1;
        int digits = 0;
        long unscaled = 0;
        for (int j = i; j < n; j++) {
            char c = text.charAt(j);
            if (c >= '0' && c <= '9') {
                if (++digits > MAX_FAST_DIGITS) {
                    return parsed(text);
                }
                unscaled = unscaled * 10 + (c - '0');
            } else if (c == '.' && point < 0) {
                point = j;
            } else {
                return parsed(text);
            }
        }
        // BigDecimal also refuses a lone sign or point, and wants a digit next to the point
        if (digits == 0) {
            return parsed(text);
        }
        int scale = point < 0 ? 0 : n - point - 1;
        BigDecimal value = BigDecimal.valueOf(i == 1 ? -unscaled : unscaled, scale);
        return unscaled % 10 == 0 ? value.stripTrailingZeros() : value;
    }

    /**
     * True when {@code text} is exactly {@code value(text).toString()}, so that it can stand for
     * the number as it is: {@code 0} or {@code -?[1-9][0-9]*} not ending in 0, or
     * {@code -?(0|[1-9][0-9]*)\.[0-9]*[1-9]} not smaller than 10<sup>-6</sup> (below that,
     * {@code toString} writes an exponent).
     */
    static boolean isCanonical(String text) {
        int n = text.length();
        int i = n > 0 && text.charAt(0) == '-' ? 1 : 0;
        if (i == n) {
            return false;
        }
        if (n - i == 1) {
            char c = text.charAt(i);
            return c >= (i == 1 ? '1' : '0') && c <= '9';
        }
        int point = text.indexOf('.', i);
        int intEnd = point < 0 ? n : point;
        if (intEnd == i || (text.charAt(i) == '0' && intEnd - i > 1)) {
            return false; // no integer digit, or a leading zero
        }
        for (int j = i; j < intEnd; j++) {
            char c = text.charAt(j);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        if (point < 0) {
            return text.charAt(n - 1) != '0';
        }
        if (point == n - 1 || text.charAt(n - 1) == '0') {
            return false;
        }
        for (int j = point + 1; j < n; j++) {
            char c = text.charAt(j);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        if (text.charAt(i) != '0') {
            return true;
        }
        int zeros = 0;
        while (text.charAt(point + 1 + zeros) == '0') {
            zeros++;
        }
        return zeros <= 5;
    }

    private static BigDecimal parsed(String text) {
        if (text.length() > MAX_NUMBER_TEXT) {
            return null;
        }
        try {
            return new BigDecimal(text).stripTrailingZeros();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
