package dev.veil.inference.detect;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Password hashes in the self-describing formats password libraries store: bcrypt, Argon2,
 * scrypt, PBKDF2 (Django, passlib, Werkzeug) and the crypt(3) family (MD5, SHA-256/512-crypt,
 * yescrypt, apr1). One instance per scheme, each with a literal prefix checked before its
 * pattern; the patterns separate repeated classes with literals so they match in linear time.
 */
public final class PasswordHashDetector extends BaseDetector {

    private final String[] prefixes;
    private final int minLength;
    private final Predicate<String> form;

    private PasswordHashDetector(String id, String description, int minLength, String regex, String... prefixes) {
        this(id, description, minLength, Pattern.compile(regex).asMatchPredicate(), prefixes);
    }

    private PasswordHashDetector(String id, String description, int minLength, Predicate<String> form,
                                 String... prefixes) {
        super(id, description, Leaning.SECRET, 0.95);
        this.prefixes = prefixes.clone();
        this.minLength = minLength;
        this.form = form;
    }

    /** {@code $2b$12$<53 chars>}. */
    public static PasswordHashDetector bcrypt() {
        return new PasswordHashDetector("bcrypt", "bcrypt hashes", 59, PasswordHashDetector::bcryptShape, "$2");
    }

    /**
     * {@code \$2[abxy]?\$(?:0[4-9]|[12]\d|3[01])\$[./A-Za-z0-9]{53}}, read by hand: bcrypt hashes
     * are common column values, and a matcher per value cost most of this detector's time
     * ({@code PasswordHashDetectorTest} checks it against that pattern).
     */
    static boolean bcryptShape(String v) {
        int n = v.length();
        if (n != 59 && n != 60 || !v.startsWith("$2")) {
            return false;
        }
        int at = 2;
        if (n == 60) {
            char variant = v.charAt(at++);
            if (variant != 'a' && variant != 'b' && variant != 'x' && variant != 'y') {
                return false;
            }
        }
        if (v.charAt(at) != '$' || v.charAt(at + 3) != '$') {
            return false;
        }
        char tens = v.charAt(at + 1);
        char units = v.charAt(at + 2);
        boolean cost = tens == '0' ? units >= '4' && units <= '9'
                : tens == '1' || tens == '2' ? units >= '0' && units <= '9'
                : tens == '3' && (units == '0' || units == '1');
        if (!cost) {
            return false;
        }
        for (int i = at + 4; i < n; i++) {
            char c = v.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '/')) {
                return false;
            }
        }
        return true;
    }

    /** {@code $argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>}. */
    public static PasswordHashDetector argon2() {
        return new PasswordHashDetector("argon2", "Argon2 hashes", 30,
                "\\$argon2(?:id|i|d)\\$(?:v=\\d{1,3}\\$)?m=\\d{1,10},t=\\d{1,10},p=\\d{1,3}\\$[A-Za-z0-9+/]{8,}={0,2}\\$[A-Za-z0-9+/]{16,}={0,2}",
                "$argon2");
    }

    /** passlib {@code $scrypt$ln=..,r=..,p=..$salt$hash}, libsodium {@code $7$...}, lambdaworks {@code $s0$...}. */
    public static PasswordHashDetector scrypt() {
        return new PasswordHashDetector("scrypt", "scrypt hashes", 30,
                "\\$(?:scrypt\\$ln=\\d{1,2},r=\\d{1,3},p=\\d{1,3}|7|s0\\$[0-9a-f]{5,6})\\$[./A-Za-z0-9+=]{8,}\\$[./A-Za-z0-9+=]{16,}"
                        + "|\\$7\\$[./A-Za-z0-9]{11,}\\$[./A-Za-z0-9]{43}",
                "$scrypt$", "$7$", "$s0$");
    }

    /** Django {@code pbkdf2_sha256$260000$salt$hash}, passlib {@code $pbkdf2-sha256$...}, Werkzeug {@code pbkdf2:sha256:600000$...}. */
    public static PasswordHashDetector pbkdf2() {
        return new PasswordHashDetector("pbkdf2", "PBKDF2 hashes", 30,
                "\\$?pbkdf2(?:[_:-]sha(?:1|256|512))?[$:]\\d{1,8}\\$[./A-Za-z0-9+=]{4,}\\$[./A-Za-z0-9+=]{16,}", "pbkdf2", "$pbkdf2");
    }

    /** crypt(3): {@code $1$}, {@code $5$}, {@code $6$} (with optional {@code rounds=}), {@code $apr1$}, yescrypt {@code $y$}. */
    public static PasswordHashDetector crypt() {
        return new PasswordHashDetector("crypt", "crypt(3) password hashes", 26,
                "\\$(?:1|5|6|apr1)\\$(?:rounds=\\d{1,9}\\$)?[./A-Za-z0-9]{1,16}\\$[./A-Za-z0-9]{22,86}"
                        + "|\\$y\\$[./A-Za-z0-9]{1,20}\\$[./A-Za-z0-9]{1,64}\\$[./A-Za-z0-9]{43}",
                "$1$", "$5$", "$6$", "$apr1$", "$y$");
    }

    /** Unmistakable: one is enough. */
    @Override
    public boolean distinctive() {
        return true;
    }

    @Override
    public ShapeFilter shape() {
        return ShapeFilter.lengths(minLength, 512).opening(openings()).requiring(TextShape.of('$'));
    }

    @Override
    public boolean matches(String value) {
        if (value.length() < minLength || value.length() > 512 || !hasPrefix(value)) {
            return false;
        }
        return form.test(value);
    }

    private String openings() {
        StringBuilder out = new StringBuilder();
        for (String p : prefixes) {
            out.append(p.charAt(0));
        }
        return out.toString();
    }

    private boolean hasPrefix(String value) {
        for (String p : prefixes) {
            if (value.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
