package dev.veil.app;

import dev.veil.model.Decision;
import dev.veil.model.EntityMatch;
import dev.veil.model.EntityPolicy;
import dev.veil.model.EntityProfile;
import dev.veil.model.OwnerRule;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import dev.veil.model.TableProfile;
import dev.veil.policy.PolicyBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the {@code veil-policy/2} draft of a table with entities: per entity, its match (as the
 * latest sample found it, else as published), its owner (the workspace's, else the published
 * one) and rules from its own decisions over the published ones.
 */
final class EntityPublishing {

    private EntityPublishing() {
    }


    static PolicyBuilder.BuildResult build(Veil veil, String table, Optional<TableProfile> profile,
                                           Optional<Policy> latest) {
        EntityReviewing entities = veil.entities();
        Map<String, EntityPolicy> out = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        for (String name : entities.names(table)) {
            Optional<EntityProfile> found = profile.flatMap(p -> p.entity(name));
            Optional<EntityMatch> match = found.map(EntityProfile::match).or(() -> entities.match(table, name));
            if (match.isEmpty()) {
                continue;
            }
            List<Decision> decisions = List.copyOf(entities.decisions(table, name).values());
            Optional<TableProfile> view = profile.flatMap(p -> found.map(e -> EntityViews.asTable(p, e)));
            PolicyBuilder.BuildResult built = PolicyBuilder.build(table, decisions, view, Optional.empty(),
                    Optional.empty());
            Map<String, PolicyRule> rules = built.draft().attributes();
            Optional<OwnerRule> owner = entities.currentOwner(table, name);
            built.warnings().forEach(w -> warnings.add("entity \"" + name + "\": " + w));
            if (decisions.isEmpty()) {
                warnings.add("entity \"" + name + "\" has no decision yet: every attribute of its items stays hidden");
            }
            if (owner.isEmpty() && rules.values().stream().anyMatch(r -> r.classification()
                    .filter(c -> c == dev.veil.model.Classification.OWNER_ONLY).isPresent())) {
                warnings.add("entity \"" + name + "\" has owner-only attributes but no owner: nobody will see them; "
                        + "decide who owns its items (an owner attribute and a key template such as USER#{id})");
            }
            out.put(name, EntityPolicy.of(match.get(), owner, rules));
        }
        int version = latest.map(p -> p.version() + 1).orElse(1);
        Policy draft = Policy.draftOfEntities(table, version, latest.flatMap(Policy::digest), out);
        return new PolicyBuilder.BuildResult(draft, warnings);
    }
}
