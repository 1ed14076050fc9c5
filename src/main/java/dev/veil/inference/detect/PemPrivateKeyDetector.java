package dev.veil.inference.detect;

/**
 * PEM-armoured private keys ({@code -----BEGIN RSA PRIVATE KEY-----},
 * {@code -----BEGIN OPENSSH PRIVATE KEY-----}, {@code ENCRYPTED PRIVATE KEY}...), PGP private
 * key blocks and PuTTY key files. Certificates
 * and public keys, which are meant to be shared, are not counted.
 */
public final class PemPrivateKeyDetector extends BaseDetector {

    public static final String ID = "pem-private-key";

    public PemPrivateKeyDetector() {
        super(ID, "private keys (PEM, OpenSSH, PGP, PuTTY)", Leaning.SECRET, 0.98);
    }

    /** Unmistakable: one is enough. */
    @Override
    public boolean distinctive() {
        return true;
    }

    @Override
    public ShapeFilter shape() {
        // "-----BEGIN " or "PuTTY-"
        return ShapeFilter.lengths(60, Integer.MAX_VALUE).requiring(TextShape.of('-'));
    }

    @Override
    public boolean matches(String value) {
        if (value.length() < 60) {
            return false;
        }
        if (value.startsWith("PuTTY-User-Key-File-")) {
            return value.contains("Private-Lines:");
        }
        int begin = value.indexOf("-----BEGIN ");
        if (begin < 0 || begin > 64) {
            return false;
        }
        int end = value.indexOf("-----", begin + 11);
        return end > 0 && (value.regionMatches(end - 11, "PRIVATE KEY", 0, 11)
                || value.regionMatches(end - 17, "PRIVATE KEY BLOCK", 0, 17));
    }
}
