package dev.veil.policy;

import dev.veil.model.Policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Policy files as text: the canonical writer and the checked reader. Canonical text has its
 * keys sorted by code point, a two-space indent, one array element per line, LF line ends and
 * a trailing newline — exactly Python's
 * {@code json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"}.
 *
 * <p>Reading checks syntax, the shipped schema, names, the chain start and the digest, and
 * throws {@link PolicyFormatException} with file, line, column and a hint at the first problem.
 * It accepts text that is correct but not canonically formatted; {@link PolicyValidator} and
 * {@link PolicyStore} reads do not.
 */
public final class PolicyJson {
    private PolicyJson() {
    }

    /**
     * The canonical file text of {@code p}, digest included. A draft gets its computed digest;
     * a policy that already carries one must carry the right one.
     *
     * @throws IllegalArgumentException when {@code p}'s digest does not match its content
     */
    public static String write(Policy p) {
        String actual = PolicyDigest.compute(p);
        if (p.digest().isPresent() && !p.digest().get().equals(actual)) {
            throw new IllegalArgumentException("policy " + p.table() + " v" + p.version() + " carries digest "
                    + p.digest().get() + " but its content hashes to " + actual
                    + "; a policy changed after digesting must be published as a new draft");
        }
        return render(p, actual);
    }

    /** The canonical text of {@code p} without the {@code digest} key: what the digest covers. */
    public static String canonicalWithoutDigest(Policy p) {
        return CanonicalJson.write(PolicyTree.toTree(p, Optional.empty()));
    }

    /** Reads and checks a policy file (UTF-8). */
    public static Policy read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw PolicyStoreException.reading(file, e);
        }
        return orThrow(PolicyDocument.check(bytes, false), file.toString());
    }

    /** Parses and checks a policy text; {@code sourceName} names it in messages. */
    public static Policy parse(String text, String sourceName) {
        return orThrow(PolicyDocument.check(text, false), sourceName);
    }

    static String render(Policy p, String digest) {
        return CanonicalJson.write(PolicyTree.toTree(p, Optional.of(digest)));
    }

    private static Policy orThrow(PolicyDocument.Checked checked, String source) {
        if (!checked.ok()) {
            throw checked.issues().get(0).toException(source);
        }
        return checked.policy().orElseThrow();
    }
}
