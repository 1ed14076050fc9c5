package dev.veil.inference.detect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several regular expressions over decimal digits compiled into one deterministic automaton, so
 * that a digit string is checked against all of them in a single pass of table look-ups, with
 * no allocation. Made for the patterns of libphonenumber's metadata, which use only digits,
 * {@code \d}, character classes, groups, alternation and the quantifiers {@code ? * + {n} {n,}
 * {n,m}}; anything else (anchors, back-references, letters) is refused with
 * {@link IllegalArgumentException}, so a caller can fall back to the regular-expression engine.
 * For inputs of digits only, {@link #wholeMatches} equals {@code Pattern.matches} of each
 * pattern and {@link #prefixMatches} equals {@code Matcher.lookingAt}.
 */
final class DigitAutomaton {

    private static final int DEAD = -1;

    // next[state * 10 + digit]; state 0 is the start
    private final int[] next;
    // bit i set: pattern i matches the digits read so far
    private final int[] accepting;

    private DigitAutomaton(int[] next, int[] accepting) {
        this.next = next;
        this.accepting = accepting;
    }

    /** Compiles up to 31 patterns; pattern {@code i} owns bit {@code i} of {@link #wholeMatches}. */
    static DigitAutomaton compile(List<String> patterns) {
        if (patterns.size() > 31) {
            throw new IllegalArgumentException("at most 31 patterns, got " + patterns.size());
        }
        Nfa nfa = new Nfa();
        int start = nfa.newState();
        for (int i = 0; i < patterns.size(); i++) {
            int branch = nfa.newState();
            nfa.epsilon(start, branch);
            int end = nfa.build(new Parser(patterns.get(i)).parse(), branch);
            nfa.accept(end, i);
        }
        return nfa.determinise(start);
    }

    /**
     * The patterns that match the whole of {@code digits[from, to)}, as bits; 0 when none does.
     * Every character must be an ASCII digit.
     */
    int wholeMatches(CharSequence digits, int from, int to) {
        int state = 0;
        for (int i = from; i < to; i++) {
            state = next[state * 10 + digits.charAt(i) - '0'];
            if (state == DEAD) {
                return 0;
            }
        }
        return accepting[state];
    }

    /** True when some prefix of {@code digits[from, to)}, the empty one included, matches a pattern. */
    boolean prefixMatches(CharSequence digits, int from, int to) {
        int state = 0;
        for (int i = from; ; i++) {
            if (accepting[state] != 0) {
                return true;
            }
            if (i == to) {
                return false;
            }
            state = next[state * 10 + digits.charAt(i) - '0'];
            if (state == DEAD) {
                return false;
            }
        }
    }

    /** True when some digit string starting with {@code digit} matches one of the patterns in {@code bits}. */
    boolean acceptsSomethingStartingWith(int digit, int bits) {
        boolean[] seen = new boolean[accepting.length];
        Deque<Integer> todo = new ArrayDeque<>();
        int first = next[digit];
        if (first != DEAD) {
            todo.push(first);
            seen[first] = true;
        }
        while (!todo.isEmpty()) {
            int s = todo.pop();
            if ((accepting[s] & bits) != 0) {
                return true;
            }
            for (int d = 0; d < 10; d++) {
                int t = next[s * 10 + d];
                if (t != DEAD && !seen[t]) {
                    seen[t] = true;
                    todo.push(t);
                }
            }
        }
        return false;
    }

    /** Number of states, for tests and curiosity. */
    int size() {
        return accepting.length;
    }

    /** A pattern's syntax tree. */
    private sealed interface Node {
    }

    /** One digit from a set (bit d: digit d). */
    private record Digits(int set) implements Node {
    }

    private record Sequence(List<Node> parts) implements Node {
    }

    private record Choice(List<Node> options) implements Node {
    }

    /** {@code max} is -1 for no upper bound. */
    private record Repeat(Node body, int min, int max) implements Node {
    }

    /** Recursive descent over the supported syntax; throws on anything else. */
    private static final class Parser {
        private final String p;
        private int at;

        Parser(String pattern) {
            this.p = pattern;
        }

        Node parse() {
            Node n = choice();
            if (at != p.length()) {
                throw unsupported();
            }
            return n;
        }

        private Node choice() {
            List<Node> options = new ArrayList<>();
            options.add(sequence());
            while (at < p.length() && p.charAt(at) == '|') {
                at++;
                options.add(sequence());
            }
            return options.size() == 1 ? options.get(0) : new Choice(options);
        }

        private Node sequence() {
            List<Node> parts = new ArrayList<>();
            while (at < p.length() && p.charAt(at) != '|' && p.charAt(at) != ')') {
                parts.add(quantified(atom()));
            }
            return parts.size() == 1 ? parts.get(0) : new Sequence(parts);
        }

        private Node atom() {
            char c = p.charAt(at++);
            if (c >= '0' && c <= '9') {
                return new Digits(1 << (c - '0'));
            }
            if (c == '\\' && at < p.length() && p.charAt(at) == 'd') {
                at++;
                return new Digits(0x3FF);
            }
            if (c == '[') {
                return digitClass();
            }
            if (c == '(') {
                if (p.startsWith("?:", at)) {
                    at += 2;
                } else if (at < p.length() && p.charAt(at) == '?') {
                    throw unsupported();
                }
                Node inner = choice();
                if (at >= p.length() || p.charAt(at++) != ')') {
                    throw unsupported();
                }
                return inner;
            }
            throw unsupported();
        }

        private Node digitClass() {
            boolean negated = at < p.length() && p.charAt(at) == '^';
            if (negated) {
                at++;
            }
            int set = 0;
            while (at < p.length() && p.charAt(at) != ']') {
                char c = p.charAt(at++);
                if (c == '\\' && at < p.length() && p.charAt(at) == 'd') {
                    at++;
                    set |= 0x3FF;
                } else if (c >= '0' && c <= '9') {
                    char to = c;
                    if (at + 1 < p.length() && p.charAt(at) == '-' && p.charAt(at + 1) != ']') {
                        to = p.charAt(at + 1);
                        at += 2;
                        if (to < c || to > '9') {
                            throw unsupported();
                        }
                    }
                    for (char d = c; d <= to; d++) {
                        set |= 1 << (d - '0');
                    }
                } else {
                    throw unsupported();
                }
            }
            if (at >= p.length()) {
                throw unsupported();
            }
            at++; // ]
            // Only digits are ever read, so "not these" means the other digits.
            return new Digits(negated ? ~set & 0x3FF : set);
        }

        private Node quantified(Node atom) {
            if (at >= p.length()) {
                return atom;
            }
            char c = p.charAt(at);
            Node out;
            if (c == '?') {
                at++;
                out = new Repeat(atom, 0, 1);
            } else if (c == '*') {
                at++;
                out = new Repeat(atom, 0, -1);
            } else if (c == '+') {
                at++;
                out = new Repeat(atom, 1, -1);
            } else if (c == '{') {
                int close = p.indexOf('}', at);
                if (close < 0) {
                    throw unsupported();
                }
                String body = p.substring(at + 1, close);
                at = close + 1;
                int comma = body.indexOf(',');
                try {
                    int min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
                    int max = comma < 0 ? min : comma == body.length() - 1 ? -1 : Integer.parseInt(body.substring(comma + 1));
                    if (min > 64 || max > 64 || (max >= 0 && max < min)) {
                        throw unsupported();
                    }
                    out = new Repeat(atom, min, max);
                } catch (NumberFormatException e) {
                    throw unsupported();
                }
            } else {
                return atom;
            }
            if (at < p.length() && (p.charAt(at) == '?' || p.charAt(at) == '+')) {
                throw unsupported(); // lazy and possessive quantifiers
            }
            return out;
        }

        private IllegalArgumentException unsupported() {
            return new IllegalArgumentException("pattern " + p + " uses syntax the digit automaton does not support (at "
                    + at + ")");
        }
    }

    /** Thompson construction, then subset construction. */
    private static final class Nfa {
        private final List<int[]> epsilons = new ArrayList<>();
        private final List<Integer> edgeSet = new ArrayList<>();
        private final List<Integer> edgeTo = new ArrayList<>();
        private final List<Integer> accepts = new ArrayList<>();

        int newState() {
            epsilons.add(new int[0]);
            edgeSet.add(0);
            edgeTo.add(DEAD);
            accepts.add(0);
            return epsilons.size() - 1;
        }

        void epsilon(int from, int to) {
            int[] e = epsilons.get(from);
            int[] grown = Arrays.copyOf(e, e.length + 1);
            grown[e.length] = to;
            epsilons.set(from, grown);
        }

        void accept(int state, int pattern) {
            accepts.set(state, accepts.get(state) | (1 << pattern));
        }

        /** Adds states matching {@code n} from {@code start}; returns the state where a match ends. */
        int build(Node n, int start) {
            if (n instanceof Digits d) {
                // every state handed to build is fresh, so it has no digit edge yet: one per state
                if (edgeTo.get(start) != DEAD) {
                    throw new IllegalStateException("a state of the digit automaton got two digit edges");
                }
                int end = newState();
                edgeSet.set(start, d.set());
                edgeTo.set(start, end);
                return end;
            }
            if (n instanceof Sequence s) {
                int at = start;
                for (Node part : s.parts()) {
                    at = build(part, at);
                }
                return at;
            }
            if (n instanceof Choice c) {
                int end = newState();
                for (Node option : c.options()) {
                    int branch = newState();
                    epsilon(start, branch);
                    epsilon(build(option, branch), end);
                }
                return end;
            }
            Repeat r = (Repeat) n;
            int at = start;
            for (int i = 0; i < r.min(); i++) {
                int s = newState();
                epsilon(at, s);
                at = build(r.body(), s);
            }
            if (r.max() < 0) {
                int loop = newState();
                epsilon(at, loop);
                int body = newState();
                epsilon(loop, body);
                epsilon(build(r.body(), body), loop);
                int end = newState();
                epsilon(loop, end);
                return end;
            }
            int end = newState();
            epsilon(at, end);
            for (int i = r.min(); i < r.max(); i++) {
                int s = newState();
                epsilon(at, s);
                at = build(r.body(), s);
                epsilon(at, end);
            }
            return end;
        }

        private BitSet closure(BitSet states) {
            BitSet out = (BitSet) states.clone();
            Deque<Integer> todo = new ArrayDeque<>();
            states.stream().forEach(todo::push);
            while (!todo.isEmpty()) {
                for (int t : epsilons.get(todo.pop())) {
                    if (!out.get(t)) {
                        out.set(t);
                        todo.push(t);
                    }
                }
            }
            return out;
        }

        DigitAutomaton determinise(int start) {
            Map<BitSet, Integer> index = new HashMap<>();
            List<BitSet> states = new ArrayList<>();
            BitSet first = new BitSet();
            first.set(start);
            first = closure(first);
            index.put(first, 0);
            states.add(first);
            List<int[]> rows = new ArrayList<>();
            for (int s = 0; s < states.size(); s++) {
                BitSet set = states.get(s);
                int[] row = new int[10];
                for (int digit = 0; digit < 10; digit++) {
                    BitSet target = new BitSet();
                    for (int q = set.nextSetBit(0); q >= 0; q = set.nextSetBit(q + 1)) {
                        if ((edgeSet.get(q) & (1 << digit)) != 0) {
                            target.set(edgeTo.get(q));
                        }
                    }
                    if (target.isEmpty()) {
                        row[digit] = DEAD;
                        continue;
                    }
                    BitSet closed = closure(target);
                    Integer known = index.get(closed);
                    if (known == null) {
                        known = states.size();
                        index.put(closed, known);
                        states.add(closed);
                    }
                    row[digit] = known;
                }
                rows.add(row);
            }
            int[] next = new int[states.size() * 10];
            int[] accepting = new int[states.size()];
            for (int s = 0; s < states.size(); s++) {
                System.arraycopy(rows.get(s), 0, next, s * 10, 10);
                BitSet set = states.get(s);
                for (int q = set.nextSetBit(0); q >= 0; q = set.nextSetBit(q + 1)) {
                    accepting[s] |= accepts.get(q);
                }
            }
            return new DigitAutomaton(next, accepting);
        }
    }
}
