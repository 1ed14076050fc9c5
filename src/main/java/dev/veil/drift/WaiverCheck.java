package dev.veil.drift;

import static dev.veil.drift.Wording.code;

import dev.veil.model.FindingKind;
import dev.veil.model.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies {@code waivers.json} to an audit's findings. A finding an unexpired waiver matches moves to
 * the waived list; an expired waiver leaves its finding counting and adds an {@code expired-waiver}
 * finding (MEDIUM); an unexpired waiver of an audited table that matches no finding adds an
 * {@code unused-waiver} finding (LOW), so it can be removed. Waivers of tables not audited this time
 * are left alone. Both waiver findings point at the waiver's line in {@code waivers.json}.
 */
final class WaiverCheck {

    /** The findings that still count, and the ones a waiver acknowledges. */
    record Result(List<ReportedFinding> counting, List<ReportedFinding> waived) {
    }

    private WaiverCheck() {
    }

    static Result apply(List<ReportedFinding> entries, List<WaiverFile.Located> waivers, Set<String> audited,
                        LocalDate today) {
        List<ReportedFinding> counting = new ArrayList<>(entries);
        List<ReportedFinding> waived = new ArrayList<>();
        List<ReportedFinding> about = new ArrayList<>();
        for (WaiverFile.Located located : waivers) {
            Waiver w = located.waiver();
            if (!audited.contains(w.table())) {
                continue;
            }
            List<ReportedFinding> matched = counting.stream().filter(e -> w.matches(e.finding())).toList();
            if (w.expiredOn(today)) {
                about.add(expired(located, !matched.isEmpty()));
            } else if (matched.isEmpty()) {
                about.add(unused(located));
            } else {
                counting.removeAll(matched);
                matched.forEach(e -> waived.add(e.waivedBy(w)));
            }
        }
        counting.addAll(about);
        return new Result(counting, waived);
    }

    private static ReportedFinding expired(WaiverFile.Located located, boolean stillFound) {
        Waiver w = located.waiver();
        String msg = "The waiver of " + w.kind().label() + " on " + code(w.path()) + " in " + code(w.table())
                + w.entity().map(e -> " (entity " + code(e) + ")").orElse("")
                + " (by " + w.by() + ": " + w.reason() + ") expired after " + w.until() + "; "
                + (stillFound ? "the finding counts again." : "the finding it waived is no longer reported.");
        String action = stillFound
                ? "fix the finding, or renew the waiver: " + Wording.command(renewal(w))
                : "remove the waiver from " + code(WaiverFile.NAME);
        return finding(located, FindingKind.EXPIRED_WAIVER, Severity.MEDIUM, msg, action);
    }

    private static String[] renewal(Waiver w) {
        List<String> words = new ArrayList<>(List.of("waive", w.table(), w.path().toString(), w.kind().label(),
                "--reason", w.reason(), "--until", "YYYY-MM-DD"));
        w.entity().ifPresent(e -> words.addAll(List.of("--entity", e)));
        return words.toArray(String[]::new);
    }

    private static ReportedFinding unused(WaiverFile.Located located) {
        Waiver w = located.waiver();
        String msg = "The waiver of " + w.kind().label() + " on " + code(w.path()) + " in " + code(w.table())
                + w.entity().map(e -> " (entity " + code(e) + ")").orElse("")
                + " (by " + w.by() + ", until " + w.until() + ") matches no finding any more.";
        return finding(located, FindingKind.UNUSED_WAIVER, Severity.LOW, msg,
                "remove the waiver from " + code(WaiverFile.NAME));
    }

    private static ReportedFinding finding(WaiverFile.Located located, FindingKind kind, Severity severity,
                                           String msg, String action) {
        Waiver w = located.waiver();
        return Findings.at(w.table(), w.path(), kind).entity(w.entity()).severity(severity).message(msg).action(action)
                .discriminator(w.kind().label() + "@" + w.entity().orElse(""))
                .detail("waivedKind", w.kind().label()).detail("by", w.by()).detail("until", w.until().toString())
                .build().withLocation(Optional.of(located.location()));
    }
}
