package dev.veil.drift;

import static dev.veil.drift.Wording.code;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.FindingKind;
import dev.veil.model.IndexInfo;
import dev.veil.model.KeySchema;
import dev.veil.model.Severity;
import dev.veil.model.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds secret attributes that the table's structure copies where no sanitizer reaches: into a
 * secondary index's projection ({@code index-exposure}) or into a key ({@code key-exposure}).
 * Secret means the steward's current view (the newest decision, else the published policy); an
 * attribute nobody has reviewed counts when Veil suggests secret.
 */
final class ExposureCheck {

    private ExposureCheck() {
    }

    /** Why an attribute counts as secret, and whether a steward said so. */
    private record Basis(String phrase, boolean reviewed) {
    }

    static List<ReportedFinding> run(TableEvidence t) {
        List<ReportedFinding> out = new ArrayList<>();
        Optional<KeySchema> tableKey = t.tableKey();
        secrets(t).forEach((path, basis) -> {
            String top = path.topLevelName();
            tableKey.filter(k -> k.isKey(top))
                    .ifPresent(k -> out.add(keyExposure(t, path, basis, role(k, top), "table " + code(t.table()), "table")));
            for (IndexInfo index : t.indexes()) {
                if (index.keySchema().isKey(top)) {
                    out.add(keyExposure(t, path, basis, role(index.keySchema(), top), indexName(index), index.name()));
                } else if (tableKey.filter(k -> !k.isKey(top) && index.projects(top, k)).isPresent()) {
                    out.add(indexExposure(t, path, basis, index));
                }
            }
        });
        return out;
    }

    private static Map<AttributePath, Basis> secrets(TableEvidence t) {
        Map<AttributePath, Basis> out = new TreeMap<>();
        for (Decision d : t.decisions().values()) {
            if (d.classification() == Classification.SECRET) {
                out.put(d.path(), new Basis("tagged secret by " + d.reviewer(), true));
            }
        }
        t.policyRules().forEach((path, rule) -> {
            if (t.decision(path).isEmpty() && rule.classification().filter(c -> c == Classification.SECRET).isPresent()) {
                out.put(path, new Basis("secret in " + t.policyName(), true));
            }
        });
        for (AttributePath path : t.observed().keySet()) {
            Optional<Suggestion> s = t.suggestion(path);
            if (t.reviewedClass(path).isEmpty() && s.filter(x -> x.classification() == Classification.SECRET).isPresent()) {
                out.putIfAbsent(path, new Basis("suggested secret by Veil, not yet reviewed", false));
            }
        }
        return out;
    }

    // index-exposure: HIGH for a reviewed secret, MEDIUM for a suggested one.
    private static ReportedFinding indexExposure(TableEvidence t, AttributePath path, Basis basis, IndexInfo index) {
        String top = path.topLevelName();
        String how = index.projection() == IndexInfo.Projection.ALL
                ? " projects ALL attributes"
                : " includes " + code(top) + " in its projection (INCLUDE " + String.join(", ", index.nonKeyAttributes()) + ")";
        String holds = path.isTopLevel() ? "a copy of " + code(path) : "a copy of " + code(top) + " and so of " + code(path);
        String msg = indexName(index) + how + ", so it stores " + holds + " (" + basis.phrase + "): whoever may query"
                + " the index reads it unless every such reader sanitizes the results.";
        String action = "a projection cannot change in place: create a replacement index with KEYS_ONLY or an INCLUDE"
                + " list without " + code(top) + ", move its queries there, then delete " + code(index.name());
        return Findings.at(t, path, FindingKind.INDEX_EXPOSURE)
                .severity(basis.reviewed ? Severity.HIGH : Severity.MEDIUM).message(msg).action(action)
                .discriminator(index.name()).detail("index", index.name()).detail("indexKind", index.kind().shortName())
                .detail("projection", index.projection().name()).detail("reviewed", basis.reviewed).build();
    }

    // key-exposure: HIGH for a reviewed secret, MEDIUM for a suggested one.
    private static ReportedFinding keyExposure(TableEvidence t, AttributePath path, Basis basis, String role, String owner,
                                               String discriminator) {
        String msg = code(path) + " is " + basis.phrase + ", but it is the " + role + " of " + owner
                + ": no sanitizer can hide a key, which comes back in every index, in LastEvaluatedKey pagination"
                + " tokens and in every request that addresses the item.";
        String action = "key on a surrogate (a random id, or a keyed hash of the value) and keep " + code(path)
                + " as an ordinary attribute; or, if it is not secret after all, "
                + Wording.tagCommand(t.table(), t.entity(), path, Classification.OWNER_ONLY) + " and " + Wording.publishCommand(t.table());
        return Findings.at(t, path, FindingKind.KEY_EXPOSURE)
                .severity(basis.reviewed ? Severity.HIGH : Severity.MEDIUM).message(msg).action(action)
                .discriminator(discriminator).detail("keyOf", discriminator).detail("keyRole", role)
                .detail("reviewed", basis.reviewed).build();
    }

    private static String role(KeySchema key, String attribute) {
        return key.partitionKey().name().equals(attribute) ? "partition key" : "sort key";
    }

    private static String indexName(IndexInfo index) {
        return index.kind().shortName() + " " + code(index.name());
    }
}
