package dev.veil.inference.detect;

/**
 * AWS credentials: access key ids ({@code AKIA}/{@code ASIA} followed by 16 upper-case
 * letters and digits) and secret access keys (exactly 40 base64 characters mixing upper case, lower
 * case and digits).
 */
public final class AwsKeyDetector extends BaseDetector {

    private final boolean keyId;

    private AwsKeyDetector(String id, String description, double strength, boolean keyId) {
        super(id, description, Leaning.SECRET, strength);
        this.keyId = keyId;
    }

    /** {@code AKIAIOSFODNN7EXAMPLE}-shaped access key ids. */
    public static AwsKeyDetector accessKeyId() {
        return new AwsKeyDetector("aws-access-key-id", "AWS access key ids", 0.9, true);
    }

    /** 40-character secret access keys. Shapes alone, hence a lower strength. */
    public static AwsKeyDetector secretAccessKey() {
        return new AwsKeyDetector("aws-secret-access-key", "AWS secret access keys", 0.75, false);
    }

    @Override
    public boolean matches(String value) {
        return keyId ? keyId(value) : secretKey(value);
    }

    private static boolean keyId(String v) {
        if (v.length() != 20 || v.charAt(0) != 'A' || !(v.startsWith("AKIA") || v.startsWith("ASIA"))) {
            return false;
        }
        for (int i = 4; i < 20; i++) {
            char c = v.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
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
        return upper && lower && digit;
    }
}
