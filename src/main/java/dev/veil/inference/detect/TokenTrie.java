package dev.veil.inference.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Credential formats indexed by their literal prefixes: a value walks down one character at a
 * time and only the formats whose prefix it has are tried. A format that opens with a character
 * run sits under each character the run accepts. Most values leave at the first or second
 * character, so the cost hardly grows with the number of formats.
 */
final class TokenTrie {

    private static final TokenFormat[] NONE = new TokenFormat[0];

    /** Values up to this length find a node's candidate formats by their length at once. */
    private static final int INDEXED_LENGTHS = 256;

    /**
     * One trie node: children by character (sorted), and the formats whose prefix ends here,
     * indexed by the lengths of value each accepts: most values have a length that none of a
     * node's formats accepts (a root node holds every format of its family that has no literal
     * prefix), and trying each format in turn touched one object per format, scattered across
     * the heap, for every value.
     */
    private static final class Node {
        char[] keys = new char[0];
        Node[] children = new Node[0];
        // byLength[n]: the formats accepting values of n characters, in the order they were added
        TokenFormat[][] byLength = new TokenFormat[0][];
        // the formats accepting some length beyond INDEXED_LENGTHS, in the order they were added
        TokenFormat[] longer = NONE;
        // every format added, until index() builds the two above from them
        private final List<TokenFormat> added = new ArrayList<>();

        Node child(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i >= 0 ? children[i] : null;
        }

        Node childOrNew(char c) {
            int i = Arrays.binarySearch(keys, c);
            if (i >= 0) {
                return children[i];
            }
            int at = -i - 1;
            char[] k = new char[keys.length + 1];
            Node[] ch = new Node[children.length + 1];
            System.arraycopy(keys, 0, k, 0, at);
            System.arraycopy(children, 0, ch, 0, at);
            k[at] = c;
            ch[at] = new Node();
            System.arraycopy(keys, at, k, at + 1, keys.length - at);
            System.arraycopy(children, at, ch, at + 1, children.length - at);
            keys = k;
            children = ch;
            return ch[at];
        }

        void add(TokenFormat f) {
            added.add(f);
        }

        /**
         * Builds the index by length of the formats added, then of the nodes below. The
         * candidates change only where a format's range of lengths starts or ends, and the
         * lengths in between share one array.
         */
        void index() {
            int longest = -1;
            for (TokenFormat f : added) {
                longest = Math.max(longest, Math.min(f.pattern().maxLength(), INDEXED_LENGTHS));
            }
            boolean[] changes = new boolean[longest + 2];
            for (TokenFormat f : added) {
                changes[Math.min(f.pattern().minLength(), longest + 1)] = true;
                changes[Math.min(f.pattern().maxLength(), longest) + 1] = true;
            }
            byLength = new TokenFormat[longest + 1][];
            TokenFormat[] current = NONE;
            for (int n = 0; n <= longest; n++) {
                if (changes[n]) {
                    int length = n;
                    current = added.stream().filter(f -> f.pattern().minLength() <= length
                            && length <= f.pattern().maxLength()).toArray(TokenFormat[]::new);
                }
                byLength[n] = current;
            }
            longer = added.stream().filter(f -> f.pattern().maxLength() > INDEXED_LENGTHS).toArray(TokenFormat[]::new);
            for (Node child : children) {
                child.index();
            }
        }

        /** The first of this node's formats {@code value} (of length {@code n}) matches, or null. */
        TokenFormat match(String value, int n) {
            TokenFormat[] candidates = n < byLength.length ? byLength[n] : n > INDEXED_LENGTHS ? longer : NONE;
            for (TokenFormat f : candidates) {
                if (f.matches(value)) {
                    return f;
                }
            }
            return null;
        }
    }

    private final Node[] root = new Node[128];
    private final int minLength;
    private final int maxLength;

    TokenTrie(List<TokenFormat> formats) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (TokenFormat f : formats) {
            min = Math.min(min, f.pattern().minLength());
            max = Math.max(max, f.pattern().maxLength());
            String prefix = f.pattern().prefix();
            List<Character> openings = new ArrayList<>();
            if (prefix.isEmpty()) {
                openings.addAll(f.pattern().openingCharacters());
            } else {
                openings.add(prefix.charAt(0));
            }
            for (char first : openings) {
                if (root[first] == null) {
                    root[first] = new Node();
                }
                Node n = root[first];
                for (int i = 1; i < prefix.length(); i++) {
                    n = n.childOrNew(prefix.charAt(i));
                }
                n.add(f);
            }
        }
        for (Node n : root) {
            if (n != null) {
                n.index();
            }
        }
        this.minLength = formats.isEmpty() ? 1 : min;
        this.maxLength = max;
    }

    /** The lengths and opening characters {@link #match} can accept. */
    ShapeFilter shape() {
        StringBuilder openings = new StringBuilder();
        for (char c = 0; c < root.length; c++) {
            if (root[c] != null) {
                openings.append(c);
            }
        }
        return ShapeFilter.lengths(minLength, maxLength).opening(openings);
    }

    /** The first format {@code value} matches, or null. */
    TokenFormat match(String value) {
        int n = value.length();
        if (n < minLength || n > maxLength) {
            return null;
        }
        char first = value.charAt(0);
        Node node = first < 128 ? root[first] : null;
        int depth = 1;
        while (node != null) {
            TokenFormat f = node.match(value, n);
            if (f != null) {
                return f;
            }
            if (depth >= n) {
                return null;
            }
            node = node.child(value.charAt(depth++));
        }
        return null;
    }
}
