package dev.veil.app;

import dev.veil.drift.Waiver;
import dev.veil.drift.WaiverFile;
import dev.veil.model.AttributePath;
import dev.veil.model.FindingKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Acknowledges a drift finding until a date by adding a waiver to the policy store's
 * {@code waivers.json}, the file a pull request reviews next to the policies. A waiver of the same
 * finding (table, path, kind, entity) is replaced, so renewing is waiving again. The file is
 * rewritten canonically and atomically: whole or not at all.
 */
public final class Waiving {

    private final Veil veil;
    private final Clock clock;

    Waiving(Veil veil, Clock clock) {
        this.veil = veil;
        this.clock = clock;
    }

    /** Checks the request, then writes the waiver. */
    public WaiveOutcome waive(WaiveRequest request) {
        Waiver waiver = waiverOf(request);
        veil.knownTables().require(waiver.table());
        Path file = WaiverFile.in(veil.policyStore().root());
        synchronized (Waiving.class) {
            List<Waiver> waivers = new ArrayList<>();
            Optional<Waiver> replaced = Optional.empty();
            for (WaiverFile.Located l : veil.drift().waivers()) {
                if (l.waiver().sameFindingAs(waiver)) {
                    replaced = Optional.of(l.waiver());
                } else {
                    waivers.add(l.waiver());
                }
            }
            waivers.add(waiver);
            OutputFiles.write(file, WaiverFile.write(waivers).getBytes(StandardCharsets.UTF_8));
            return new WaiveOutcome(waiver, replaced, file);
        }
    }

    private Waiver waiverOf(WaiveRequest r) {
        String table = r.table().strip();
        if (table.isEmpty()) {
            throw VeilException.badInput("name the table of the finding to waive");
        }
        AttributePath path = Failures.translate(() -> AttributePath.parse(r.path()));
        FindingKind kind = FindingKind.fromLabel(r.kind().strip()).filter(WaiverFile::waivable)
                .orElseThrow(() -> VeilException.badInput("unknown kind '" + r.kind() + "' to waive; use one of: "
                        + WaiverFile.waivableLabels()));
        if (r.reason().isBlank()) {
            throw VeilException.badInput("a waiver needs a reason that a reviewer can judge, e.g. "
                    + "\"the service filters this attribute itself until the migration of 2026-03\"");
        }
        LocalDate until = WaiverFile.date(r.until().strip()).orElseThrow(() -> VeilException.badInput(
                "the waiver's end date '" + r.until() + "' is not a date; write YYYY-MM-DD, e.g. "
                        + LocalDate.now(clock).plusMonths(3)));
        LocalDate today = LocalDate.now(clock);
        if (until.isBefore(today)) {
            throw VeilException.badInput("the waiver's end date " + until + " has already passed (today is " + today
                    + " UTC); give a date from today on");
        }
        String by = r.reviewer().isBlank() ? Reviewing.defaultReviewer() : r.reviewer().strip();
        Optional<String> entity = r.entity().map(String::strip).filter(e -> !e.isEmpty());
        return new Waiver(table, path, kind, entity, r.reason().strip(), by, until);
    }
}
