package dev.veil.drift;

import static dev.veil.drift.Wording.code;

import dev.veil.model.AttributePath;
import dev.veil.model.AttributeProfile;
import dev.veil.model.FindingKind;
import dev.veil.model.Severity;
import dev.veil.model.TableProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares consecutive sampling runs and reports attribute paths that appeared or vanished, with
 * the runs' dates ({@code history}, LOW: it explains other findings rather than demanding action).
 * Sampling noise is filtered with {@link Expectation}: a path counts as appeared only when the
 * earlier run would have seen it at its new presence, and as vanished only when the later run would
 * have seen it at its old presence. Only the outermost path of a subtree is reported, and list-element
 * paths ({@code tags[]}) are left to {@code type-change}.
 */
final class HistoryCheck {

    private HistoryCheck() {
    }

    static List<ReportedFinding> run(TableEvidence t) {
        List<ReportedFinding> out = new ArrayList<>();
        List<TableProfile> runs = t.runs();
        for (int i = 1; i < runs.size(); i++) {
            compare(t, runs.get(i - 1), runs.get(i), out);
        }
        return out;
    }

    private static void compare(TableEvidence t, TableProfile before, TableProfile after, List<ReportedFinding> out) {
        Map<AttributePath, AttributeProfile> was = byPath(before);
        Map<AttributePath, AttributeProfile> is = byPath(after);
        is.forEach((path, a) -> {
            if (!was.containsKey(path) && outermost(path, was) && !path.endsWithElements()
                    && Expectation.expected(a.presence(), before.itemsSampled())) {
                out.add(appeared(t, path, a, before, after));
            }
        });
        was.forEach((path, a) -> {
            if (!is.containsKey(path) && outermost(path, is) && !path.endsWithElements()
                    && Expectation.expected(a.presence(), after.itemsSampled())) {
                out.add(vanished(t, path, a, before, after));
            }
        });
    }

    /** True when the path's parent exists on the other side, so the change starts at this path. */
    private static boolean outermost(AttributePath path, Map<AttributePath, AttributeProfile> other) {
        return path.parent().map(other::containsKey).orElse(true);
    }

    private static ReportedFinding appeared(TableEvidence t, AttributePath path, AttributeProfile a,
                                            TableProfile before, TableProfile after) {
        String msg = code(path) + " appeared between the samples of " + Wording.when(before.sampledAt())
                + " (absent from " + Wording.items(before.itemsSampled()) + ") and " + Wording.when(after.sampledAt())
                + " (in " + Wording.percent(a.presence()) + " of " + Wording.items(after.itemsSampled()) + ").";
        return event(t, path, "appeared", before, after, msg,
                "if nobody expected it, find the writer that started storing it; make sure it is reviewed"
                        + " (" + Wording.reviewCommand(t.table(), t.entity()) + ")");
    }

    private static ReportedFinding vanished(TableEvidence t, AttributePath path, AttributeProfile a,
                                            TableProfile before, TableProfile after) {
        String msg = code(path) + " vanished between the samples of " + Wording.when(before.sampledAt())
                + " (in " + Wording.percent(a.presence()) + " of " + Wording.items(before.itemsSampled()) + ") and "
                + Wording.when(after.sampledAt()) + " (absent from " + Wording.items(after.itemsSampled()) + ").";
        return event(t, path, "vanished", before, after, msg,
                "if it was not retired on purpose, find the writer that stopped storing it");
    }

    private static ReportedFinding event(TableEvidence t, AttributePath path, String change, TableProfile before,
                                         TableProfile after, String msg, String action) {
        return Findings.at(t, path, FindingKind.HISTORY).severity(Severity.LOW).message(msg).action(action)
                .discriminator(change + "@" + after.sampledAt()).detail("change", change)
                .detail("before", before.sampledAt().toString()).detail("after", after.sampledAt().toString())
                .detail("itemsBefore", before.itemsSampled()).detail("itemsAfter", after.itemsSampled()).build();
    }

    private static Map<AttributePath, AttributeProfile> byPath(TableProfile run) {
        Map<AttributePath, AttributeProfile> out = new TreeMap<>();
        run.attributes().forEach(a -> out.put(a.path(), a));
        return out;
    }
}
