package dev.veil.drift;

import dev.veil.model.EntityMatch;
import dev.veil.model.EntityPolicy;
import dev.veil.model.EntityProfile;
import dev.veil.model.Policy;
import dev.veil.model.TableProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pairs the kinds of item a sample found with the entities of a {@code veil-policy/2} policy. A
 * sampled kind is covered by a policy entity whose match holds for every item the sampled kind's
 * match holds for (same attribute; an equal value, or a value that begins with the policy's prefix);
 * a policy entity of the same name is preferred. A sampled kind nothing covers is new; a policy
 * entity no sampled kind pairs with was not seen.
 *
 * @param pairs     each covered sampled kind with the policy entity that covers it
 * @param uncovered sampled kinds no policy entity recognises
 * @param unseen    policy entities, by name, that no sampled kind pairs with
 */
record EntityPairing(List<Pair> pairs, List<EntityProfile> uncovered, Map<String, EntityPolicy> unseen) {

    /** A sampled kind and the policy entity that governs its items. */
    record Pair(String name, EntityPolicy policy, EntityProfile sampled) {
    }

    static EntityPairing of(TableProfile sample, Policy policy) {
        Map<String, EntityPolicy> unseen = new LinkedHashMap<>(policy.entities());
        List<Pair> pairs = new ArrayList<>();
        List<EntityProfile> uncovered = new ArrayList<>();
        for (EntityProfile s : sample.entities()) {
            Optional<Map.Entry<String, EntityPolicy>> cover = policy.entities().entrySet().stream()
                    .filter(p -> covers(p.getValue().match(), s.match()))
                    .min((a, b) -> Boolean.compare(!a.getKey().equals(s.name()), !b.getKey().equals(s.name())));
            if (cover.isEmpty()) {
                uncovered.add(s);
            } else if (unseen.remove(cover.get().getKey()) != null) {
                pairs.add(new Pair(cover.get().getKey(), cover.get().getValue(), s));
            }
            // A second sampled kind under an entity already paired is covered, and audited with the first.
        }
        return new EntityPairing(List.copyOf(pairs), List.copyOf(uncovered),
                java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(unseen)));
    }

    /** True when {@code policy} holds for every item {@code sampled} holds for. */
    static boolean covers(EntityMatch policy, EntityMatch sampled) {
        if (!policy.attribute().equals(sampled.attribute())) {
            return false;
        }
        return policy.test() == EntityMatch.Test.EQUALS
                ? sampled.test() == EntityMatch.Test.EQUALS && sampled.value().equals(policy.value())
                : sampled.value().startsWith(policy.value());
    }

    /** The kind of {@code run} that {@code policy} covers, preferring {@code name}; for earlier runs. */
    static Optional<EntityProfile> in(TableProfile run, String name, EntityPolicy policy) {
        return run.entities().stream().filter(e -> covers(policy.match(), e.match()))
                .min((a, b) -> Boolean.compare(!a.name().equals(name), !b.name().equals(name)));
    }
}
