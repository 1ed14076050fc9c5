package dev.veil.app;

import dev.veil.drift.WaiverFile;
import dev.veil.drift.WaiverFileException;
import dev.veil.model.Decision;
import dev.veil.model.Policy;
import dev.veil.model.PublishEntry;
import dev.veil.model.Publication;
import dev.veil.model.TableProfile;
import dev.veil.policy.PolicyBuilder;
import dev.veil.policy.PolicyChange;
import dev.veil.policy.PolicyDiff;
import dev.veil.policy.PolicyJson;
import dev.veil.policy.PolicyProblem;
import dev.veil.policy.PolicyStore;
import dev.veil.policy.PolicyValidator;
import dev.veil.policy.PublishResult;
import dev.veil.policy.PolicyValidationException;
import dev.veil.policy.StoreComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns decisions into policy versions and reads them back: preview, publish, show, history,
 * diff and validate. Every read validates the store first.
 */
public final class Publishing {

    private static final Logger LOG = LoggerFactory.getLogger(Publishing.class);
    /** The schema file a policy store ships next to its table folders. */
    private static final String SCHEMA_FILE = "veil-policy-1.schema.json";

    private final Veil veil;

    Publishing(Veil veil) {
        this.veil = veil;
    }

    /** The latest published version of {@code table}, if any. */
    public Optional<Integer> latestVersion(String table) {
        return Failures.translate(() -> store().versions(table).stream().max(Integer::compareTo));
    }

    /**
     * What publishing would write now: the workspace's decisions over the latest published ones,
     * so that a fresh workspace over an existing store changes nothing until someone decides
     * differently.
     */
    public PublishPreview preview(String table, Optional<String> owner) {
        veil.knownTables().require(table);
        return Failures.translate(() -> {
            PolicyStore store = store();
            Optional<Policy> latest = store.latest(table);
            Baseline baseline = Baseline.of(table, latest, veil.workspace().decisions(table));
            List<Decision> decisions = List.copyOf(baseline.decisions().values());
            Optional<TableProfile> profile = veil.latestProfile(table);
            boolean perEntity = veil.entities().governedPerEntity(table);
            if (perEntity && owner.isPresent()) {
                throw VeilException.badInput(Input.ENTITY_OWNER, table + " is governed per entity, and each kind of item "
                        + "has its own owner (" + String.join(", ", veil.entities().names(table)) + "), so one owner "
                        + "attribute \"" + owner.get() + "\" for the whole table would mean nothing; decide each "
                        + "entity's owner instead, then publish without naming an owner. Nothing was written.");
            }
            PolicyBuilder.BuildResult built = perEntity
                    ? EntityPublishing.build(veil, table, profile, latest)
                    : PolicyBuilder.build(table, decisions, profile, owner, latest);
            List<String> warnings = new java.util.ArrayList<>(built.warnings());
            if (decisions.isEmpty() && !built.draft().hasEntities()) {
                warnings.add(0, noDecisions(table));
            }
            unreviewed(table).ifPresent(warnings::add);
            List<PolicyChange> changes = PolicyDiff.between(
                    latest.orElse(Policy.draft(table, 1, Optional.empty(), Optional.empty(), java.util.Map.of())),
                    built.draft());
            return new PublishPreview(built.draft(), latest, changes, warnings);
        });
    }

    /** Writes the next version if anything changed, refusing a widening one; see {@link #publish(String, PublishRequest)}. */
    public PublishOutcome publish(String table, Optional<String> owner) {
        return publish(table, PublishRequest.of(owner));
    }

