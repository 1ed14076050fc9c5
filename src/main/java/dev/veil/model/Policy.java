package dev.veil.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * @param entities   for a single-table design ({@value #FORMAT_ENTITIES}): a policy per kind of
 *                   item, by name, and then {@code owner} and {@code attributes} are empty; empty
 *                   for a table of one kind ({@value #FORMAT})
 */
public record Policy(String table, int version, Optional<String> previous, Optional<String> owner,
                     SortedMap<String, PolicyRule> attributes, Optional<String> digest,
                     Optional<Publication> published, SortedMap<String, EntityPolicy> entities) {

    /** The format identifier written into the policy file of a table of one kind. */
    public static final String FORMAT = "veil-policy/1";

    /** The format identifier written into the policy file of a table with entities. */
    public static final String FORMAT_ENTITIES = "veil-policy/2";

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
        entities = Collections.unmodifiableSortedMap(new TreeMap<>(entities));
        if (!entities.isEmpty() && (owner.isPresent() || !attributes.isEmpty())) {
            throw new IllegalArgumentException("a policy with entities keeps its owner and attributes per entity");
        }
    }

    /** A policy of a table of one kind. */
    public Policy(String table, int version, Optional<String> previous, Optional<String> owner,
                  SortedMap<String, PolicyRule> attributes, Optional<String> digest,
                  Optional<Publication> published) {
        this(table, version, previous, owner, attributes, digest, published, new TreeMap<>());
    }

    /** A draft policy of a table with entities. */
    public static Policy draftOfEntities(String table, int version, Optional<String> previous,
                                         Map<String, EntityPolicy> entities) {
        return new Policy(table, version, previous, Optional.empty(), new TreeMap<>(), Optional.empty(),
                Optional.empty(), new TreeMap<>(entities));
    }

    /** True when the policy holds entities ({@value #FORMAT_ENTITIES}). */
    public boolean hasEntities() {
        return !entities.isEmpty();
    }

    /** The format identifier of this policy's file. */
    public String format() {
        return hasEntities() ? FORMAT_ENTITIES : FORMAT;
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
        return new Policy(table, version, previous, owner, attributes, Optional.of(newDigest), published, entities);
    }

    /** A copy recording who published it; its digest, which covers the record, is dropped. */
    public Policy withPublication(Publication publication) {
        return new Policy(table, version, previous, owner, attributes, Optional.empty(), Optional.of(publication),
                entities);
    }

    /**
     * Every rule of the policy with its path, parents before children: the attributes of a table
     * of one kind (entity empty), or every entity's, entity by entity in name order. The one walk
     * of the policy tree (see {@link PathRule}).
     */
    public List<PathRule> rules() {
        if (!hasEntities()) {
            return tableRules();
        }
        List<PathRule> out = new ArrayList<>();
        entities.forEach((name, entity) -> out.addAll(PathRule.walk(name, entity.attributes())));
        return List.copyOf(out);
    }

    /**
     * The rules that govern the table as a whole, parents before children: every rule of a table
     * of one kind, none of a {@value #FORMAT_ENTITIES} policy (its rules belong to its entities).
     */
    public List<PathRule> tableRules() {
        return PathRule.walk("", attributes);
    }

    /** The rule at a path, following fields and items; empty when the policy does not name it. */
    public Optional<PolicyRule> rule(AttributePath path) {
        return ruleIn(attributes, path);
    }

    /** The rule at {@code path} among {@code rules}, following fields and items. */
    static Optional<PolicyRule> ruleIn(Map<String, PolicyRule> rules, AttributePath path) {
        PolicyRule current = rules.get(path.topLevelName());
        for (AttributePath.Segment s : path.segments().subList(1, path.segments().size())) {
            if (current == null) {
                return Optional.empty();
            }
            current = s instanceof AttributePath.Name n ? current.fields().get(n.name()) : current.items().orElse(null);
        }
        return Optional.ofNullable(current);
    }
}
