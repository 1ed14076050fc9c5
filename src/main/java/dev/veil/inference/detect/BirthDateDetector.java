package dev.veil.inference.detect;

import java.time.Year;

/**
 * Calendar dates without a time that could be someone's date of birth: ISO
 * ({@code 1987-04-12}, {@code 1987/04/12}) or day-month-year / month-day-year with {@code /},
 * {@code .} or {@code -}, a real calendar day, and a year from 1900 up to sixteen years ago.
 * Weak on its own (order dates from long ago look the same), so its strength is low; a
 * matching name settles it.
 */
public final class BirthDateDetector extends BaseDetector {

    public static final String ID = "date-of-birth";

    private final int latestYear;

    /** Counts dates up to sixteen years before the current year. */
    public BirthDateDetector() {
        this(Year.now().getValue());
    }

    /** Counts dates up to sixteen years before {@code currentYear}; for tests. */
    public BirthDateDetector(int currentYear) {
        super(ID, "dates of birth", Leaning.OWNER_ONLY, 0.45);
        this.latestYear = currentYear - 16;
    }

    @Override
    public ShapeFilter shape() {
        return ShapeFilter.lengths(10, 10).requiringOneOf(TextShape.ofEach("-/."));
    }

    @Override
    public boolean matches(String value) {
        if (value.length() != 10) {
            return false;
        }
        char a = value.charAt(4);
        char b = value.charAt(2);
        if ((a == '-' || a == '/') && value.charAt(7) == a) {
            return date(num(value, 0, 4), num(value, 5, 7), num(value, 8, 10));
        }
        if ((b == '/' || b == '.' || b == '-') && value.charAt(5) == b) {
            int first = num(value, 0, 2);
            int second = num(value, 3, 5);
            int year = num(value, 6, 10);
            return date(year, second, first) || date(year, first, second);
        }
        return false;
    }

    private boolean date(int year, int month, int day) {
        if (year < 1900 || year > latestYear || month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    /** The decimal number in [from, to), or -1 when a character is not a digit. */
    private static int num(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
