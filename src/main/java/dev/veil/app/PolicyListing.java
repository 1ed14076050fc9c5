package dev.veil.app;

import dev.veil.model.EntityMatch;
import dev.veil.model.EntityPolicy;
import dev.veil.model.PathRule;
import dev.veil.model.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of one policy version as a steward reads them ({@code policy show}, {@code policy
 * history}): one group for a table of one kind, one per entity of a {@code veil-policy/2} policy,
 * each with its match and owner. Built from the one walk of the policy, {@link Policy#rules()}.
 *
 * @param groups the table's one group, or one per entity in name order
 */
public record PolicyListing(List<Group> groups) {

    /** What the listing says where no requester can own an item. */
    public static final String NO_OWNER = "(none: owner-only attributes reach nobody)";

    public PolicyListing {
        groups = List.copyOf(groups);
    }

    /**
     * The rules of a table of one kind, or of one entity.
     *
     * @param entity  the entity's name; empty for a table of one kind
     * @param match   how an item is recognised as one of the entity; empty for a table of one kind
     * @param owner   who owns an item: the owner attribute of a table of one kind ({@code user_id}),
     *                an entity's rule as {@code attribute = template} ({@code pk = USER#{id}});
     *                empty when nobody does
     * @param entries the rules, parents before children
     */
    public record Group(String entity, Optional<EntityMatch> match, Optional<String> owner,
                        List<PolicyEntry> entries) {

        public Group {
            entries = List.copyOf(entries);
        }

        /** The owner, or {@link #NO_OWNER}. */
        public String ownerText() {
            return owner.orElse(NO_OWNER);
        }
    }

    /** The listing of {@code policy}. */
    public static PolicyListing of(Policy policy) {
        if (!policy.hasEntities()) {
            return new PolicyListing(List.of(new Group("", Optional.empty(), policy.owner(),
                    policy.rules().stream().map(PolicyEntry::of).toList())));
        }
        Map<String, List<PolicyEntry>> byEntity = new LinkedHashMap<>();
        policy.entities().keySet().forEach(name -> byEntity.put(name, new ArrayList<>()));
        for (PathRule rule : policy.rules()) {
            byEntity.get(rule.entity()).add(PolicyEntry.of(rule));
        }
        List<Group> groups = new ArrayList<>();
        byEntity.forEach((name, entries) -> {
            EntityPolicy entity = policy.entities().get(name);
            groups.add(new Group(name, Optional.of(entity.match()),
                    entity.owner().map(o -> o.attribute() + " = " + o.template()), entries));
        });
        return new PolicyListing(groups);
    }

    /** True when the groups are entities ({@code veil-policy/2}). */
    public boolean byEntity() {
        return groups.stream().anyMatch(g -> !g.entity().isEmpty());
    }

    /** How many rules the listing holds, over every group. */
    public int rules() {
        return groups.stream().mapToInt(g -> g.entries().size()).sum();
    }

    /**
     * The rule count as a listing of versions shows it: {@code 12} for a table of one kind,
     * {@code 12 in 3 entities} for a {@code veil-policy/2} version.
     */
    public String rulesText() {
        if (!byEntity()) {
            return String.valueOf(rules());
        }
        return rules() + " in " + groups.size() + (groups.size() == 1 ? " entity" : " entities");
    }

    /** What a listing says of the attributes and items it does not list. */
    public String unlistedNote() {
        String note = "Attributes not listed are secret: every sanitizer drops them.";
        return byEntity() ? note + " An item that matches no entity, or more than one, is dropped whole." : note;
    }
}
