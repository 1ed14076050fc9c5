package dev.veil.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.app.PolicyEntry;
import dev.veil.app.PolicyListing;
import dev.veil.model.Classification;
import dev.veil.model.DynamoType;
import dev.veil.model.EntityMatch;
import dev.veil.model.OwnerRule;
import dev.veil.model.Policy;
import dev.veil.model.Review;
import dev.veil.policy.PolicyChange;
import dev.veil.policy.PolicyDiffJson;
import java.util.List;
import java.util.Optional;

/**
 * One version of {@code veil policy history --json}:
 * {@code {"version","format","digest","previous","published","owner","rules","attributes":[…],
 * "entities":[{"name","match","owner","attributes":[…]}],"summary","changes":[…]}}, each attribute
 * {@code {"path","class","types","reviewer","note"}}; a table of one kind has its rules in
 * {@code attributes} and {@code "entities": []}, a {@code veil-policy/2} version the reverse.
 */
final class PolicyListingJson {

    private PolicyListingJson() {
    }

    /**
     * @param summary the change summary line ({@code first version} for version 1)
     * @param changes the changes from the previous version; empty for the first
     */
    static ObjectNode version(Policy p, PolicyListing listing, String summary, Optional<List<PolicyChange>> changes) {
        ObjectNode o = Json.object();
        o.put("version", p.version());
        o.put("format", p.format());
        o.put("digest", p.digest().orElse(null));
        o.put("previous", p.previous().orElse(null));
        if (p.published().isPresent()) {
            o.putObject("published").put("by", p.published().get().by())
                    .put("at", p.published().get().at().toString()).put("note", p.published().get().note());
        } else {
            o.putNull("published");
        }
        o.put("owner", p.owner().orElse(null));
        o.put("rules", listing.rules());
        ArrayNode attributes = o.putArray("attributes");
        ArrayNode entities = o.putArray("entities");
        for (PolicyListing.Group g : listing.groups()) {
            if (!listing.byEntity()) {
                g.entries().forEach(e -> attributes.add(entry(e)));
                continue;
            }
            ObjectNode entity = entities.addObject().put("name", g.entity());
            g.match().ifPresent(m -> entity.set("match", match(m)));
            Optional<OwnerRule> owner = p.entities().get(g.entity()).owner();
            if (owner.isPresent()) {
                entity.putObject("owner").put("attribute", owner.get().attribute())
                        .put("template", owner.get().template());
            } else {
                entity.putNull("owner");
            }
            ArrayNode rules = entity.putArray("attributes");
            g.entries().forEach(e -> rules.add(entry(e)));
        }
        o.put("summary", summary);
        // the diff document's own change list, so each change reads as in policy diff --json
        o.set("changes", changes.map(c -> PolicyDiffJson.toTree(p.table(), p.version() - 1, p.version(), c)
                .get("changes")).orElseGet(Json.MAPPER::createArrayNode));
        return o;
    }

    private static ObjectNode match(EntityMatch m) {
        return Json.object().put("attribute", m.attribute()).put(m.test().label(), m.value());
    }

    private static ObjectNode entry(PolicyEntry e) {
        ObjectNode o = Json.object();
        o.put("path", e.path().toString());
        o.put("class", e.classification().map(Classification::label).orElse(null));
        ArrayNode types = o.putArray("types");
        e.types().stream().map(DynamoType::code).forEach(types::add);
        o.put("reviewer", e.review().map(Review::reviewer).orElse(null));
        o.put("note", e.review().map(Review::note).orElse(null));
        return o;
    }
}
