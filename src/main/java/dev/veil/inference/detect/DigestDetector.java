package dev.veil.inference.detect;

/**
 * Hash digests and raw keys as text: hex of 32 to 128 digits in one case (MD5, SHA-256,
 * SHA-512, hex tokens; not 40 digits, the length of every git commit id) or padded base64 of 16, 20, 32, 48 or 64 bytes. Identifiers
 * share these shapes (a UUID without dashes is 32 hex digits), so both are {@link #shapeOnly()}.
 */
public final class DigestDetector extends BaseDetector {

    private static final int GIT_SHA_LENGTH = 40;

    private final boolean hex;

    private DigestDetector(String id, String description, boolean hex) {
        super(id, description, Leaning.SECRET, 0.5);
        this.hex = hex;
    }

    /** Hex digests: even length 32..128, one letter case, digits and letters both present. */
    public static DigestDetector hex() {
        return new DigestDetector("hex-digest", "hex digests", true);
    }

    /** Padded standard or URL-safe base64 of 16, 20, 32, 48 or 64 bytes with mixed characters. */
    public static DigestDetector base64() {
        return new DigestDetector("base64-digest", "base64 digests", false);
    }

    @Override
    public boolean shapeOnly() {
        return true;
    }

    @Override
    public ShapeFilter shape() {
        return hex
                ? ShapeFilter.lengths(32, 128).requiring(TextShape.DIGIT)
                        .madeOf(TextShape.DIGIT | TextShape.UPPER_HEX | TextShape.LOWER_HEX)
                : ShapeFilter.lengths(24, 88).requiring(TextShape.DIGIT)
                        .madeOf(TextShape.ALPHANUMERIC | TextShape.ofEach("+/-_="));
    }

    @Override
    public boolean matches(String value) {
        return hex ? hex(value) : base64(value);
    }

    private static boolean hex(String v) {
        int n = v.length();
        // 40 hex digits are git commit ids and SHA-1 content hashes far more often than secrets
        if (n < 32 || n > 128 || (n & 1) == 1 || n == GIT_SHA_LENGTH) {
            return false;
        }
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c >= 'a' && c <= 'f') {
                lower = true;
            } else if (c >= 'A' && c <= 'F') {
                upper = true;
            } else {
                return false;
            }
        }
        return digit && (lower ^ upper);
    }

    private static boolean base64(String v) {
        int n = v.length();
        int bytes = switch (n) {
            case 24 -> 16;
            case 28 -> 20;
            case 44 -> 32;
            case 64 -> 48;
            case 88 -> 64;
            default -> -1;
        };
        int pad = (3 - bytes % 3) % 3;
        if (bytes < 0 || !paddedWith(v, pad)) {
            return false;
        }
        int upper = 0;
        int lower = 0;
        int digit = 0;
        for (int i = 0; i < n - pad; i++) {
            char c = v.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper++;
            } else if (c >= 'a' && c <= 'z') {
                lower++;
            } else if (c >= '0' && c <= '9') {
                digit++;
            } else if (c != '+' && c != '/' && c != '-' && c != '_') {
                return false;
            }
        }
        return upper > 0 && lower > 0 && digit > 0;
    }

    /** The text ends in exactly {@code pad} padding characters. */
    private static boolean paddedWith(String v, int pad) {
        int n = v.length();
        for (int i = 0; i < pad; i++) {
            if (v.charAt(n - 1 - i) != '=') {
                return false;
            }
        }
        return v.charAt(n - 1 - pad) != '=';
    }
}
