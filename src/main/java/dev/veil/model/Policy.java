package dev.veil.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of a table's exposure policy: a rule per top-level attribute (nested rules
 * inside), the owner attribute, and the digests that chain versions together. Attributes the
 * policy does not name are secret.
 *
 * @param table      the table the policy governs
 * @param version    1, 2, 3… in publishing order
 * @param previous   digest of version - 1 ({@code sha256:…}); empty for version 1
 * @param owner      top-level attribute whose value identifies the item's owner; empty when no
 *                   requester can be the owner
 * @param attributes rules by top-level attribute name
 * @param digest     {@code sha256:…} of the canonical form without the digest; empty for a draft
 * @param published  who published the version, when and why; empty in files written before
 *                   Veil recorded it, and in drafts until they are published
 */
public record Policy(String table, int version, Optional<String> previous, Optional<String> owner,
                     SortedMap<String, PolicyRule> attributes, Optional<String> digest,
                     Optional<Publication> published) {

    /** The format identifier written into every policy file. */
    public static final String FORMAT = "veil-policy/1";

    public Policy {
        Objects.requireNonNull(table, "table");
        if (version < 1) {
            throw new IllegalArgumentException("policy versions start at 1, was " + version);
        }
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(owner, "owner");
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(published, "published");
    }

    /** A policy without a {@code published} block (drafts, and files of older Veils). */
    public Policy(String table, int version, Optional<String> previous, Optional<String> owner,
                  SortedMap<String, PolicyRule> attributes, Optional<String> digest) {
        this(table, version, previous, owner, attributes, digest, Optional.empty());
    }

    /** A draft (not yet digested) policy. */
    public static Policy draft(String table, int version, Optional<String> previous, Optional<String> owner,
                               Map<String, PolicyRule> attributes) {
        return new Policy(table, version, previous, owner, new TreeMap<>(attributes), Optional.empty());
    }

    /** A copy carrying {@code newDigest}. */
    public Policy withDigest(String newDigest) {
        return new Policy(table, version, previous, owner, attributes, Optional.of(newDigest), published);
    }

    /** A copy recording who published it; its digest, which covers the record, is dropped. */
    public Policy withPublication(Publication publication) {
        return new Policy(table, version, previous, owner, attributes, Optional.empty(), Optional.of(publication));
    }

    /** The rule at a path, following fields and items; empty when the policy does not name it. */
    public Optional<PolicyRule> rule(AttributePath path) {
        PolicyRule current = attributes.get(path.topLevelName());
        for (AttributePath.Segment s : path.segments().subList(1, path.segments().size())) {
            if (current == null) {
                return Optional.empty();
            }
            current = s instanceof AttributePath.Name n ? current.fields().get(n.name()) : current.items().orElse(null);
        }
        return Optional.ofNullable(current);
    }
}
