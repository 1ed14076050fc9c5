package dev.veil.drift;

import static dev.veil.drift.Wording.code;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.EntityPolicy;
import dev.veil.model.EntityProfile;
import dev.veil.model.FindingKind;
import dev.veil.model.Severity;
import dev.veil.model.Suggestion;
import dev.veil.model.TableProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares the kinds of item a sample found with the entities of a {@code veil-policy/2} policy:
 * sampled items of a kind no entity recognises ({@code new-entity}) and entities the sample should
 * have shown but did not ({@code missing-entity}). See {@link EntityPairing} for what "recognises"
 * means. Runs only for a table whose published policy has entities.
 */
final class EntityCheck {

    private EntityCheck() {
    }

    static List<ReportedFinding> run(TableEvidence t) {
        List<ReportedFinding> out = new ArrayList<>();
        t.pairing().ifPresent(pairing -> {
            pairing.uncovered().forEach(kind -> out.add(newEntity(t, kind)));
            pairing.unseen().forEach((name, entity) -> missing(t, name, entity).ifPresent(out::add));
        });
        return out;
    }

    // new-entity, HIGH: every sanitizer drops an item that matches no entity (fail closed), so these items
    // reach no client through Veil's code; services that need them go around the sanitizer, unreviewed.
    private static ReportedFinding newEntity(TableEvidence t, EntityProfile kind) {
        Map<AttributePath, Suggestion> suggestions = t.input().entitySuggestions().getOrDefault(kind.name(), Map.of());
        long restricted = suggestions.values().stream()
                .filter(s -> s.classification() != Classification.PUBLIC).count();
        String msg = Wording.items(kind.itemsSampled()) + " of " + t.itemsSampled() + " sampled items are of a kind "
                + t.policyName() + " does not know: " + code(kind.name()) + ", recognised by " + code(kind.match().toString())
                + ", holding " + kind.attributes().stream().filter(a -> a.path().isTopLevel()).count()
                + " top-level attributes" + (restricted > 0 ? " (Veil suggests secret or owner-only for " + restricted
                + " of its paths)" : "") + ". Every sanitizer drops an item that matches no entity, so these items are"
                + " invisible to every client that reads through one, and nobody has reviewed them.";
        String action = "review the kind (" + Wording.reviewCommand(t.table(), Optional.of(kind.name())) + "; "
                + Wording.command("tag", t.table(), "--accept-suggestions", "--entity", kind.name())
                + " takes Veil's suggestions), decide who owns its items ("
                + Wording.command("owner", t.table(), "ATTRIBUTE", "--entity", kind.name(), "--template", "USER#{id}")
                + "), then " + Wording.publishCommand(t.table());
        return Findings.at(t.table(), AttributePath.of(kind.match().attribute()), FindingKind.NEW_ENTITY)
                .entity(Optional.of(kind.name())).severity(Severity.HIGH).message(msg).action(action)
                .detail("match", kind.match().toString()).detail("itemsPresent", kind.itemsSampled())
                .detail("itemsSampled", t.itemsSampled()).detail("suggestedRestricted", restricted).build();
    }

    // missing-entity: never HIGH, since a kind that is not there exposes nothing. MEDIUM when an earlier run
    // showed it, because a kind that vanishes is most often renamed (a new marker value or key prefix) and its
    // items then match no entity, which a new-entity finding reports; LOW when only the 1% assumption expects it.
    private static Optional<ReportedFinding> missing(TableEvidence t, String name, EntityPolicy entity) {
        long n = t.itemsSampled();
        Optional<Earlier> earlier = lastSeen(t, name, entity);
        double p = earlier.map(Earlier::share).orElse(Expectation.ASSUMED_PRESENCE);
        if (!Expectation.expected(p, n)) {
            return Optional.empty();
        }
        String evidence = earlier.map(e -> "; on " + Wording.when(e.run().sampledAt()) + " it was "
                        + Wording.percent(e.share()) + " of " + e.run().itemsSampled()
                        + " items, so a sample this size would have shown it with at least 99% likelihood.")
                .orElse("; a kind of even 1% of the items shows up in a sample this size with at least 99% likelihood.");
        String msg = "Entity " + code(name) + " (" + code(entity.match().toString()) + ") is in "
                + Wording.version(t.policy().orElseThrow().version()) + " but none of " + n
                + " sampled items is of that kind" + evidence;
        String action = "if the kind was renamed, its items are now a new entity: review that one and publish ("
                + Wording.publishCommand(t.table()) + "); if it was retired, publish without it; if it is only rare,"
                + " audit a larger sample (" + Wording.command("drift", t.table(), "--items",
                Long.toString(Math.max(n * 4, 1000))) + ")";
        Findings f = Findings.at(t.table(), AttributePath.of(entity.match().attribute()), FindingKind.MISSING_ENTITY)
                .entity(Optional.of(name)).severity(earlier.isPresent() ? Severity.MEDIUM : Severity.LOW)
                .message(msg).action(action).detail("match", entity.match().toString()).detail("itemsSampled", n)
                .detail("expectedShare", p).detail("chanceOfSeeing", Expectation.chanceOfSeeing(p, n));
        earlier.ifPresent(e -> f.detail("lastSeen", e.run().sampledAt().toString()));
        return Optional.of(f.build());
    }

    private record Earlier(TableProfile run, double share) {
    }

    private static Optional<Earlier> lastSeen(TableEvidence t, String name, EntityPolicy entity) {
        List<TableProfile> runs = t.earlierRuns();
        for (int i = runs.size() - 1; i >= 0; i--) {
            TableProfile run = runs.get(i);
            Optional<EntityProfile> seen = EntityPairing.in(run, name, entity);
            if (seen.isPresent() && seen.get().itemsSampled() > 0 && run.itemsSampled() > 0) {
                return Optional.of(new Earlier(run, (double) seen.get().itemsSampled() / run.itemsSampled()));
            }
        }
        return Optional.empty();
    }
}
