package dev.veil.inference.detect;

import java.util.List;
import java.util.Optional;

/**
 * The credentials of one family of {@code token-formats.tsv} (GitHub tokens, AI provider keys,
 * URLs with passwords...). Each is {@link #distinctive()}: a provider's prefix with the right
 * alphabet and length is a credential even when a column holds only one.
 */
public final class TokenFamilyDetector extends BaseDetector {

    private final TokenTrie trie;
    private final List<TokenFormat> formats;

    TokenFamilyDetector(String family, String description, double strength, List<TokenFormat> formats) {
        super(family, description, Leaning.SECRET, strength);
        this.formats = List.copyOf(formats);
        this.trie = new TokenTrie(this.formats);
    }

    @Override
    public boolean distinctive() {
        return true;
    }

    @Override
    public ShapeFilter shape() {
        return trie.shape();
    }

    @Override
    public boolean matches(String value) {
        return trie.match(value) != null;
    }

    /** The format {@code value} matches, if any: for tests and for people asking "which one?". */
    public Optional<TokenFormat> format(String value) {
        return Optional.ofNullable(trie.match(value));
    }

    /** The formats this detector recognises. */
    public List<TokenFormat> formats() {
        return formats;
    }
}
