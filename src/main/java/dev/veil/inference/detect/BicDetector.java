package dev.veil.inference.detect;

import java.util.Set;

/**
 * Bank identifier codes (SWIFT BIC, ISO 9362): four letters for the bank, a country code, two
 * characters for the location and optionally three for the branch ({@code DEUTDEFF},
 * {@code NWBKGB2L}, {@code COBADEFFXXX}). A bank's code is public, but a column of them sits
 * beside account numbers: weak evidence that needs most of a column.
 */
public final class BicDetector extends BaseDetector {

    public static final String ID = "bic";

    private static final Set<String> OTHER_COUNTRIES = Set.of("US", "CA", "MX", "AR", "CL", "CO", "PE", "JP", "CN",
            "HK", "SG", "KR", "IN", "AU", "NZ", "ZA", "NG", "KE", "MA", "TH", "MY", "ID", "PH", "VN", "TW", "RU");

    public BicDetector() {
        super(ID, "bank identifier codes (BIC)", Leaning.OWNER_ONLY, 0.45);
    }

    @Override
    public double minRatio() {
        return 0.5;
    }

    @Override
    public ShapeFilter shape() {
        return ShapeFilter.lengths(8, 11).opening("ABCDEFGHIJKLMNOPQRSTUVWXYZ").madeOf(TextShape.UPPER | TextShape.DIGIT);
    }

    @Override
    public boolean matches(String v) {
        int n = v.length();
        if (n != 8 && n != 11) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z';
            if (i < 6 ? !letter : !(letter || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        String country = v.substring(4, 6);
        // location "0" as second character marks a test BIC
        return (IbanDetector.ibanCountry(country) || OTHER_COUNTRIES.contains(country)) && v.charAt(7) != '0';
    }
}
