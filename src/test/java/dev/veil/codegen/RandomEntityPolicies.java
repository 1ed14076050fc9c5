package dev.veil.codegen;

import dev.veil.model.DynamoValue;
import dev.veil.model.EntityMatch;
import dev.veil.model.EntityPolicy;
import dev.veil.model.OwnerRule;
import dev.veil.model.Policy;
import dev.veil.model.PolicyRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Random {@code veil-policy/2} policies and items for the differential test: hostile entity
 * names, hostile match and owner attribute names, and hostile marker values and prefixes (quotes,
 * backslashes, {@code ${}, newlines, Unicode, {@code #} inside values, prefixes of one another).
 * Matches on one attribute never overlap, as policy validation demands; matches on different
 * attributes may both hold, so some items belong to several entities and must be dropped, and
 * some to none.
 */
final class RandomEntityPolicies {

    /** Values and prefixes a marker or key may hold. */
    static final List<String> HOSTILE_VALUES = List.of("USER", "USER#", "USER#4", "U", "ORDER#2024", "ORDER#2024-",
            "\"q\"", "back\\slash", "${x}", "line\nbreak", "名前", "emoji😀", "a#b#", "#", "'", "\\u0022", "*/", "\u2028",
            "Straße", "__proto__", "{id}", "%s", "\ud800", "\t", "`tick`");

    private final RandomPolicies random;

    RandomEntityPolicies(long seed) {
        random = new RandomPolicies(seed);
    }

    RandomPolicies names() {
        return random;
    }

    // A hostile name may be empty, and an entity match needs an attribute name (EntityMatch refuses "").
    private String markerName() {
        String name = random.name();
        while (name.isEmpty()) {
            name = random.name();
        }
        return name;
    }

    Policy policy(String table) {
        String marker = random.random().nextBoolean() ? "_et" : markerName();
        String key = random.random().nextBoolean() ? "sk" : random.name() + "_key";
        Map<String, EntityPolicy> entities = new TreeMap<>();
        List<EntityMatch> matches = new ArrayList<>();
        int n = 1 + random.random().nextInt(4);
        for (int tries = 0; entities.size() < n && tries < 50; tries++) {
            String attribute = random.random().nextBoolean() ? marker : key;
            String value = value();
            EntityMatch match = random.random().nextBoolean() ? EntityMatch.equalTo(attribute, value)
                    : EntityMatch.beginningWith(attribute, value);
            if (matches.stream().anyMatch(m -> m.attribute().equals(attribute) && m.overlaps(match))) {
                continue;
            }
            String name = random.name() + (random.random().nextBoolean() ? value() : "");
            if (name.isEmpty() || entities.containsKey(name)) {
                continue;
            }
            matches.add(match);
            entities.put(name, entity(match));
        }
        return CodegenFixtures.digested(Policy.draftOfEntities(table, 1 + random.random().nextInt(9), Optional.empty(),
                entities));
    }

    private EntityPolicy entity(EntityMatch match) {
        Policy flat = random.policy("x");
        Map<String, PolicyRule> attributes = new TreeMap<>(flat.attributes());
        if (random.random().nextInt(3) != 0) {
            attributes.put(match.attribute(), random.rule());
        }
        // A hostile name may be empty, which a table's owner allows and an entity's owner rule refuses.
        Optional<String> ownerName = flat.owner().filter(o -> !o.isEmpty());
        Optional<OwnerRule> owner = switch (random.random().nextInt(4)) {
            case 0 -> Optional.empty();
            case 1 -> ownerName.map(OwnerRule::plain);
            default -> Optional.of(new OwnerRule(ownerName.orElse("owner_id"),
                    value() + OwnerRule.ID + (random.random().nextBoolean() ? value() : "")));
        };
        return EntityPolicy.of(match, owner, attributes);
    }

    private String value() {
        String base = HOSTILE_VALUES.get(random.random().nextInt(HOSTILE_VALUES.size()));
        return random.random().nextInt(4) == 0 ? base + random.random().nextInt(3) : base;
    }

    /** An item of one entity (mostly), of none, or also passing another entity's match. */
    Map<String, DynamoValue> item(Policy policy, List<String> ownerIds) {
        List<EntityPolicy> entities = new ArrayList<>(policy.entities().values());
        EntityPolicy e = entities.get(random.random().nextInt(entities.size()));
        Policy flat = Policy.draft(policy.table(), 1, Optional.empty(), e.owner().map(OwnerRule::attribute), e.attributes());
        Map<String, DynamoValue> item = new LinkedHashMap<>(random.item(flat, ownerIds));
        int kind = random.random().nextInt(8);
        if (kind != 0) {
            item.put(e.match().attribute(), new DynamoValue.S(passing(e.match())));
        }
        if (kind == 1) {
            EntityPolicy other = entities.get(random.random().nextInt(entities.size()));
            item.put(other.match().attribute(), new DynamoValue.S(passing(other.match())));
        }
        if (kind == 2) {
            item.put(e.match().attribute(), random.random().nextBoolean() ? new DynamoValue.N("1")
                    : new DynamoValue.S(e.match().value().substring(0, e.match().value().length() - 1)));
        }
        if (e.owner().isPresent() && random.random().nextInt(5) != 0) {
            String id = ownerIds.get(random.random().nextInt(ownerIds.size()));
            String text = random.random().nextInt(4) == 0 ? id : e.owner().get().expected(id);
            item.put(e.owner().get().attribute(), text.matches("[1-9][0-9]*") && random.random().nextBoolean()
                    ? new DynamoValue.N(text) : new DynamoValue.S(text));
        }
        return item;
    }

    private String passing(EntityMatch match) {
        return match.test() == EntityMatch.Test.EQUALS ? match.value()
                : match.value() + (random.random().nextBoolean() ? "" : value());
    }
}
