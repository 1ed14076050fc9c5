package dev.veil.policy;

import dev.veil.model.AttributePath;
import dev.veil.model.EntityPolicy;
import dev.veil.model.OwnerRule;
import dev.veil.model.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The changes between two versions where either holds entities, entity by entity. Each entity is
 * compared as a policy of its own (its owner attribute and rules), so every rule change is judged
 * as in a table of one kind; an owner template or match that changes widens (other items, or
 * other requesters, may now pass). A table moving from one form to the other compares the
 * table-wide rules with each entity's.
 */
final class EntityDiff {

    private EntityDiff() {
    }

    static List<PolicyChange> between(Policy a, Policy b) {
        TreeSet<String> names = new TreeSet<>(a.entities().keySet());
        names.addAll(b.entities().keySet());
        List<PolicyChange> out = new ArrayList<>();
        for (String name : names) {
            Optional<EntityPolicy> ea = entityOf(a, name);
            Optional<EntityPolicy> eb = entityOf(b, name);
            Policy va = view(a, ea);
            Policy vb = view(b, eb);
            if (ea.isPresent() && eb.isPresent()) {
                if (!ea.get().match().equals(eb.get().match())) {
                    out.add(new PolicyChange(AttributePath.of(eb.get().match().attribute()),
                            PolicyChange.Kind.MATCH_CHANGED, Optional.of(ea.get().match().toString()),
                            Optional.of(eb.get().match().toString()), true, Optional.empty(), name));
                }
                if (ea.get().owner().isPresent() && eb.get().owner().isPresent()
                        && ea.get().owner().get().attribute().equals(eb.get().owner().get().attribute())
                        && !ea.get().owner().equals(eb.get().owner())) {
                    out.add(new PolicyChange(AttributePath.of(eb.get().owner().get().attribute()),
                            PolicyChange.Kind.OWNER_CHANGED, ea.get().owner().map(EntityDiff::owner),
                            eb.get().owner().map(EntityDiff::owner), true, Optional.empty(), name));
                }
            }
            for (PolicyChange c : PolicyDiff.ofOneKind(va, vb)) {
                out.add(c.inEntity(name));
            }
        }
        return out;
    }

    /** The entity {@code name} of {@code p}; a policy of one kind governs every entity alike. */
    private static Optional<EntityPolicy> entityOf(Policy p, String name) {
        return Optional.ofNullable(p.entities().get(name));
    }

    private static Policy view(Policy p, Optional<EntityPolicy> entity) {
        if (!p.hasEntities()) {
            return p;
        }
        return entity.map(e -> new Policy(p.table(), p.version(), p.previous(), e.owner().map(OwnerRule::attribute),
                        new TreeMap<>(e.attributes()), Optional.empty()))
                .orElseGet(() -> new Policy(p.table(), p.version(), p.previous(), Optional.empty(), new TreeMap<>(),
                        Optional.empty()));
    }

    private static String owner(OwnerRule o) {
        return AttributePath.formatName(o.attribute()) + " = " + o.template();
    }
}
