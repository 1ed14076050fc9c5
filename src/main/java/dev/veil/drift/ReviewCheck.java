package dev.veil.drift;

import static dev.veil.drift.Wording.code;

import dev.veil.model.AttributePath;
import dev.veil.model.Classification;
import dev.veil.model.Decision;
import dev.veil.model.FindingKind;
import dev.veil.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds what stewards have not finished: tables with no published policy ({@code no-policy}),
 * and decisions that differ from the published policy ({@code unreviewed}).
 */
final class ReviewCheck {

    private ReviewCheck() {
    }

    static List<ReportedFinding> run(TableEvidence t) {
        List<ReportedFinding> out = new ArrayList<>();
        if (t.policy().isEmpty()) {
            out.add(noPolicy(t));
            return out;
        }
        t.decisions().values().forEach(d -> unpublished(t, d).ifPresent(out::add));
        return out;
    }

    // no-policy, HIGH: services reading the table have no sanitizer at all.
    private static ReportedFinding noPolicy(TableEvidence t) {
        long attributes = t.observed().size();
        long suggestedSecret = t.observed().keySet().stream()
                .filter(p -> t.suggestion(p).filter(s -> s.classification() == Classification.SECRET).isPresent())
                .count();
        int decided = t.decisions().size();
        StringBuilder msg = new StringBuilder(code(t.table())).append(" has no published policy, so services reading it"
                + " have no sanitizer");
        if (t.latest().isPresent()) {
            msg.append(", and ").append(attributes == 1 ? "the one attribute path" : "all " + attributes + " attribute paths")
                    .append(" seen in ").append(t.itemsSampled()).append(" sampled items ")
                    .append(attributes == 1 ? "is" : "are").append(" unreviewed");
            if (suggestedSecret > 0) {
                msg.append(" (Veil suggests secret for ").append(suggestedSecret).append(')');
            }
        }
        msg.append('.');
        if (decided > 0) {
            msg.append(' ').append(decided).append(decided == 1 ? " decision is" : " decisions are")
                    .append(" waiting to be published.");
        }
        String action = decided > 0 && decided >= attributes
                ? "publish the decisions: " + Wording.publishCommand(t.table())
                : "review its attributes (" + Wording.reviewCommand(t.table(), t.entity()) + "; "
                        + Wording.command("tag", t.table(), "--accept-suggestions") + " takes Veil's suggestions), then "
                        + Wording.publishCommand(t.table());
        return Findings.tableWide(t.table(), FindingKind.NO_POLICY).severity(Severity.HIGH)
                .message(msg.toString()).action(action)
                .detail("attributes", attributes).detail("suggestedSecret", suggestedSecret)
                .detail("decisions", (long) decided).build();
    }

    // unreviewed: HIGH when the decision is narrower than what the published policy lets through
    // (the sanitizers in service still expose it), MEDIUM otherwise. Decisions on observed paths the
    // policy does not name are left to new-attribute, which mentions them.
    private static Optional<ReportedFinding> unpublished(TableEvidence t, Decision d) {
        AttributePath path = d.path();
        Optional<Classification> published = t.publishedClass(path);
        if (published.filter(c -> c == d.classification()).isPresent()) {
            return Optional.empty();
        }
        PolicyCoverage cov = t.coverage(path);
        if (cov.status() == PolicyCoverage.Status.UNKNOWN && t.observed(path).isPresent()
                && cov.firstUnknownStep(path) && !path.endsWithElements()) {
            return Optional.empty();
        }
        Optional<Classification> exposedAs = cov.status() == PolicyCoverage.Status.UNKNOWN
                ? Optional.empty() : cov.effectiveClass();
        boolean narrowing = exposedAs.filter(c -> c.isWiderThan(d.classification())).isPresent();
        String now = switch (cov.status()) {
            case NAMED -> "still says " + exposedAs.map(Classification::label).orElse("nothing");
            case INSIDE_WHOLE -> "passes it whole as part of " + code(ancestor(path, cov))
                    + exposedAs.map(c -> " (" + c.label() + ")").orElse("");
            case UNKNOWN -> "does not name it (sanitizers drop it)";
        };
        String msg = code(path) + " was tagged " + d.classification().label() + " by " + d.reviewer() + " on "
                + Wording.when(d.decidedAt()) + ", but " + t.policyName() + " " + now + "."
                + (narrowing ? " Sanitizers in service keep showing it to " + audience(exposedAs.orElseThrow())
                        + " until the decision is published." : "");
        Findings f = Findings.at(t, path, FindingKind.UNREVIEWED)
                .severity(narrowing ? Severity.HIGH : Severity.MEDIUM).message(msg)
                .action("publish the decision: " + Wording.publishCommand(t.table())
                        + " (or tag it back if the change was a mistake)")
                .detail("decidedClass", d.classification().label()).detail("reviewer", d.reviewer())
                .detail("decidedAt", d.decidedAt().toString());
        exposedAs.ifPresent(c -> f.detail("publishedClass", c.label()));
        return Optional.of(f.build());
    }

    private static AttributePath ancestor(AttributePath path, PolicyCoverage cov) {
        return new AttributePath(path.segments().subList(0, cov.matched()));
    }

    static String audience(Classification c) {
        return switch (c) {
            case PUBLIC -> "every reader";
            case OWNER_ONLY -> "the item's owner";
            case SECRET -> "nobody";
        };
    }
}
