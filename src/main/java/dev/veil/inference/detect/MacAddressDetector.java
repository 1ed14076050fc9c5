package dev.veil.inference.detect;

/**
 * Hardware (MAC) addresses: six hex pairs joined by {@code :} or {@code -}, or three groups of
 * four joined by {@code .} (Cisco). A device's address identifies its owner as well as an IP
 * address does. The all-zero and broadcast addresses are not counted.
 */
public final class MacAddressDetector extends BaseDetector {

    public static final String ID = "mac-address";

    public MacAddressDetector() {
        super(ID, "MAC addresses", Leaning.OWNER_ONLY, 0.6);
    }

    @Override
    public ShapeFilter shape() {
        // Character.digit reads non-ASCII digits too
        return ShapeFilter.lengths(14, 17).madeOf(TextShape.DIGIT | TextShape.UPPER_HEX | TextShape.LOWER_HEX
                | TextShape.ofEach(":-.") | TextShape.NON_ASCII);
    }

    @Override
    public boolean matches(String value) {
        int n = value.length();
        if (n == 17) {
            char sep = value.charAt(2);
            if (sep != ':' && sep != '-') {
                return false;
            }
            for (int i = 0; i < 17; i++) {
                char c = value.charAt(i);
                if (i % 3 == 2 ? c != sep : Character.digit(c, 16) < 0) {
                    return false;
                }
            }
        } else if (n == 14) {
            for (int i = 0; i < 14; i++) {
                char c = value.charAt(i);
                if (i == 4 || i == 9 ? c != '.' : Character.digit(c, 16) < 0) {
                    return false;
                }
            }
        } else {
            return false;
        }
        String hex = value.replaceAll("[:.-]", "");
        return !Checksums.allSame(hex.toLowerCase(java.util.Locale.ROOT));
    }
}
