package dev.veil.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.veil.app.Disclosure;
import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.EntityMatch;
import dev.veil.model.EntityProfile;
import dev.veil.model.KeySchema;
import dev.veil.model.SampleCoverage;
import dev.veil.model.Suggestion;
import dev.veil.model.TableProfile;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of {@code veil sample --json} (DESIGN.md): table, itemsSampled, keySchema and one entry
 * per path with types, presence and suggestion, extended with coverage and per-path shape facts,
 * each passed through {@link Disclosure} (a profile that did not come from the workspace is no
 * exception).
 */
final class SampleJson {

    private SampleJson() {
    }

    static ObjectNode of(TableProfile profile, Map<AttributePath, Suggestion> suggestions) {
        return of(profile, suggestions, Map.of());
    }

    /** The document with {@code entities}, each entity's paths with its own suggestions. */
    static ObjectNode of(TableProfile profile, Map<AttributePath, Suggestion> suggestions,
                         Map<String, Map<AttributePath, Suggestion>> entitySuggestions) {
        ObjectNode root = Json.object();
        root.put("table", profile.table());
        root.put("itemsSampled", profile.itemsSampled());
        root.set("keySchema", keySchema(profile.keySchema()));
        root.put("source", profile.source());
        root.put("sampledAt", profile.sampledAt().toString());
        root.set("coverage", coverage(profile.coverage()));
        ArrayNode attributes = root.putArray("attributes");
        for (AttributeProfile a : profile.attributes()) {
            Optional<Suggestion> suggestion = Optional.ofNullable(suggestions.get(a.path()));
            Disclosure.Facts facts = new Disclosure.Facts(Optional.empty(), suggestion, Optional.of(a));
            attributes.add(attribute(Disclosure.apply(a, facts), suggestion, Disclosure.withholdsExamples(facts)));
        }
        ArrayNode entities = root.putArray("entities");
        for (EntityProfile e : profile.entities()) {
            entities.add(entity(e, entitySuggestions.getOrDefault(e.name(), Map.of()), suggestions));
        }
        return root;
    }

    private static ObjectNode entity(EntityProfile e, Map<AttributePath, Suggestion> own,
                                     Map<AttributePath, Suggestion> tableWide) {
        ObjectNode n = Json.object();
        n.put("name", e.name());
        n.set("match", match(e.match()));
        n.put("itemsSampled", e.itemsSampled());
        ArrayNode attributes = n.putArray("attributes");
        for (AttributeProfile a : e.attributes()) {
            Optional<Suggestion> suggestion = Optional.ofNullable(own.get(a.path()));
            Disclosure.Facts facts = new Disclosure.Facts(Optional.empty(), suggestion, Optional.of(a));
            Disclosure.Facts table = new Disclosure.Facts(Optional.empty(),
                    Optional.ofNullable(tableWide.get(a.path())), Optional.of(a));
            AttributeProfile shown = Disclosure.apply(Disclosure.apply(a, facts), table);
            attributes.add(attribute(shown, suggestion,
                    Disclosure.withholdsExamples(facts) || Disclosure.withholdsExamples(table)));
        }
        return n;
    }

    /** {@code {"attribute": A, "equals": V}} or {@code {"attribute": A, "beginsWith": P}}. */
    static ObjectNode match(EntityMatch m) {
        ObjectNode n = Json.object();
        n.put("attribute", m.attribute());
        n.put(m.test().label(), m.value());
        return n;
    }

    static ObjectNode keySchema(Optional<KeySchema> keySchema) {
        ObjectNode ks = Json.object();
        ks.put("partitionKey", keySchema.map(k -> k.partitionKey().name()).orElse(null));
        ks.put("sortKey", keySchema.flatMap(KeySchema::sortKey).map(KeySchema.KeyAttribute::name).orElse(null));
        keySchema.ifPresent(k -> {
            ks.put("partitionKeyType", k.partitionKey().type().code());
            k.sortKey().ifPresent(s -> ks.put("sortKeyType", s.type().code()));
        });
        return ks;
    }

    private static ObjectNode coverage(SampleCoverage c) {
        ObjectNode n = Json.object();
        n.put("totalSegments", c.totalSegments());
        n.put("segmentsRead", c.segmentsRead());
        n.put("nonEmptySegments", c.nonEmptySegments());
        n.put("collectionsTouched", c.collectionsTouched());
        n.put("pathsSeenOnce", c.pathsSeenOnce());
        n.put("unseenPathEstimate", c.unseenPathEstimate());
        n.put("stable", c.stable());
        n.put("requests", c.requests());
        n.put("consumedCapacity", c.consumedCapacity());
        return n;
    }

    private static ObjectNode attribute(AttributeProfile a, Optional<Suggestion> suggestion, boolean examplesWithheld) {
        ObjectNode n = Json.object();
        n.put("path", a.path().toString());
        ObjectNode types = n.putObject("types");
        a.types().forEach((t, count) -> types.put(t.code(), count));
        n.put("presence", a.presence());
        n.set("suggestion", suggestion.map(SampleJson::suggestion).orElse(null));
        n.put("itemsPresent", a.itemsPresent());
        n.put("distinctEstimate", a.distinctEstimate());
        a.stringLength().ifPresent(r -> n.putObject("stringLength").put("min", r.min()).put("max", r.max()));
        a.binaryLength().ifPresent(r -> n.putObject("binaryLength").put("min", r.min()).put("max", r.max()));
        a.numberRange().ifPresent(r -> n.putObject("numberRange").put("min", r.min()).put("max", r.max()));
        ArrayNode examples = n.putArray("maskedExamples");
        if (examplesWithheld) {
            n.put("examplesHidden", true);
        } else {
            a.maskedExamples().forEach(examples::add);
        }
        return n;
    }

    static ObjectNode suggestion(Suggestion s) {
        ObjectNode n = Json.object();
        n.put("class", s.classification().label());
        n.put("confidence", Math.round(s.confidence() * 1000) / 1000.0);
        ArrayNode reasons = n.putArray("reasons");
        s.reasons().forEach(reasons::add);
        return n;
    }
}