    /**
     * Writes the next version if anything changed, recording who published it, when and why, in
     * the file and in the workspace's audit log. A version that widens exposure against the
     * latest one is refused ({@link WideningRefusedException}, nothing written) unless the
     * request allows it.
     */
    public PublishOutcome publish(String table, PublishRequest request) {
        return publish(table, request, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    PublishOutcome publish(String table, PublishRequest request, Instant at) {
        veil.knownTables().require(table);
        PublishPreview preview = preview(table, request.owner());
        if (preview.latest().isEmpty() && !preview.draft().hasEntities()
                && Failures.translate(() -> veil.workspace().decisions(table)).isEmpty()) {
            throw VeilException.badInput(Input.DECISIONS, noDecisions(table));
        }
        Publication publication = new Publication(request.by(), at, request.note());
        return Failures.translate(() -> {
            PolicyStore store = store();
            PublishResult result = store.publish(preview.draft().withPublication(publication), request.allowWidening());
            if (result instanceof PublishResult.Refused refused) {
                throw new WideningRefusedException(table, refused.latestVersion(), refused.widening());
            }
            if (result instanceof PublishResult.Written p) {
                int widening = p.policy().version() == 1 ? 0
                        : (int) PolicyDiff.between(store.read(table, p.policy().version() - 1), p.policy()).stream()
                        .filter(PolicyChange::widening).count();
                LOG.info("published {} v{} ({} widening changes)", table, p.policy().version(), widening);
                veil.workspace().recordPublication(new PublishEntry(0, table, p.policy().version(),
                        p.policy().digest().orElseThrow(), publication, widening, store.root().toString()));
                return new PublishOutcome.Published(p.policy(), p.file(), preview);
            }
            return new PublishOutcome.Unchanged(((PublishResult.Unchanged) result).latestVersion(), preview);
        });
    }

    /** Every publishing this workspace recorded, of one table or of all, oldest first. */
    public List<PublishEntry> publishLog(Optional<String> table) {
        return Failures.translate(() -> veil.workspace().publications(table));
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

    /**
     * Changes between two versions already read and checked together, as {@link #history} returns
     * them: no second reading of the chain for each pair.
     */
    public List<PolicyChange> changes(Policy before, Policy after) {
        return PolicyDiff.between(before, after);
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

    /**
     * For a pull request: validates the policy store and compares it with {@code base}, the store
     * as it is on the target branch. The comparison fails when a table's latest version widens
     * exposure against the base's, or a base version was rewritten or removed.
     *
     * @throws VeilException bad input when {@code base} is not a policy store, or either store is invalid
     */
    public StoreComparison check(Path base) {
        return Failures.translate(() -> {
            PolicyStore store = store();
            PolicyStore baseStore = new PolicyStore(base.toAbsolutePath().normalize());
            requirePolicyStore(baseStore.root());
            validated(store, "");
            validated(baseStore, "the base store " + baseStore.root() + " is invalid:\n");
            return StoreComparison.of(store, baseStore);
        });
    }

    private static void requirePolicyStore(Path base) {
        if (!Files.isDirectory(base)) {
            throw VeilException.badInput("the base " + base + " is not a policy store: " + (Files.exists(base)
                    ? "it is not a directory" : "it does not exist") + "; pass the policy store folder as it is on the "
                    + "target branch, e.g. a git worktree of that branch and its policies folder");
        }
        boolean empty;
        try (java.util.stream.Stream<Path> entries = Files.list(base)) {
            empty = entries.findAny().isEmpty();
        } catch (java.io.IOException e) {
            throw VeilException.unavailable("cannot read the base store " + base + ": " + e.getMessage()
                    + "; check that it exists and that you may read it", e);
        }
        if (!empty && new PolicyStore(base).tables().isEmpty() && !Files.isRegularFile(base.resolve(SCHEMA_FILE))) {
            throw VeilException.badInput("the base " + base + " is not a policy store: it holds no table folder with "
                    + "policy versions (TABLE/v1.json) and no " + SCHEMA_FILE + "; pass the policy store folder itself, "
                    + "such as the policies folder of the target branch's checkout");
        }
    }

    private static void validated(PolicyStore store, String prefix) {
        if (!Files.isDirectory(store.root()) || store.tables().isEmpty()) {
            return;
        }
        List<PolicyProblem> problems = PolicyValidator.validate(store.root());
        if (!problems.isEmpty()) {
            throw VeilException.badInput(prefix + new PolicyValidationException(problems).getMessage());
        }
    }

    private static String noDecisions(String table) {
        return "no decisions recorded for " + table + " in this workspace; classify its attributes first, "
                + "or accept Veil's suggestions";
    }

    /** Paths the sample holds that nobody decided: no sanitizer lets them through. */
    private Optional<String> unreviewed(String table) {
        long n = veil.reviewing().rowsOf(table).stream().filter(ReviewRow::unreviewed).count();
        return n == 0 ? Optional.empty() : Optional.of(n + " unreviewed path" + (n == 1 ? " is" : "s are")
                + " left out, so every sanitizer drops " + (n == 1 ? "it" : "them") + "; review "
                + (n == 1 ? "it" : "them") + " to decide what to show");
    }

    private PolicyStore store() {
        return veil.policyStore();
    }
}
