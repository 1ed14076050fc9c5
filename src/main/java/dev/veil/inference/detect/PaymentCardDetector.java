package dev.veil.inference.detect;

/**
 * Payment card numbers: 13 to 19 digits, optionally grouped by spaces or dashes, starting
 * with an issuer prefix of a major network and passing the Luhn check. Requiring the prefix
 * keeps random 16-digit ids (one in ten passes Luhn) out.
 */
public final class PaymentCardDetector extends BaseDetector {

    public static final String ID = "payment-card";

    public PaymentCardDetector() {
        super(ID, "payment card numbers (Luhn-valid)", Leaning.OWNER_ONLY, 0.9);
    }

    @Override
    public ShapeFilter shape() {
        return ShapeFilter.lengths(13, 23).opening("23456").madeOf(TextShape.DIGIT | TextShape.ofEach(" -"));
    }

    @Override
    public boolean matches(String value) {
        int n = value.length();
        if (n < 13 || n > 23 || value.charAt(0) < '2' || value.charAt(0) > '6') {
            return false;
        }
        String digits = Checksums.digitsWithout(value, " -");
        int len = digits.length();
        return len >= 13 && len <= 19 && knownIssuer(digits, len) && !Checksums.allSame(digits.substring(1))
                && Checksums.luhn(digits);
    }

    private static boolean knownIssuer(String d, int len) {
        int two = Integer.parseInt(d.substring(0, 2));
        int four = Integer.parseInt(d.substring(0, 4));
        int six = Integer.parseInt(d.substring(0, 6));
        if (d.charAt(0) == '4') {
            return len == 13 || len == 16 || len == 19; // Visa
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return len == 16; // Mastercard
        }
        if (two == 34 || two == 37) {
            return len == 15; // American Express
        }
        if (four == 6011 || two == 65 || (six >= 644000 && six <= 649999) || (six >= 622126 && six <= 622925)) {
            return len >= 16; // Discover
        }
        if (four >= 3528 && four <= 3589) {
            return len >= 16; // JCB
        }
        if (two == 36 || two == 38 || two == 39 || (six >= 300000 && six <= 305999)) {
            return len >= 14; // Diners Club
        }
        return two == 62 && len >= 16; // UnionPay
    }
}
