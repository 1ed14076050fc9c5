package dev.veil.inference.detect;

import java.util.Objects;

/**
 * One credential format of {@code token-formats.tsv}: a row of data, not a class.
 *
 * @param id       stable identifier of the format ({@code github-pat})
 * @param family   the detector that counts its hits ({@code github-token})
 * @param provider who issues it, for people ({@code GitHub personal access token})
 * @param pattern  literal prefix, alphabets and lengths
 * @param check    what else a match must pass
 */
public record TokenFormat(String id, String family, String provider, TokenPattern pattern, TokenCheck check) {
    public TokenFormat {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(check, "check");
    }

    /** True when {@code value} is a credential of this format. */
    public boolean matches(String value) {
        return pattern.matches(value) && check.passes(value, pattern.prefix().length())
                && !TokenCheck.placeholder(value, pattern.prefix().length());
    }
}
