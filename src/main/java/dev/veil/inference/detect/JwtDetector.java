package dev.veil.inference.detect;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * JSON Web Tokens: three base64url segments (the last may be empty for unsigned tokens) whose
 * header starts {@code eyJ} and decodes to JSON naming an {@code alg}. JWE (five segments)
 * counts too.
 */
public final class JwtDetector extends BaseDetector {

    public static final String ID = "jwt";

    public JwtDetector() {
        super(ID, "JSON Web Tokens", Leaning.SECRET, 0.9);
    }

    /** Unmistakable: one is enough. */
    @Override
    public boolean distinctive() {
        return true;
    }

    @Override
    public ShapeFilter shape() {
        return ShapeFilter.lengths(20, 16_384).opening("e").requiring(TextShape.of('.'))
                .madeOf(TextShape.ALPHANUMERIC | TextShape.ofEach("-_=."));
    }

    @Override
    public boolean matches(String value) {
        int n = value.length();
        if (n < 20 || n > 16_384 || !value.startsWith("eyJ")) {
            return false;
        }
        int dots = 0;
        int firstDot = -1;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '.') {
                if (firstDot < 0) {
                    firstDot = i;
                }
                dots++;
            } else if (!base64Url(c)) {
                return false;
            }
        }
        return (dots == 2 || dots == 4) && firstDot >= 10 && headerNamesAlg(value.substring(0, firstDot));
    }

    private static boolean headerNamesAlg(String header) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8);
            return json.contains("\"alg\"") || json.contains("\"enc\"");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean base64Url(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '=';
    }
}
