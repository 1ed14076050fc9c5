package dev.veil.app;

import dev.veil.drift.WaiverFile;
import dev.veil.drift.WaiverFileException;
import dev.veil.model.Decision;
import dev.veil.model.Policy;
import dev.veil.model.TableProfile;
import dev.veil.policy.PolicyBuilder;
import dev.veil.policy.PolicyChange;
import dev.veil.policy.PolicyDiff;
import dev.veil.policy.PolicyJson;
import dev.veil.policy.PolicyProblem;
import dev.veil.policy.PolicyStore;
import dev.veil.policy.PolicyValidator;
import dev.veil.policy.PublishResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns decisions into policy versions and reads them back: preview, publish, show, history,
 * diff and validate. Every read validates the store first.
 */
public final class Publishing {

    private final Veil veil;

    Publishing(Veil veil) {
        this.veil = veil;
    }

    /** The latest published version of {@code table}, if any. */
    public Optional<Integer> latestVersion(String table) {
        return Failures.translate(() -> store().versions(table).stream().max(Integer::compareTo));
    }

    /** What publishing would write now. */
    public PublishPreview preview(String table, Optional<String> owner) {
        veil.knownTables().require(table);
        return Failures.translate(() -> {
            PolicyStore store = store();
            Optional<Policy> latest = store.latest(table);
            List<Decision> decisions = veil.workspace().decisions(table);
            Optional<TableProfile> profile = veil.workspace().latestProfile(table);
            PolicyBuilder.BuildResult built = PolicyBuilder.build(table, decisions, profile, owner, latest);
            List<String> warnings = new java.util.ArrayList<>(built.warnings());
            if (decisions.isEmpty()) {
                warnings.add(0, noDecisions(table));
            }
            List<PolicyChange> changes = PolicyDiff.between(
                    latest.orElse(Policy.draft(table, 1, Optional.empty(), Optional.empty(), java.util.Map.of())),
                    built.draft());
            return new PublishPreview(built.draft(), latest, changes, warnings);
        });
    }

    /** Writes the next version if anything changed. */
    public PublishOutcome publish(String table, Optional<String> owner) {
        veil.knownTables().require(table);
        if (Failures.translate(() -> veil.workspace().decisions(table)).isEmpty()) {
            throw VeilException.badInput(noDecisions(table));
        }
        PublishPreview preview = preview(table, owner);
        return Failures.translate(() -> {
            PublishResult result = store().publish(preview.draft());
            if (result instanceof PublishResult.Published p) {
                return new PublishOutcome(Optional.of(new PublishOutcome.Published(p.policy(), p.file())),
                        p.policy().version(), preview);
            }
            return new PublishOutcome(Optional.empty(), ((PublishResult.Unchanged) result).latestVersion(), preview);
        });
    }

    /** One version, or the latest when {@code version} is empty. */
    public Policy show(String table, Optional<Integer> version) {
        veil.knownTables().require(table);
        return Failures.translate(() -> {
            PolicyStore store = store();
            if (version.isPresent()) {
                return store.read(table, version.get());
            }
            return store.latest(table).orElseThrow(() -> VeilException.badInput("no policy published for " + table
                    + " in " + store.root() + "; publish one with veil publish " + table
                    + (store.tables().isEmpty() ? "" : " (tables with policies: " + String.join(", ", store.tables()) + ")")));
        });
    }

    /** The canonical text of a policy, exactly as stored. */
    public String text(Policy policy) {
        return PolicyJson.write(policy);
    }

    /** The file of a version. */
    public Path file(String table, int version) {
        return store().file(table, version);
    }

    /** Every version, oldest first. */
    public List<Policy> history(String table) {
        veil.knownTables().require(table);
        return Failures.translate(() -> {
            List<Policy> history = store().history(table);
            if (history.isEmpty()) {
                throw VeilException.badInput("no policy published for " + table + " in " + store().root());
            }
            return history;
        });
    }

    /** Changes from version {@code from} to version {@code to}. */
    public List<PolicyChange> diff(String table, int from, int to) {
        veil.knownTables().require(table);
        return Failures.translate(() -> store().diff(table, from, to));
    }

    /** Problems in a policy file, a table folder or a whole store (its {@code waivers.json} included). */
    public List<PolicyProblem> validate(Path fileOrDir) {
        Path waivers = WaiverFile.in(fileOrDir);
        boolean waiverFile = fileOrDir.getFileName() != null && fileOrDir.getFileName().toString().equals(WaiverFile.NAME);
        List<PolicyProblem> out = new java.util.ArrayList<>(waiverFile ? List.of()
                : Failures.translate(() -> PolicyValidator.validate(fileOrDir)));
        Path file = waiverFile ? fileOrDir : waivers;
        if (waiverFile || java.nio.file.Files.isRegularFile(waivers)) {
            try {
                Failures.run(() -> WaiverFile.read(file));
            } catch (VeilException e) {
                if (!(e.getCause() instanceof WaiverFileException w)) {
                    throw e;
                }
                out.add(new PolicyProblem(file, w.location().line(), w.location().column(), w.problem(),
                        "fix the waiver (veil waive writes valid ones) or restore the file from version control"));
            }
        }
        return out;
    }

    private static String noDecisions(String table) {
        return "no decisions recorded for " + table + " in this workspace; tag attributes first "
                + "(veil tag " + table + " PATH CLASS, or veil tag " + table + " --accept-suggestions)";
    }

    private PolicyStore store() {
        return veil.policyStore();
    }
}
