package dev.veil.inference.detect;

/**
 * E-mail addresses ({@code local@domain.tld}), checked by hand rather than by regex: one
 * {@code @}, a dot-atom local part, dotted host labels and a letters-only top-level domain.
 */
public final class EmailDetector extends BaseDetector {

    public static final String ID = "email";

    public EmailDetector() {
        super(ID, "e-mail addresses", Leaning.OWNER_ONLY, 0.85);
    }

    @Override
    public ShapeFilter shape() {
        return ShapeFilter.lengths(6, 254).requiring(TextShape.of('@'));
    }

    @Override
    public boolean matches(String value) {
        int n = value.length();
        if (n < 6 || n > 254) {
            return false;
        }
        int at = value.indexOf('@');
        if (at < 1 || at > 64 || value.indexOf('@', at + 1) >= 0) {
            return false;
        }
        return localPart(value, at) && domain(value, at + 1);
    }

    private static boolean localPart(String v, int end) {
        if (v.charAt(0) == '.' || v.charAt(end - 1) == '.') {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = v.charAt(i);
            if (!(isAlnum(c) || ".!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0) || (c == '.' && v.charAt(i + 1) == '.')) {
                return false;
            }
        }
        return true;
    }

    private static boolean domain(String v, int start) {
        int labelStart = start;
        int labels = 0;
        for (int i = start; i <= v.length(); i++) {
            if (i == v.length() || v.charAt(i) == '.') {
                if (!label(v, labelStart, i)) {
                    return false;
                }
                labels++;
                labelStart = i + 1;
            }
        }
        return labels >= 2 && topLevel(v, v.lastIndexOf('.') + 1);
    }

    private static boolean label(String v, int from, int to) {
        int len = to - from;
        if (len < 1 || len > 63 || v.charAt(from) == '-' || v.charAt(to - 1) == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (!isAlnum(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean topLevel(String v, int from) {
        int len = v.length() - from;
        if (len < 2 || len > 24) {
            return false;
        }
        for (int i = from; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
