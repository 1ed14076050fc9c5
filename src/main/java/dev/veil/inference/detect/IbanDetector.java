package dev.veil.inference.detect;

import java.util.Map;

/**
 * International bank account numbers: a known country code, that country's length, and the
 * ISO 7064 mod-97 check. Accepts the printed form with spaces every four characters.
 */
public final class IbanDetector extends BaseDetector {

    public static final String ID = "iban";

    /** IBAN length per country (SWIFT IBAN registry). */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22),
            Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24),
            Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22),
            Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21),
            Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IS", 26), Map.entry("IT", 27),
            Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LI", 21),
            Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24),
            Map.entry("ME", 22), Map.entry("MK", 19), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29),
            Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24),
            Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("TN", 24),
            Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VG", 24), Map.entry("XK", 20));

    /** True when {@code code} is a country that issues IBANs. */
    static boolean ibanCountry(String code) {
        return LENGTHS.containsKey(code);
    }

    public IbanDetector() {
        super(ID, "IBANs (checksum-valid)", Leaning.OWNER_ONLY, 0.9);
    }

    @Override
    public ShapeFilter shape() {
        return ShapeFilter.lengths(15, 42).opening("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
                .madeOf(TextShape.UPPER | TextShape.DIGIT | TextShape.of(' '));
    }

    @Override
    public boolean matches(String value) {
        int n = value.length();
        if (n < 15 || n > 42 || !upper(value.charAt(0)) || !upper(value.charAt(1))) {
            return false;
        }
        String compact = compact(value);
        Integer expected = LENGTHS.get(value.substring(0, 2));
        return expected != null && compact.length() == expected && digit(compact.charAt(2)) && digit(compact.charAt(3))
                && Checksums.mod97(compact);
    }

    /** Drops the single spaces of the printed form; any other character makes the value fail later. */
    private static String compact(String v) {
        return v.indexOf(' ') < 0 ? v : v.replace(" ", "");
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
