package dev.veil.inference.detect;

/**
 * IPv4 dotted quads (each octet 0..255, no leading zeros) and IPv6 addresses (eight hex
 * groups, or fewer with one {@code ::}, optionally ending in a dotted quad). Parsed by hand:
 * no regex, no name lookups.
 */
public final class IpAddressDetector extends BaseDetector {

    public static final String ID = "ip-address";

    public IpAddressDetector() {
        super(ID, "IP addresses", Leaning.OWNER_ONLY, 0.6);
    }

    @Override
    public ShapeFilter shape() {
        // IPv6 has colons and hex groups (Character.digit reads non-ASCII digits too), IPv4 dots
        return ShapeFilter.lengths(2, 45).requiringOneOf(TextShape.ofEach(":."))
                .madeOf(TextShape.DIGIT | TextShape.UPPER_HEX | TextShape.LOWER_HEX | TextShape.ofEach(":.")
                        | TextShape.NON_ASCII);
    }

    @Override
    public boolean matches(String value) {
        int n = value.length();
        if (n < 2 || n > 45) {
            return false;
        }
        return value.indexOf(':') >= 0 ? ipv6(value) : n >= 7 && n <= 15 && ipv4(value, 0, n);
    }

    static boolean ipv4(String v, int from, int to) {
        int parts = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || v.charAt(i) == '.') {
                if (!octet(v, start, i)) {
                    return false;
                }
                parts++;
                start = i + 1;
            }
        }
        return parts == 4;
    }

    private static boolean octet(String v, int from, int to) {
        int len = to - from;
        if (len < 1 || len > 3 || (len > 1 && v.charAt(from) == '0')) {
            return false;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255;
    }

    static boolean ipv6(String v) {
        String head = v;
        int wanted = 8;
        int lastColon = v.lastIndexOf(':');
        if (v.indexOf('.', lastColon) >= 0) {
            if (!ipv4(v, lastColon + 1, v.length())) {
                return false;
            }
            head = v.substring(0, lastColon + 1);
            wanted = 6;
            if (!head.endsWith("::")) {
                head = head.substring(0, head.length() - 1);
            }
        }
        int gap = head.indexOf("::");
        if (gap < 0) {
            return hexGroups(head, 0, head.length()) == wanted;
        }
        if (head.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        int left = hexGroups(head, 0, gap);
        int right = hexGroups(head, gap + 2, head.length());
        return left >= 0 && right >= 0 && left + right < wanted;
    }

    /** Counts colon-separated groups of 1..4 hex digits in [from, to); -1 when malformed, 0 when empty. */
    private static int hexGroups(String v, int from, int to) {
        if (from >= to) {
            return 0;
        }
        int groups = 0;
        int len = 0;
        for (int i = from; i <= to; i++) {
            if (i == to || v.charAt(i) == ':') {
                if (len < 1 || len > 4) {
                    return -1;
                }
                groups++;
                len = 0;
            } else if (Character.digit(v.charAt(i), 16) >= 0) {
                len++;
            } else {
                return -1;
            }
        }
        return groups;
    }
}
