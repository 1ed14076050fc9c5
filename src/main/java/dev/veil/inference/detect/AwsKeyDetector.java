package dev.veil.inference.detect;

/**
 * AWS secret access keys: exactly 40 base64 characters mixing upper case, lower case and digits.
 * Access key ids of every prefix ({@code AKIA}, {@code ASIA}, {@code ACCA}...) are rows of
 * {@code token-formats.tsv}.
 */
public final class AwsKeyDetector extends BaseDetector {

    private AwsKeyDetector(String id, String description, double strength) {
        super(id, description, Leaning.SECRET, strength);
    }

    /** 40-character secret access keys. Shapes alone, hence a lower strength. */
    public static AwsKeyDetector secretAccessKey() {
        return new AwsKeyDetector("aws-secret-access-key", "AWS secret access keys", 0.75);
    }

    @Override
    public ShapeFilter shape() {
        return ShapeFilter.lengths(40, 40).requiring(TextShape.DIGIT).madeOf(TextShape.ALPHANUMERIC | TextShape.ofEach("+/"));
    }

    @Override
    public boolean matches(String value) {
        return secretKey(value);
    }

    private static boolean secretKey(String v) {
        if (v.length() != 40) {
            return false;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int i = 0; i < 40; i++) {
            char c = v.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '+' && c != '/') {
                return false;
            }
        }
        return upper && lower && digit && !TokenCheck.placeholder(v, 0); // the documentation's ...EXAMPLEKEY
    }
}
