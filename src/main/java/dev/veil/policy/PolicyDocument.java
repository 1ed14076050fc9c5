package dev.veil.policy;

import dev.veil.model.Policy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads one policy text through every single-file check, in order: UTF-8, JSON syntax, schema,
 * semantic checks, digest, and (when asked) canonical form. Stops at the first stage that fails
 * so that one mistake is reported once.
 */
final class PolicyDocument {
    private static final String RESTORE = "restore the file from version control (git checkout -- FILE); "
            + "change policies with `veil tag` and `veil publish`, never by hand";

    /**
     * The outcome: the policy when every check before the digest passed, every issue found, and
     * the located tree when the text was JSON.
     */
    record Checked(Optional<Policy> policy, List<Issue> issues, Supplier<Optional<LocatedJson>> located) {
        Checked {
            issues = List.copyOf(issues);
        }

        /** The located tree; a text known from {@link VerifiedPolicies} is parsed again only when asked. */
        Optional<LocatedJson> json() {
            return located.get();
        }

        boolean ok() {
            return issues.isEmpty();
        }
    }

    private PolicyDocument() {
    }

    static Checked check(byte[] bytes, boolean requireCanonical) {
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            return failed(new Issue(1, 1, "the file starts with a byte-order mark",
                    "save it as UTF-8 without a byte-order mark; better, " + RESTORE));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            out.flip();
            Issue.Spot s = Issue.Spot.of(out.toString(), out.length());
            return failed(Issue.at(s, "the file is not valid UTF-8 (byte " + (in.position() + 1) + ")",
                    "policy files are UTF-8 text; " + RESTORE));
        }
        decoder.flush(out);
        out.flip();
        return check(out.toString(), requireCanonical);
    }

    static Checked check(String text, boolean requireCanonical) {
        if (text.isBlank()) {
            return failed(new Issue(1, 1, "the file is empty", "a policy file holds one JSON object; " + RESTORE));
        }
        Optional<Policy> known = VerifiedPolicies.shared().get(text, requireCanonical);
        if (known.isPresent()) {
            return known(known.get(), text);
        }
        LocatedJson json;
        try {
            json = LocatedJson.parse(text);
        } catch (LocatedJson.SyntaxError e) {
            return failed(e.issue());
        }
        List<Issue> issues = new ArrayList<>(PolicySchema.check(json));
        if (!issues.isEmpty()) {
            return new Checked(Optional.empty(), issues, () -> Optional.of(json));
        }
        issues.addAll(PolicyChecks.check(json));
        if (!issues.isEmpty()) {
            return new Checked(Optional.empty(), issues, () -> Optional.of(json));
        }
        Policy policy = PolicyTree.fromTree(json.root());
        String stated = policy.digest().orElseThrow();
        String actual = PolicyDigest.compute(policy);
        if (!stated.equals(actual)) {
            issues.add(Issue.at(json.valueAt("/" + PolicyTree.DIGEST),
                    "digest does not match the content: the file says " + stated + " but its content hashes to " + actual
                            + ", so it was changed after publishing",
                    RESTORE));
        }
        if (requireCanonical && issues.isEmpty()) {
            canonicalIssue(text, PolicyJson.render(policy, stated)).ifPresent(issues::add);
        }
        if (issues.isEmpty()) {
            VerifiedPolicies.shared().put(text, requireCanonical, policy);
        }
        return new Checked(Optional.of(policy), issues, () -> Optional.of(json));
    }

    /** A text that passed before: its policy, and its tree parsed again should a caller need a location. */
    private static Checked known(Policy policy, String text) {
        return new Checked(Optional.of(policy), List.of(), () -> {
            try {
                return Optional.of(LocatedJson.parse(text));
            } catch (LocatedJson.SyntaxError e) {
                throw new IllegalStateException("a text that parsed before no longer parses", e);
            }
        });
    }

    private static Optional<Issue> canonicalIssue(String text, String canonical) {
        if (text.equals(canonical)) {
            return Optional.empty();
        }
        if (text.replace("\r\n", "\n").equals(canonical)) {
            return Optional.of(Issue.at(Issue.Spot.of(text, text.indexOf('\r')), "the file has Windows (CRLF) line ends",
                    "policy files use LF; add `*.json text eol=lf` to the policy store's .gitattributes and check the file out again"));
        }
        int i = 0;
        int n = Math.min(text.length(), canonical.length());
        while (i < n && text.charAt(i) == canonical.charAt(i)) {
            i++;
        }
        Issue.Spot s = Issue.Spot.of(text, i);
        return Optional.of(Issue.at(s, "the file is not in canonical form: " + expectedHere(canonical, i),
                "published files are never reformatted (sorted keys, two-space indent, LF, trailing newline); " + RESTORE));
    }

    private static String expectedHere(String canonical, int offset) {
        if (offset >= canonical.length()) {
            return "expected the file to end here";
        }
        int start = canonical.lastIndexOf('\n', offset - 1) + 1;
        int end = canonical.indexOf('\n', offset);
        String line = canonical.substring(start, end < 0 ? canonical.length() : end);
        if (line.length() > 80) {
            line = line.substring(0, 77) + "...";
        }
        return "expected the line to read `" + line.strip() + "`";
    }

    private static Checked failed(Issue issue) {
        return new Checked(Optional.empty(), List.of(issue), Optional::empty);
    }
}
