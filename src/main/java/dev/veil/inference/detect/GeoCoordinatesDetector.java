package dev.veil.inference.detect;

import java.util.regex.Pattern;

/**
 * Latitude/longitude pairs written as text ({@code 52.52001, 13.40495}), each with at least
 * three decimals (about 100 m, precise enough to locate a person) and within range. A lone
 * decimal number is not counted: prices and readings look the same.
 */
public final class GeoCoordinatesDetector extends BaseDetector {

    public static final String ID = "geo-coordinates";

    private static final Pattern PAIR = Pattern.compile("(-?\\d{1,2}\\.\\d{3,15}) ?[, ;] ?(-?\\d{1,3}\\.\\d{3,15})");

    public GeoCoordinatesDetector() {
        super(ID, "latitude/longitude pairs", Leaning.OWNER_ONLY, 0.75);
    }

    @Override
    public ShapeFilter shape() {
        return ShapeFilter.lengths(11, 40).opening("-0123456789").requiringOneOf(TextShape.ofEach(", ;"))
                .madeOf(TextShape.DIGIT | TextShape.ofEach("-., ;"));
    }

    @Override
    public boolean matches(String value) {
        int n = value.length();
        if (n < 11 || n > 40) {
            return false;
        }
        char first = value.charAt(0);
        if (first != '-' && (first < '0' || first > '9')) {
            return false;
        }
        if (value.indexOf(',') < 0 && value.indexOf(' ') < 0 && value.indexOf(';') < 0) {
            return false; // the pair needs one of its separators: a lone number never gets a matcher
        }
        var m = PAIR.matcher(value);
        return m.matches() && Math.abs(Double.parseDouble(m.group(1))) <= 90 && Math.abs(Double.parseDouble(m.group(2))) <= 180;
    }
}
